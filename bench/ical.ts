// iCalendar bench (SPEC §12 / §10): import and export of 20,000 events over HTTP on the built app,
// plus how long other requests wait while the import runs. bench/run.ts includes it (SQLite on its
// server, PostgreSQL on a server of its own); run alone, on both databases:
//   npx tsx bench/ical.ts                      (BENCH_RUNS=3: three runs, medians; BENCH_PG=0: SQLite only;
//                                               BENCH_SERVER_ARGS="--cpu-prof --cpu-prof-dir=/tmp/p" profiles the server)
//   BENCH_BASE=http://127.0.0.1:3000 BENCH_TOKEN=… npx tsx bench/ical.ts   against a running server
import { throwawayDatabase } from "../lib/db/testing/throwaway-database.ts";
import { spawn, execFileSync, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { waitFor } from "./feed.ts";

const EVENTS = 20_000;

/** A realistic file: mostly single events in a few zones, 10 % weekly series (each with an override and an EXDATE), all-day days. */
export function bigIcs(n = EVENTS): string {
  const zones = ["Europe/Berlin", "America/New_York", "Asia/Tokyo", "UTC"];
  const lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//SweetDate bench//EN"];
  const pad = (v: number) => String(v).padStart(2, "0");
  const local = (ms: number) => {
    const d = new Date(ms);
    return `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}00`;
  };
  let written = 0;
  for (let i = 0; written < n; i++) {
    const start = Date.UTC(2026, 0, 5) + (i % 700) * 86_400_000 + (8 + (i % 9)) * 3_600_000;
    const zone = zones[i % zones.length]!;
    const tz = zone === "UTC" ? ":" : `;TZID=${zone}:`;
    const stamp = zone === "UTC" ? "Z" : "";
    lines.push("BEGIN:VEVENT", `UID:bench-${i}@example.com`, "DTSTAMP:20260101T000000Z");
    if (i % 25 === 0) {
      const day = local(start).slice(0, 8);
      lines.push(`DTSTART;VALUE=DATE:${day}`, `SUMMARY:Day ${i}`, "END:VEVENT");
      written++;
      continue;
    }
    lines.push(`DTSTART${tz}${local(start)}${stamp}`, `DTEND${tz}${local(start + 3_600_000)}${stamp}`, `SUMMARY:Event ${i}`, `DESCRIPTION:Agenda for event ${i}\\, see notes`, `LOCATION:Room ${i % 12}`);
    if (i % 10 === 1) {
      lines.push("RRULE:FREQ=WEEKLY;COUNT=20", `EXDATE${tz}${local(start + 14 * 86_400_000)}${stamp}`, "END:VEVENT");
      lines.push("BEGIN:VEVENT", `UID:bench-${i}@example.com`, "DTSTAMP:20260101T000000Z", `RECURRENCE-ID${tz}${local(start + 7 * 86_400_000)}${stamp}`);
      lines.push(`DTSTART${tz}${local(start + 7 * 86_400_000 + 7_200_000)}${stamp}`, `DTEND${tz}${local(start + 7 * 86_400_000 + 10_800_000)}${stamp}`, `SUMMARY:Event ${i} (moved)`, "END:VEVENT");
      written += 2;
      continue;
    }
    lines.push("END:VEVENT");
    written++;
  }
  lines.push("END:VCALENDAR", "");
  return lines.join("\r\n");
}

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await work();
  return { ms: performance.now() - started, value };
}

export interface IcalRun {
  vevents: number;
  mib: number;
  created: number;
  failed: number;
  importMs: number;
  unchanged: number;
  againMs: number;
  exportMs: number[];
  exportMib: number;
  /** Latency of a small list and of /api/health while nothing else runs, and during the import. */
  idleProbes: number[];
  probes: number[];
  /** CPU seconds the server process spent on the import and on one export (Linux /proc; null elsewhere). */
  importCpuMs: number | null;
  exportCpuMs: number | null;
}

