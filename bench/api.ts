// The API section of `npm run bench` (alone: `BENCH_ONLY=api npm run bench`): the calendar issue 14
// describes — 20,000 one-off events over 20 years plus 30 recurring series (daily, weekly, monthly
// in four zones), a March window of ~314 occurrences, a page of 100 — and a 100k-event calendar,
// each listed through the public API against the trivial handler of the same app in the same run
// (32 keep-alive connections, alternating), on SQLite and PostgreSQL side by side; plus the rate of
// event creation through the API.
import { spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { load, type LoadResult } from "./http-load.ts";
import { throwawayDatabase, type ThrowawayDatabase } from "../lib/db/testing/throwaway-database.ts";
import { waitFor } from "./feed.ts";

const root = path.resolve(import.meta.dirname, "..");
const PG_ADMIN = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const ONE_OFFS = 20_000;
const BIG = 100_000;
const CONNECTIONS = 32;
const ZONES = ["UTC", "Europe/Berlin", "America/New_York", "Asia/Tokyo"];

export type Engine = "sqlite" | "postgres";

interface Measured {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

export interface EngineResult {
  engine: Engine;
  monthCount: number;
  monthBytes: number;
  month: Measured;
  day: Measured;
  big: Measured;
  bigCount: number;
  trivial: Measured;
  createRate: number;
  createErrors: number;
  createP99: number;
  /** The trivial POST handler (reads the JSON body, answers 201 with an event's bytes): creation's ceiling. */
  trivialPost: Measured;
  /** The creation route's handler called directly (no HTTP server, no Next): per second, and CPU ms per event. */
  handler: { rate: number; cpuMs: number };
}

const merged = (rs: LoadResult[]): Measured => ({
  rps: rs.reduce((s, r) => s + r.requests, 0) / rs.reduce((s, r) => s + r.seconds, 0),
  p50: Math.max(...rs.map((r) => r.p50)),
  p99: Math.max(...rs.map((r) => r.p99)),
  errors: rs.reduce((s, r) => s + r.errors, 0),
});

interface Row {
  calendarId: number;
  title: string;
  start: number;
  minutes: number;
}

/** 20,000 one-offs evenly over 2010–2029 (≈ 85 in March 2026), and the 100k calendar: 50 in March 2026, the rest months away. */
export function oneOffs(realistic: number, big: number): Row[] {
  const rows: Row[] = [];
  const from = Date.UTC(2010, 0, 1);
  const step = (Date.UTC(2030, 0, 1) - from) / ONE_OFFS;
  for (let i = 0; i < ONE_OFFS; i++) rows.push({ calendarId: realistic, title: `Meeting ${i}`, start: Math.floor((from + i * step) / 60_000) * 60_000, minutes: 30 + (i % 4) * 30 });
  const march = Date.UTC(2026, 2, 1);
  for (let i = 0; i < BIG; i++) {
    const start = i < 50 ? march + i * 14 * 3600_000 : march + (i % 2 ? 1 : -1) * (31 + (i % 60_000)) * 86_400_000;
    rows.push({ calendarId: big, title: `Event ${i}`, start, minutes: 60 });
  }
  return rows;
}

const COLUMNS = "uuid, calendar_id, creator_id, title, search_text, all_day, starts_at, ends_at, time_zone, status, visibility, stakeholder, default_role, exdates, rdates, sequence, span_class, created_at, updated_at";

export async function insertRows(engine: Engine, url: string, rows: Row[], creatorId: number): Promise<void> {
  const now = new Date().toISOString();
  const values = (r: Row, iso: (ms: number) => string, bool: (b: boolean) => unknown) => [
    crypto.randomUUID(), r.calendarId, creatorId, r.title, r.title.toLowerCase(), bool(false), iso(r.start), iso(r.start + r.minutes * 60_000),
    "UTC", "scheduled", "public", "group", "editor", "[]", "[]", 0, 0, now, now,
  ];
  if (engine === "sqlite") {
    const db = new Database(url.replace(/^file:/, ""));
    const insert = db.prepare(`INSERT INTO events (${COLUMNS}) VALUES (${COLUMNS.split(",").map(() => "?").join(", ")})`);
    const iso = (ms: number) => new Date(ms).toISOString().replace("Z", "+00:00");
    db.transaction(() => {
      for (const r of rows) insert.run(...values(r, iso, (b) => (b ? 1 : 0)));
    })();
    db.close();
    return;
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const width = COLUMNS.split(",").length;
  for (let i = 0; i < rows.length; i += 1000) {
    const batch = rows.slice(i, i + 1000);
    const params = batch.flatMap((r) => values(r, (ms) => new Date(ms).toISOString(), (b) => b));
    const tuples = batch.map((_, j) => `(${Array.from({ length: width }, (_, k) => `$${j * width + k + 1}`).join(", ")})`);
    await client.query(`INSERT INTO events (${COLUMNS}) VALUES ${tuples.join(", ")}`, params);
  }
  await client.query("ANALYZE");
  await client.end();
}

/** 30 series through the service layer (canonical RRULEs, series ends), started years before the window. */
export async function createSeries(userId: number, calendar: Parameters<typeof import("../lib/services/create-event.ts").createEvent>[1]): Promise<void> {
  const { createEvent } = await import("../lib/services/create-event.ts");
  const { loadViewer } = await import("../lib/services/viewer.ts");
  const viewer = await loadViewer(userId);
  for (let i = 0; i < 30; i++) {
    const zone = ZONES[i % ZONES.length]!;
    const rrule = i < 5 ? "FREQ=DAILY" : i < 21 ? `FREQ=WEEKLY;BYDAY=${["MO", "TU", "WE", "TH", "FR"][i % 5]}` : "FREQ=MONTHLY";
    const start = new Date(Date.UTC(2010 + (i % 8), i % 12, 1 + (i % 5), 7 + (i % 9), (i % 4) * 15));
    await createEvent(viewer, calendar, { title: `Series ${i}`, startsAt: start, endsAt: new Date(start.getTime() + 45 * 60_000), timeZone: zone, rrule }, "scheduled");
  }
}

function makeDatabase(engine: Engine): Promise<ThrowawayDatabase> {
  return throwawayDatabase({ prefix: engine === "sqlite" ? "bench-api" : "sweetdate_bench_api", postgres: engine === "postgres" ? PG_ADMIN : undefined, dir: path.join(root, "data") });
}


/** POSTs events from 32 keep-alive connections for `seconds` (the same load generator as the lists): created per second. */
async function creationRate(url: string, auth: Record<string, string>, seconds: number): Promise<{ rate: number; errors: number; p99: number }> {
  const result = await creationLoad(url, auth, seconds);
  return { rate: (result.requests - result.errors) / result.seconds, errors: result.errors, p99: result.p99 };
}

/** Calls the creation route's handler itself with ready Requests, 32 at a time, for `seconds`: our code and the database alone. */
async function handlerRate(calendarUuid: string, token: string, seconds: number): Promise<{ rate: number; cpuMs: number }> {
  const { createCalendarEvent } = await import("../lib/api/sweetdate/events.ts");
  // Unlimited, like the server's RATE_LIMIT_PER_MINUTE above (the environment is parsed once per process).
  const { useEnv: overrideEnv } = await import("../lib/env.ts");
  overrideEnv({ RATE_LIMIT_PER_MINUTE: "1000000000" });
  const post = createCalendarEvent as unknown as (req: Request, ctx: { params: Promise<{ calendar_id: string }> }) => Promise<Response>;
  const request = (c: number, i: number) => {
    const start = Date.UTC(2031, 0, 1) + (c * 10_000 + i) * 3600_000;
    return new Request(`http://127.0.0.1/api/v1/calendars/${calendarUuid}/events`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json", "x-sd-remote-addr": "127.0.0.1" },
      body: JSON.stringify({ title: `Direct ${c}.${i}`, starts_at: new Date(start).toISOString(), ends_at: new Date(start + 3600_000).toISOString() }),
    });
  };
  const run = async (until: number) => {
    let created = 0;
    await Promise.all(
      Array.from({ length: CONNECTIONS }, async (_, c) => {
        for (let i = 0; performance.now() < until; i++) {
          const response = await post(request(c, i), { params: Promise.resolve({ calendar_id: calendarUuid }) });
          await response.text();
          if (response.status !== 201) throw new Error(`direct creation answered ${response.status}`);
          created += 1;
        }
      }),
    );
    return created;
  };
  await run(performance.now() + 1000); // warm up
  const cpu = process.cpuUsage();
  const started = performance.now();
  const created = await run(started + seconds * 1000);
  const used = process.cpuUsage(cpu);
  return { rate: created / ((performance.now() - started) / 1000), cpuMs: (used.user + used.system) / 1000 / created };
}

function creationLoad(url: string, auth: Record<string, string>, seconds: number): Promise<LoadResult> {
  return load(url, {
    connections: CONNECTIONS,
    seconds,
    headers: auth,
    expect: 201,
    body: (c, i) => {
      const start = Date.UTC(2027, 0, 1) + (c * 10_000 + i) * 3600_000;
      return { title: `Created ${c}.${i}`, starts_at: new Date(start).toISOString(), ends_at: new Date(start + 3600_000).toISOString() };
    },
  });
}

export async function runApiEngine(engine: Engine, opts: { seconds: number; port: number }): Promise<EngineResult> {
  const database = await makeDatabase(engine);
  let server: ChildProcess | null = null;
  const bodyFile = path.join(os.tmpdir(), `sweetdate-bench-api-${engine}-${process.pid}.json`);
  const previousUrl = process.env.DATABASE_URL;
  try {
    process.env.DATABASE_URL = database.url;
    const { migrate } = await import("../lib/db/migrate.ts");
    await migrate();
    const { signUp, createApiToken } = await import("../lib/services/accounts.ts");
    const { createCalendar } = await import("../lib/services/manage-calendars.ts");
    const { closeDb } = await import("../lib/db/client.ts");
    const user = await signUp({ email: `bench-api-${engine}@example.test`, password: "bench-password" });
    const realistic = await createCalendar(user.id, { name: "Team" }, "Europe/Berlin");
    const big = await createCalendar(user.id, { name: "100k" }, "UTC");
    const writes = await createCalendar(user.id, { name: "Writes" }, "UTC");
    const { token } = await createApiToken(user.id, "bench");
    await createSeries(user.id, realistic);
    await closeDb();
    process.env.DATABASE_URL = previousUrl;
    await insertRows(engine, database.url, oneOffs(realistic.id, big.id), user.id);

    // BENCH_APP_ROOT: serve another checkout's build (e.g. the code before a change) on the same data.
    const appRoot = process.env.BENCH_APP_ROOT ?? root;
    server = spawn(process.execPath, [path.join(appRoot, "server.mjs"), "-p", String(opts.port), "-H", "127.0.0.1"], {
      cwd: appRoot,
      env: { ...process.env, DATABASE_URL: database.url, SWEETDATE_BENCH_BODY: bodyFile, RATE_LIMIT_PER_MINUTE: "100000000", NEXT_TELEMETRY_DISABLED: "1" },
      stdio: process.env.BENCH_DEBUG ? "inherit" : "ignore",
    });
    const base = `http://127.0.0.1:${opts.port}`;
    await waitFor(`${base}/api/health`);
    const auth = { authorization: `Bearer ${token}` };
    const events = (c: { uuid: string }) => `${base}/api/v1/calendars/${c.uuid}/events`;
    const monthUrl = `${events(realistic)}?from=2026-03-01T00:00:00Z&to=2026-04-01T00:00:00Z&limit=100`;
    const dayUrl = `${events(realistic)}?from=2026-03-10T00:00:00Z&to=2026-03-11T00:00:00Z&limit=100`;
    const bigUrl = `${events(big)}?from=2026-03-01T00:00:00Z&to=2026-04-01T00:00:00Z&limit=100`;
    const sample = await fetch(monthUrl, { headers: auth });
    const body = await sample.text();
    if (sample.status !== 200) throw new Error(`list failed: ${sample.status} ${body.slice(0, 200)}`);
    const monthCount = (JSON.parse(body) as { meta: { total: number } }).meta.total;
    const bigCount = ((await (await fetch(bigUrl, { headers: auth })).json()) as { meta: { total: number } }).meta.total;
    fs.writeFileSync(bodyFile, body);
    const trivialUrl = `${base}/api/bench/baseline`;
    // Warm every path, then measure alternately (twice each).
    for (const url of [trivialUrl, monthUrl, dayUrl, bigUrl]) await load(url, { connections: CONNECTIONS, seconds: 1.5, headers: auth });
    const runs: Record<"trivial" | "month" | "day" | "big", LoadResult[]> = { trivial: [], month: [], day: [], big: [] };
    for (let i = 0; i < 2; i++) {
      runs.trivial.push(await load(trivialUrl, { connections: CONNECTIONS, seconds: opts.seconds / 2 }));
      runs.month.push(await load(monthUrl, { connections: CONNECTIONS, seconds: opts.seconds / 2, headers: auth }));
      runs.day.push(await load(dayUrl, { connections: CONNECTIONS, seconds: opts.seconds / 4, headers: auth }));
      runs.big.push(await load(bigUrl, { connections: CONNECTIONS, seconds: opts.seconds / 4, headers: auth }));
    }
    const trivialPost: LoadResult[] = [];
    const creations: Awaited<ReturnType<typeof creationRate>>[] = [];
    for (let i = 0; i < 2; i++) {
      trivialPost.push(await creationLoad(trivialUrl, auth, Math.max(2, opts.seconds / 4)));
      creations.push(await creationRate(events(writes), auth, Math.max(2, opts.seconds / 4)));
    }
    const created = { rate: creations.reduce((s, c) => s + c.rate, 0) / creations.length, errors: creations.reduce((s, c) => s + c.errors, 0), p99: Math.max(...creations.map((c) => c.p99)) };
    // The same handler without HTTP and Next, in this process, on the same database (the server idle).
    process.env.DATABASE_URL = database.url;
    const handler = await handlerRate(writes.uuid, token, Math.max(2, opts.seconds / 4));
    await closeDb();
    process.env.DATABASE_URL = previousUrl;
    return {
      engine,
      monthCount,
      monthBytes: body.length,
      month: merged(runs.month),
      day: merged(runs.day),
      big: merged(runs.big),
      bigCount,
      trivial: merged(runs.trivial),
      createRate: created.rate,
      createErrors: created.errors,
      createP99: created.p99,
      trivialPost: merged(trivialPost),
      handler,
    };
  } finally {
    process.env.DATABASE_URL = previousUrl;
    if (server) {
      const exited = new Promise((r) => server!.once("exit", r));
      server.kill("SIGTERM");
      await exited;
    }
    fs.rmSync(bodyFile, { force: true });
    await database.drop();
  }
}

const SECTION = "## API: the realistic calendar on SQLite and PostgreSQL";

/** Cells of the previous run's table, by row label and column (engine). */
function previousCells(previous: string): Map<string, string[]> {
  const start = previous.indexOf(SECTION);
  const cells = new Map<string, string[]>();
  if (start < 0) return cells;
  const end = previous.indexOf("\n## ", start + 1);
  for (const line of previous.slice(start, end < 0 ? undefined : end).split("\n")) {
    const parts = line.split("|").map((s) => s.trim());
    if (parts.length >= 5 && parts[1] && !parts[1].startsWith("---") && parts[1] !== "measure") cells.set(parts[1], [parts[2]!, parts[3]!]);
  }
  return cells;
}

export function apiSection(results: EngineResult[], previous: string, seconds: number): string {
  const before = previousCells(previous);
  const by = (engine: Engine) => results.find((r) => r.engine === engine);
  const pct = (a: number, b: number) => `${((a / b) * 100).toFixed(0)} %`;
  const cell = (engine: Engine, f: (r: EngineResult) => string) => {
    const r = by(engine);
    return r ? f(r) : "(not run)";
  };
  const line = (label: string, f: (r: EngineResult) => string, target: string) => {
    const prev = before.get(label) ?? ["—", "—"];
    return `| ${label} | ${cell("sqlite", f)} | ${cell("postgres", f)} | ${prev[0]} | ${prev[1]} | ${target} |`;
  };
  const m = (x: Measured) => `${x.rps.toFixed(0)} req/s, p99 ${x.p99.toFixed(1)} ms${x.errors ? `, ${x.errors} errors` : ""}`;
  const any = results[0];
  return `${SECTION}

A calendar like issue 14's: ${ONE_OFFS.toLocaleString("en")} one-off events over 20 years plus 30 series (5 daily, 16 weekly,
9 monthly; UTC, Europe/Berlin, America/New_York, Asia/Tokyo; started 2010–2017). \`GET /api/v1/calendars/:cid/events?from&to&limit=100\`
for March 2026 (${any ? `${any.monthCount} occurrences, ${any.monthBytes} bytes for the page of 100` : "—"}), one day of it, and the March window of a second
calendar of ${BIG.toLocaleString("en")} events (${any?.bigCount ?? "—"} in March). Every row is measured against the trivial handler
returning the page's bytes (\`/api/bench/baseline\`) in the same run of the same built app (\`npm start\`), ${CONNECTIONS} keep-alive
connections, alternating, ${seconds} s for the month and the trivial handler, ${seconds / 2} s for the others. Creation: ${CONNECTIONS}
keep-alive connections POSTing one-off events (the same load generator as the lists), alternating with a trivial POST handler
that parses the same body and answers 201 with an event's bytes. Previous columns: the run before this one. Measured ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC,
load average ${os.loadavg().map((l) => l.toFixed(1)).join(" / ")} on ${os.cpus().length} cores (the trivial handler's rate shows how busy the machine was).

| measure | SQLite | PostgreSQL | previous SQLite | previous PostgreSQL | target |
|---|---|---|---|---|---|
${[
  line("trivial handler, same bytes", (r) => m(r.trivial), "—"),
  line("March window, page of 100", (r) => m(r.month), "—"),
  line("March window ÷ trivial", (r) => `**${pct(r.month.rps, r.trivial.rps)}**`, "≥ 60 %"),
  line("March window p99 ÷ trivial p99", (r) => `${(r.month.p99 / r.trivial.p99).toFixed(1)}×`, "≤ 3×"),
  line("one-day window", (r) => `${m(r.day)} (${pct(r.day.rps, r.trivial.rps)})`, "—"),
  line("100k calendar, March window", (r) => `${m(r.big)} (${pct(r.big.rps, r.trivial.rps)})`, "—"),
  line("trivial POST handler (reads the body, answers 201)", (r) => m(r.trivialPost), "—"),
  line("the creation handler alone (no HTTP, no Next; 32 at a time)", (r) => `${r.handler.rate.toFixed(0)}/s, ${r.handler.cpuMs.toFixed(2)} ms CPU each`, "—"),
  line("event creation through the API", (r) => `**${r.createRate.toFixed(0)}/s**, p99 ${r.createP99.toFixed(1)} ms (${pct(r.createRate, r.trivialPost.rps)} of trivial POST)${r.createErrors ? `, ${r.createErrors} errors` : ""}`, "≥ 500/s"),
].join("\n")}
`;
}

const OLD_SECTION = "## API: month-window list on SQLite (SPEC §10)";

/** Replaces (or adds, after the title block) the API section of docs/benchmarks.md; the older single-engine section it supersedes is kept below it, marked as such. */
export function spliceSection(document: string, section: string): string {
  const old = document.indexOf(OLD_SECTION);
  if (old >= 0) {
    const end = document.indexOf("\n## ", old + 1);
    const body = document.slice(old + OLD_SECTION.length, end < 0 ? undefined : end).trim();
    document = `${document.slice(0, old)}${end < 0 ? "" : document.slice(end + 1)}`;
    section = `${section.trimEnd()}\n\n### Before issue 14: the former API bench (50 of 100,000 events, SQLite only)\n\n${body}\n`;
  }
  const start = document.indexOf(SECTION);
  if (start >= 0) {
    const end = document.indexOf("\n## ", start + 1);
    const current = document.slice(start, end < 0 ? undefined : end);
    const before = current.indexOf("\n### Before issue 14");
    if (before >= 0 && !section.includes("### Before issue 14")) section = `${section.trimEnd()}\n${current.slice(before).trimEnd()}\n`;
    return `${document.slice(0, start)}${section.trimEnd()}\n${end < 0 ? "" : document.slice(end)}`;
  }
  const first = document.indexOf("\n## ");
  if (first < 0) return `${document.trimEnd()}\n\n${section}`;
  return `${document.slice(0, first + 1)}${section.trimEnd()}\n\n${document.slice(first + 1)}`;
}

/** Both engines (PostgreSQL skipped with BENCH_PG=0). */
export async function runApiBench(opts: { seconds: number; port: number }): Promise<EngineResult[]> {
  const results = [await runApiEngine("sqlite", opts)];
  if (process.env.BENCH_PG !== "0") results.push(await runApiEngine("postgres", opts));
  return results;
}
