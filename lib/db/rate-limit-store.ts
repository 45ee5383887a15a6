// Rate-limit counters in PostgreSQL, so every instance behind a load balancer enforces one limit:
// one UPSERT per counted request, fixed windows aligned on the database's clock (no skew between
// instances). SQLite installations are one process and count in memory (lib/api/rate-limit.ts).
import { db, pgPool } from "./client.ts";

export interface WindowCount {
  hits: number;
  /** Milliseconds until the window ends. */
  msLeft: number;
}

/** Counts one hit for `key` in its current window of `windowMs`; returns the hits so far. */
export async function hitBucket(key: string, windowMs: number): Promise<WindowCount> {
  // On every request: straight on the pool, not through Prisma's engine.
  const { rows } = await pgPool()!.query<{ hits: number; ms_left: string | number }>(
    `WITH now_ms AS (SELECT (extract(epoch FROM clock_timestamp()) * 1000)::bigint AS t)
     INSERT INTO rate_limit_buckets (key, window_start, expires_at, hits)
     SELECT $1, (t / $2) * $2, (t / $2) * $2 + $2, 1 FROM now_ms
     ON CONFLICT (key) DO UPDATE SET
       hits = CASE WHEN EXCLUDED.window_start > rate_limit_buckets.window_start THEN 1 ELSE rate_limit_buckets.hits + 1 END,
       window_start = GREATEST(EXCLUDED.window_start, rate_limit_buckets.window_start),
       expires_at = GREATEST(EXCLUDED.expires_at, rate_limit_buckets.expires_at)
     RETURNING hits, expires_at - (SELECT t FROM now_ms) AS ms_left`,
    [key, windowMs],
  );
  const row = rows[0]!;
  return { hits: Number(row.hits), msLeft: Number(row.ms_left) };
}

/** Takes one hit back (a successful sign-in was not a guess). */
export async function undoHit(key: string): Promise<void> {
  await db().$executeRawUnsafe(`UPDATE rate_limit_buckets SET hits = GREATEST(hits - 1, 0) WHERE key = $1`, key);
}

/** Removes windows that have ended. */
export async function sweepBuckets(): Promise<void> {
  await db().$executeRawUnsafe(`DELETE FROM rate_limit_buckets WHERE expires_at < (extract(epoch FROM clock_timestamp()) * 1000)::bigint`);
}

export async function clearBuckets(): Promise<void> {
  await db().$executeRawUnsafe(`DELETE FROM rate_limit_buckets`);
}