/** CPU time (user + system) a process has used so far, in ms, from /proc (null when unavailable). */
export function processCpuMs(pid: number | undefined): number | null {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime + stime, in clock ticks (USER_HZ = 100)
  } catch {
    return null;
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const max = (xs: number[]) => Math.max(0, ...xs);

/** One import / re-import / export round into a new calendar on the server at `base`. */
export async function measureIcal(base: string, auth: Record<string, string>, serverPid?: number): Promise<IcalRun> {
  const cpu = () => (serverPid === undefined ? null : processCpuMs(serverPid));
  const cpuSince = (start: number | null) => {
    const now = cpu();
    return start === null || now === null ? null : now - start;
  };
  const text = bigIcs();
  const vevents = (text.match(/BEGIN:VEVENT/g) ?? []).length;
  const created = await fetch(`${base}/api/v1/calendars`, { method: "POST", headers: { ...auth, "content-type": "application/json" }, body: JSON.stringify({ name: "iCalendar bench", time_zone: "Europe/Berlin" }) });
  const calendar = ((await created.json()) as { calendar: { id: string } }).calendar;
  // Other requests: a week of that calendar (the calendar views' request) and the health check, one
  // after the other every 100 ms.
  const probeUrls = [`${base}/api/v1/calendars/${calendar.id}/events?from=2026-03-02T00:00:00Z&to=2026-03-09T00:00:00Z`, `${base}/api/health`];
  const probe = async (into: number[], i: number) => {
    const t = await timed(async () => (await fetch(probeUrls[i % 2]!, { headers: auth })).text());
    into.push(t.ms);
  };
  const idleProbes: number[] = [];
  for (let i = 0; i < 20; i++) await probe(idleProbes, i);
  const probes: number[] = [];
  let importing = true;
  const prober = (async () => {
    for (let i = 0; importing; i++) {
      await probe(probes, i);
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  const importCpu = cpu();
  const imported = await timed(async () => {
    const response = await fetch(`${base}/api/v1/calendars/${calendar.id}/import`, { method: "POST", headers: { ...auth, "content-type": "text/calendar" }, body: text });
    return (await response.json()) as { import: { created: number; failed: unknown[] } };
  });
  importing = false;
  const importCpuMs = cpuSince(importCpu);
  await prober;
  const again = await timed(async () => {
    const response = await fetch(`${base}/api/v1/calendars/${calendar.id}/import`, { method: "POST", headers: { ...auth, "content-type": "text/calendar" }, body: text });
    return (await response.json()) as { import: { unchanged: number } };
  });
  const exportMs: number[] = [];
  let bytes = 0;
  let exportCpuMs: number | null = null;
  for (let i = 0; i < 3; i++) {
    const exportCpu = cpu();
    const t = await timed(async () => (await fetch(`${base}/api/v1/calendars/${calendar.id}/ics`, { headers: auth })).text());
    if (i === 2) exportCpuMs = cpuSince(exportCpu);
    exportMs.push(t.ms);
    bytes = t.value.length;
  }
  return {
    vevents,
    mib: text.length / 1024 / 1024,
    created: imported.value.import.created,
    failed: imported.value.import.failed.length,
    importMs: imported.ms,
    unchanged: again.value.import.unchanged,
    againMs: again.ms,
    exportMs,
    exportMib: bytes / 1024 / 1024,
    idleProbes,
    probes,
    importCpuMs,
    exportCpuMs,
  };
}

const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const list = (xs: number[], f: (x: number) => string) => (xs.length > 1 ? ` (${xs.map(f).join(", ")})` : "");

/** The Markdown table for one database: medians over the runs, each run in brackets. */
export function icalTable(database: string, runs: IcalRun[]): string {
  const first = runs[0]!;
  const exports = runs.map((r) => median(r.exportMs));
  const during = runs.map((r) => median(r.probes));
  const worst = runs.map((r) => max(r.probes));
  return `| ${database} | time${runs.length > 1 ? `, median of ${runs.length} runs (each run)` : ""} | target |
|---|---:|---:|
| \`POST …/import\`, new calendar (${first.created.toLocaleString("en")} created, ${first.failed} failed) | ${s(median(runs.map((r) => r.importMs)))}${list(runs.map((r) => r.importMs), s)} | ≤ 10 s |
| same file again (${first.unchanged.toLocaleString("en")} unchanged) | ${s(median(runs.map((r) => r.againMs)))}${list(runs.map((r) => r.againMs), s)} | |
| \`GET …/ics\` of that calendar (${first.exportMib.toFixed(1)} MiB), median of 3 requests | ${s(median(exports))}${list(exports, s)} | ≤ 2 s |
${cpuRow(runs)}| other requests (a week's list, /api/health) before the import: median / max | ${median(runs.flatMap((r) => r.idleProbes)).toFixed(0)} ms / ${max(runs.flatMap((r) => r.idleProbes)).toFixed(0)} ms | |
| other requests during the import (${first.probes.length} requests): median / max | ${median(during).toFixed(0)} ms / ${max(worst).toFixed(0)} ms${list(during, (x) => x.toFixed(0))} | not blocked |
`;
}

/** The server's own CPU time: what the wall-clock times would be on an otherwise idle core (PostgreSQL's work not included). */
function cpuRow(runs: IcalRun[]): string {
  const imports = runs.map((r) => r.importCpuMs).filter((x): x is number => x !== null);
  const exports = runs.map((r) => r.exportCpuMs).filter((x): x is number => x !== null);
  if (!imports.length || !exports.length) return "";
  return `| the app server's CPU time: import / one export | ${s(median(imports))} / ${s(median(exports))}${list(imports, s)} | |
`;
}

function describe(run: IcalRun): string {
  return `A generated file of ${run.vevents.toLocaleString("en")} VEVENTs (${run.mib.toFixed(1)} MiB; ${run.created.toLocaleString("en")} UIDs: single
events in four zones, all-day days, weekly series each with an override and an EXDATE), over HTTP on the built app.`;
}

/** Runs against a server at `base` (bench/run.ts: SQLite); returns the Markdown section. */
export async function runIcalBench(base: string, auth: Record<string, string>, serverPid?: number): Promise<string> {
  const run = await measureIcal(base, auth, serverPid);
  return `${describe(run)}\n\n${icalTable("SQLite", [run])}`;
}

const root = path.resolve(import.meta.dirname, "..");

/** A fresh database (SQLite file or PostgreSQL database), a user with a token, and the built app on it. */
async function withServer<T>(kind: "sqlite" | "postgres", port: number, work: (base: string, auth: Record<string, string>, pid: number | undefined) => Promise<T>): Promise<T> {
  const admin = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
  const suffix = crypto.randomBytes(3).toString("hex");
  const database = await throwawayDatabase({ prefix: kind === "postgres" ? "sweetdate_bench_ical" : "bench-ical", postgres: kind === "postgres" ? admin : undefined, dir: path.join(root, "data") });
  const databaseUrl = database.url;
  const drop = database.drop;
  let server: ChildProcess | null = null;
  try {
    const previous = process.env.DATABASE_URL;
    process.env.DATABASE_URL = databaseUrl;
    const { migrate } = await import("../lib/db/migrate.ts");
    await migrate();
    const { signUp, createApiToken } = await import("../lib/services/accounts.ts");
    const { closeDb } = await import("../lib/db/client.ts");
    const user = await signUp({ email: `bench-ical-${suffix}@example.test`, password: "bench-password" });
    const { token } = await createApiToken(user.id, "bench");
    await closeDb();
    process.env.DATABASE_URL = previous;
    const nodeArgs = (process.env.BENCH_SERVER_ARGS ?? "").split(" ").filter(Boolean); // e.g. --cpu-prof
    server = spawn(process.execPath, [...nodeArgs, path.join(root, "server.mjs"), "-p", String(port), "-H", "127.0.0.1"], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: databaseUrl, RATE_LIMIT_PER_MINUTE: "100000000", NEXT_TELEMETRY_DISABLED: "1" },
      stdio: "ignore",
    });
    const base = `http://127.0.0.1:${port}`;
    await waitFor(`${base}/api/health`);
    return await work(base, { authorization: `Bearer ${token}` }, server.pid);
  } finally {
    if (server) {
      const exited = new Promise((resolve) => server!.once("exit", resolve));
      server.kill("SIGTERM");
      await exited;
    }
    await drop();
  }
}


/** The PostgreSQL table for bench/run.ts (a server of its own on a fresh database). */
export async function runIcalBenchPostgres(port: number): Promise<string> {
  return withServer("postgres", port, async (base, auth, pid) => icalTable("PostgreSQL", [await measureIcal(base, auth, pid)]));
}

async function main() {
  if (process.env.BENCH_BASE) {
    console.log(await runIcalBench(process.env.BENCH_BASE, { authorization: `Bearer ${process.env.BENCH_TOKEN}` }));
    return;
  }
  if (!fs.existsSync(path.join(root, process.env.NEXT_DIST_DIR ?? ".next", "BUILD_ID"))) execFileSync("npm", ["run", "-s", "build"], { cwd: root, stdio: "inherit" });
  const port = Number(process.env.BENCH_PORT ?? 4555);
  const runs = Number(process.env.BENCH_RUNS ?? 1);
  const kinds = process.env.BENCH_PG === "0" ? (["sqlite"] as const) : (["sqlite", "postgres"] as const);
  const tables: string[] = [];
  let sample: IcalRun | null = null;
  for (const kind of kinds) {
    const results: IcalRun[] = [];
    // A fresh server per run, so each import meets an empty calendar on a warm app.
    for (let i = 0; i < runs; i++) {
      const load = os.loadavg()[0]!;
      const run = await withServer(kind, port, (base, auth, pid) => measureIcal(base, auth, pid));
      console.error(`${kind} run ${i + 1}: import ${s(run.importMs)} (server CPU ${run.importCpuMs === null ? "?" : s(run.importCpuMs)}), again ${s(run.againMs)}, export ${run.exportMs.map(s).join(" / ")} (server CPU ${run.exportCpuMs === null ? "?" : s(run.exportCpuMs)}), probes during import median ${median(run.probes).toFixed(0)} ms max ${max(run.probes).toFixed(0)} ms (load average ${load.toFixed(2)} → ${os.loadavg()[0]!.toFixed(2)})`);
      results.push(run);
    }
    sample ??= results[0]!;
    tables.push(icalTable(kind === "sqlite" ? "SQLite" : "PostgreSQL", results));
  }
  console.log(`${describe(sample!)}\n\n${tables.join("\n")}`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
