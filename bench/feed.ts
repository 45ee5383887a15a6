// Change-feed benchmarks (SPEC §10/§11), on PostgreSQL with two app instances on one database:
//  - the month-window list on PostgreSQL (≈50 of 100k events) vs the trivial handler, 32 connections;
//  - a sync round after one change (target ≤ 20 ms), on the given instances;
//  - the delay from a write on instance B to the change frame on an SSE stream on instance A
//    (median and max, target ≤ 1 s).
// Run alone with `npx tsx bench/feed.ts`; `npm run bench` includes its section.
import { throwawayDatabase } from "../lib/db/testing/throwaway-database.ts";
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import pg from "pg";
import { ensureBenchBuild } from "./build.ts";
import { load, type LoadResult } from "./http-load.ts";

const root = path.resolve(import.meta.dirname, "..");
const ADMIN = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const TOTAL = 100_000;

const pct = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))]!;
const ms = (n: number) => n.toFixed(1);

/** Latency of `GET …?sync_token=` right after one change, repeated. */
export async function restSyncAfterOneChange(base: string, calendarUuid: string, auth: Record<string, string>, rounds = 40): Promise<number[]> {
  const events = `${base}/api/v1/calendars/${calendarUuid}/events`;
  const first = (await (await fetch(`${events}?sync_token=&limit=1&offset=${10 ** 6}`, { headers: auth })).json()) as { meta: { next_sync_token: string } };
  let token = first.meta.next_sync_token;
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const created = await fetch(events, { method: "POST", headers: { ...auth, "content-type": "application/json" }, body: JSON.stringify({ title: `Sync ${i}`, starts_at: "2026-03-10T09:00:00Z", ends_at: "2026-03-10T10:00:00Z" }) });
    if (created.status !== 201) throw new Error(`create failed: ${created.status}`);
    const started = performance.now();
    const response = await fetch(`${events}?sync_token=${encodeURIComponent(token)}`, { headers: auth });
    const body = (await response.json()) as { events: unknown[]; meta: { next_sync_token: string } };
    times.push(performance.now() - started);
    if (body.events.length !== 1) throw new Error(`expected one change, got ${body.events.length}`);
    token = body.meta.next_sync_token;
  }
  return times;
}

/** Write through `b`, wait for the frame on a stream opened on `a`: delays in ms. */
async function streamDelay(a: string, b: string, calendarUuid: string, auth: Record<string, string>, writes = 30): Promise<number[]> {
  const controller = new AbortController();
  const response = await fetch(`${a}/api/v1/stream`, { headers: auth, signal: controller.signal });
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  const nextFrame = async (event: string) => {
    for (;;) {
      const end = buffer.indexOf("\n\n");
      if (end >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (block.includes(`event: ${event}`)) return;
        continue;
      }
      const { value, done } = await reader.read();
      if (done) throw new Error("stream ended");
      buffer += decoder.decode(value, { stream: true });
    }
  };
  await nextFrame("ready");
  const delays: number[] = [];
  try {
    for (let i = 0; i < writes; i++) {
      const started = performance.now();
      const frame = nextFrame("change");
      const created = await fetch(`${b}/api/v1/calendars/${calendarUuid}/events`, { method: "POST", headers: { ...auth, "content-type": "application/json" }, body: JSON.stringify({ title: `Live ${i}`, starts_at: "2026-03-11T09:00:00Z", ends_at: "2026-03-11T10:00:00Z" }) });
      if (created.status !== 201) throw new Error(`create failed: ${created.status}`);
      const committed = performance.now();
      await frame;
      // From the moment B answered (the write is committed) to the frame on A; never negative.
      delays.push(Math.max(0, performance.now() - committed));
      void started;
    }
  } finally {
    controller.abort();
  }
  return delays;
}

function startServer(port: number, databaseUrl: string, bodyFile?: string): ChildProcess {
  return spawn(process.execPath, [path.join(root, "server.mjs"), "-p", String(port), "-H", "127.0.0.1"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl, RATE_LIMIT_PER_MINUTE: "100000000", NEXT_TELEMETRY_DISABLED: "1", ...(bodyFile ? { SWEETDATE_BENCH_BODY: bodyFile } : {}) },
    stdio: "ignore",
  });
}

export async function waitFor(url: string) {
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`server did not start: ${url}`);
}

