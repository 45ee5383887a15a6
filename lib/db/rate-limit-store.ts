// Rate-limit counters in PostgreSQL, so every instance behind a load balancer enforces one limit:
// one UPSERT per counted request, fixed windows aligned on the database's clock (no skew between
// instances). SQLite installations are one process and count in memory (lib/api/rate-limit.ts).
import { db } from "./client.ts";
import { takeCounted } from "./request-snapshot.ts";
import { raw, readerFor, sql, type Sql } from "./sql.ts";

export interface WindowCount {
  hits: number;
  /** Milliseconds until the window ends. */
  msLeft: number;
}

/**
 * Three CTEs, `now_ms`, `span` and `hit`, counting one hit for the key `key` evaluates to (none when NULL) in
 * its current window of `windowMs`; `hit` returns `hits` and `ms_left`. Also used inside the
 * credentials lookup (lib/db/user-repository.ts), so an API request costs one round trip.
 */
export function countHit(key: Sql, windowMs: number): Sql {
  // The window's width is ours (a whole number of ms), inlined so the statement's text names it.
  const width = raw(String(Math.trunc(windowMs)));
  return sql`now_ms AS (SELECT (extract(epoch FROM clock_timestamp()) * 1000)::bigint AS t),
    span AS (SELECT (t / ${width}) * ${width} AS start FROM now_ms),
    hit AS (INSERT INTO rate_limit_buckets (key, window_start, expires_at, hits)
      SELECT ${key}, start, start + ${width}, 1 FROM span WHERE ${key} IS NOT NULL
      ON CONFLICT (key) DO UPDATE SET
        hits = CASE WHEN EXCLUDED.window_start > rate_limit_buckets.window_start THEN 1 ELSE rate_limit_buckets.hits + 1 END,
        window_start = GREATEST(EXCLUDED.window_start, rate_limit_buckets.window_start),
        expires_at = GREATEST(EXCLUDED.expires_at, rate_limit_buckets.expires_at)
      RETURNING hits, expires_at - (SELECT t FROM now_ms) AS ms_left)`;
}

/** Counts one hit for `key` in its current window of `windowMs`; returns the hits so far. */
export async function hitBucket(key: string, windowMs: number): Promise<WindowCount> {
  // Counted already by this request's credentials lookup?
  const counted = takeCounted(key, windowMs);
  if (counted) return counted;
  // On every request: straight on the pool, not through Prisma's engine.
  const [row] = await readerFor().all(sql`WITH ${countHit(sql`${key}::text`, windowMs)} SELECT hits, ms_left FROM hit`);
  return { hits: Number(row!.hits), msLeft: Number(row!.ms_left) };
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