/** The PostgreSQL section of docs/benchmarks.md. */
export async function runFeedBench(opts: { seconds: number; bodyFile: string; portA?: number; portB?: number }): Promise<string> {
  ensureBenchBuild();
  const database = await throwawayDatabase({ prefix: "sweetdate_bench", postgres: ADMIN, dir: path.resolve(import.meta.dirname, "..", "data") });
  const databaseUrl = database.url;
  const servers: ChildProcess[] = [];
  try {
    const previous = process.env.DATABASE_URL;
    process.env.DATABASE_URL = databaseUrl;
    const { migrate } = await import("../lib/db/migrate.ts");
    await migrate();
    const { signUp, createApiToken } = await import("../lib/services/accounts.ts");
    const { createCalendar } = await import("../lib/services/manage-calendars.ts");
    const { closeDb } = await import("../lib/db/client.ts");
    const user = await signUp({ email: "bench-pg@example.test", password: "bench-password" });
    const calendar = await createCalendar(user.id, { name: "Bench" }, "UTC");
    const { token } = await createApiToken(user.id, "bench");
    await closeDb();
    process.env.DATABASE_URL = previous;
    // The same shape as the SQLite benchmark: 50 events in March 2026, the rest months away.
    const db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();
    await db.query(
      `INSERT INTO events (uuid, calendar_id, creator_id, title, search_text, all_day, starts_at, ends_at, time_zone, status, visibility, stakeholder, default_role, exdates, sequence, span_class, created_at, updated_at)
       SELECT gen_random_uuid()::text, $1, $2, 'Event ' || i, 'event ' || i, false, s, s + interval '1 hour', 'UTC', 'scheduled', 'public', 'group', 'editor', '[]', 0, 0, now(), now()
       FROM (SELECT i, CASE WHEN i < 50 THEN timestamp '2026-03-01' + i * interval '14 hours'
                            ELSE timestamp '2026-03-01' + (CASE WHEN i % 2 = 1 THEN 1 ELSE -1 END) * (31 + i % 60000) * interval '1 day' END AS s
             FROM generate_series(0, $3 - 1) AS i) x`,
      [calendar.id, user.id, TOTAL],
    );
    await db.query("ANALYZE events");
    await db.end();

    const portA = opts.portA ?? 4556;
    const portB = opts.portB ?? 4557;
    servers.push(startServer(portA, databaseUrl, opts.bodyFile), startServer(portB, databaseUrl, opts.bodyFile));
    const a = `http://127.0.0.1:${portA}`;
    const b = `http://127.0.0.1:${portB}`;
    await Promise.all([waitFor(`${a}/api/health`), waitFor(`${b}/api/health`)]);
    const auth = { authorization: `Bearer ${token}` };
    const listUrl = `${a}/api/v1/calendars/${calendar.uuid}/events?from=2026-03-01T00:00:00Z&to=2026-04-01T00:00:00Z&limit=100`;
    const body = await (await fetch(listUrl, { headers: auth })).text();
    const count = (JSON.parse(body) as { events: unknown[] }).events.length;
    const fs = await import("node:fs");
    fs.writeFileSync(opts.bodyFile, body);
    await load(listUrl, { connections: 32, seconds: 2, headers: auth });
    await load(`${a}/api/bench/baseline`, { connections: 32, seconds: 2 });
    const list: LoadResult[] = [];
    const baseline: LoadResult[] = [];
    for (let i = 0; i < 2; i++) {
      baseline.push(await load(`${a}/api/bench/baseline`, { connections: 32, seconds: opts.seconds / 2 }));
      list.push(await load(listUrl, { connections: 32, seconds: opts.seconds / 2, headers: auth }));
    }
    const merged = (rs: LoadResult[]) => ({ rps: rs.reduce((s, r) => s + r.requests, 0) / rs.reduce((s, r) => s + r.seconds, 0), p50: Math.max(...rs.map((r) => r.p50)), p99: Math.max(...rs.map((r) => r.p99)), errors: rs.reduce((s, r) => s + r.errors, 0) });
    const l = merged(list);
    const t = merged(baseline);
    const sync = await restSyncAfterOneChange(a, calendar.uuid, auth);
    const delays = await streamDelay(a, b, calendar.uuid, auth);
    return `## PostgreSQL: month-window list, sync, live stream across two instances

${TOTAL.toLocaleString("en")} events in one calendar on PostgreSQL, two \`npm start\` instances (A, B) on that one database.

| measure | result | target |
|---|---|---|
| month-window list on A (${count} events), 32 connections | ${l.rps.toFixed(0)} req/s, p50 ${ms(l.p50)} ms, p99 ${ms(l.p99)} ms, ${l.errors} errors | — |
| trivial handler, same bytes | ${t.rps.toFixed(0)} req/s, p99 ${ms(t.p99)} ms | — |
| list ÷ trivial | **${((l.rps / t.rps) * 100).toFixed(0)} %** | ≥ 60 % |
| sync round after one change (\`?sync_token=\`, ${sync.length} rounds) | median ${ms(pct(sync, 0.5))} ms, p95 ${ms(pct(sync, 0.95))} ms, max ${ms(Math.max(...sync))} ms | ≤ 20 ms |
| write on B → \`change\` frame on A's stream (${delays.length} writes) | median ${ms(pct(delays, 0.5))} ms, max ${ms(Math.max(...delays))} ms | ≤ 1 s |
`;
  } finally {
    for (const s of servers) s.kill("SIGTERM");
    await new Promise((r) => setTimeout(r, 500));
    await database.drop().catch(() => {});
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const os = await import("node:os");
  runFeedBench({ seconds: Number(process.env.BENCH_SECONDS ?? 8), bodyFile: path.join(os.tmpdir(), `sweetdate-bench-pg-${process.pid}.json`) })
    .then((section) => console.log(section))
    .catch((error) => {
      console.error(error);
      process.exit(1);
    });
}
