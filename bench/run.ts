// `npm run bench`: measures the numbers SPEC §10 sets, writes docs/benchmarks.md.
//  1. API (bench/api.ts): the realistic calendar's month-window list and the 100k calendar vs a
//     trivial handler returning the same bytes, on SQLite and PostgreSQL, plus event creation.
//     `BENCH_ONLY=api` runs this section alone and rewrites only it in docs/benchmarks.md.
//  2. Recurrence: 1,000 series over a month; one old daily series (bench/recurrence.ts).
// BENCH_ONLY=ui runs just the UI section and replaces only that section in docs/benchmarks.md.
import { spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { runUiBench } from "./ui.ts";
import { runRadicaleBench } from "./radicale.ts";
import { runIcalBench, runIcalBenchPostgres } from "./ical.ts";
import { calDavMonthQuery, davSyncAfterOneChange } from "./caldav.ts";
import { soakSection } from "./soak-section.ts";
import { restSyncAfterOneChange, runFeedBench, waitFor } from "./feed.ts";
import { ensureBenchBuild } from "./build.ts";
import { apiSection, runApiBench, spliceSection } from "./api.ts";

const root = path.resolve(import.meta.dirname, "..");
const distDir = process.env.NEXT_DIST_DIR ?? ".next";
const seconds = Number(process.env.BENCH_SECONDS ?? 8);
const port = Number(process.env.BENCH_PORT ?? 4555);
const TOTAL = 100_000;
const UI_EVENTS = 1_000;

const docs = path.join(root, "docs/benchmarks.md");

async function main() {
  ensureBenchBuild(distDir);
  const previous = fs.existsSync(docs) ? fs.readFileSync(docs, "utf8") : "";
  const api = apiSection(await runApiBench({ seconds, port }), previous, seconds);
  if (process.env.BENCH_ONLY === "api") {
    fs.writeFileSync(docs, spliceSection(previous, api));
    console.log(api);
    return;
  }
  const file = path.join(root, "data", `bench-${crypto.randomBytes(3).toString("hex")}.db`);
  process.env.DATABASE_URL = `file:${file}`;
  const { migrate } = await import("../lib/db/migrate.ts");
  await migrate();
  const { signUp, createApiToken } = await import("../lib/services/accounts.ts");
  const { createCalendar } = await import("../lib/services/manage-calendars.ts");
  const { closeDb } = await import("../lib/db/client.ts");
  const credentials = { email: "bench@example.test", password: "bench-password" };
  const user = await signUp(credentials);
  const calendar = await createCalendar(user.id, { name: "Bench" }, "UTC");
  const { token } = await createApiToken(user.id, "bench");
  await closeDb();
  seedEvents(file, calendar.id, user.id);

  const bodyFile = path.join(os.tmpdir(), `sweetdate-bench-body-${process.pid}.json`);
  const server = spawn(process.execPath, [path.join(root, "server.mjs"), "-p", String(port), "-H", "127.0.0.1"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: `file:${file}`, SWEETDATE_BENCH_BODY: bodyFile, RATE_LIMIT_PER_MINUTE: "100000000", NEXT_TELEMETRY_DISABLED: "1" },
    stdio: "ignore",
  });
  try {
    const base = `http://127.0.0.1:${port}`;
    await waitFor(`${base}/api/health`);
    if (process.env.BENCH_ONLY === "ui") {
      const ui = await runUiBench(base, credentials, UI_EVENTS + count0(file));
      replaceSection(`## UI: month view with ${UI_EVENTS.toLocaleString("en")}+ events`, ui);
      console.log(ui);
      return;
    }
    const listUrl = `${base}/api/v1/calendars/${calendar.uuid}/events?from=2026-03-01T00:00:00Z&to=2026-04-01T00:00:00Z&limit=100`;
    const auth = { authorization: `Bearer ${token}` };
    const davTarget = { base, email: credentials.email, token, userUuid: user.uuid, calendarUuid: calendar.uuid };
    fs.writeFileSync(bodyFile, await (await fetch(listUrl, { headers: auth })).text());
    let radicale = "";
    try {
      radicale =
        process.env.BENCH_QUICK === "1"
          ? "(skipped with BENCH_QUICK=1)"
          : await runRadicaleBench(file, async () => void (await (await fetch(listUrl, { headers: auth })).text()), calDavMonthQuery(davTarget));
    } catch (error) {
      radicale = `(Radicale comparison failed: ${(error as Error).message})`;
    }
    let caldav = "";
    try {
      caldav = `| measurement | result | runs | target |\n|---|---|---|---|\n${await davSyncAfterOneChange(davTarget)}\n`;
    } catch (error) {
      caldav = `(CalDAV bench failed: ${(error as Error).message})`;
    }
    let ui = "";
    try {
      ui = await runUiBench(base, credentials, UI_EVENTS + count0(file));
    } catch (error) {
      ui = `(UI bench unavailable: ${(error as Error).message})`;
    }
    let recurrence = "";
    try {
      const mod = (await import("./recurrence.ts")) as { runRecurrenceBench?: (o?: { skipRRuleJs?: boolean }) => Promise<string> };
      if (mod.runRecurrenceBench) recurrence = await mod.runRecurrenceBench({ skipRRuleJs: process.env.BENCH_QUICK === "1" });
    } catch (error) {
      recurrence = `(recurrence bench unavailable: ${(error as Error).message})`;
    }
    let ical = "";
    try {
      ical = await runIcalBench(base, auth, server.pid);
      // PostgreSQL: a server of its own on a fresh database, on the next port (free until the change-feed section).
      ical += `\n${process.env.BENCH_PG === "0" ? "(PostgreSQL run skipped with BENCH_PG=0)\n" : await runIcalBenchPostgres(port + 1)}`;
    } catch (error) {
      ical = `(iCalendar bench failed: ${(error as Error).message})`;
    }
    let feed = "";
    try {
      const sync = await restSyncAfterOneChange(base, calendar.uuid, auth);
      const sorted = [...sync].sort((x, y) => x - y);
      feed = `## Change feed on SQLite\n\nA sync round after one change (\`GET …/events?sync_token=\`, ${sync.length} rounds, ${TOTAL.toLocaleString("en")} events stored): median ${sorted[Math.floor(sorted.length / 2)]!.toFixed(1)} ms, max ${sorted[sorted.length - 1]!.toFixed(1)} ms (target ≤ 20 ms).\n\n`;
      feed += process.env.BENCH_PG === "0" ? "(PostgreSQL section skipped with BENCH_PG=0)\n" : await runFeedBench({ seconds, bodyFile: `${bodyFile}.pg` });
    } catch (error) {
      feed += `(change-feed bench unavailable: ${(error as Error).message})\n`;
    }
    const report = `# Benchmarks

Written by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)} — ${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, Node ${process.version}.
Numbers from one run on this machine; compare runs on the same machine only.

${api}
## API vs Radicale (CalDAV time-range REPORT)

${radicale}
## CalDAV (SPEC §13)

${caldav}
## UI: month view with ${UI_EVENTS.toLocaleString("en")}+ events

${ui}
## iCalendar: import and export of 20,000 events (SPEC §12)

${ical}
## Recurrence

${recurrence}
${feed}`;
    fs.mkdirSync(path.join(root, "docs"), { recursive: true });
    // The soak's section (npm run soak) is measured separately: keep it.
    fs.writeFileSync(docs, soakSection(previous) ? `${report.trimEnd()}\n\n${soakSection(previous)}` : report);
    console.log(report);
  } finally {
    server.kill("SIGTERM");
    if (!process.env.BENCH_KEEP_DB) for (const ext of ["", "-wal", "-shm"]) fs.rmSync(file + ext, { force: true });
    else console.log(`kept ${file}`);
    fs.rmSync(bodyFile, { force: true });
    fs.rmSync(`${bodyFile}.pg`, { force: true });
  }
}

/** Rewrites one `## ` section of docs/benchmarks.md (heading kept), leaving the others as measured. */
function replaceSection(heading: string, body: string) {
  const file = path.join(root, "docs/benchmarks.md");
  const text = fs.readFileSync(file, "utf8");
  const start = text.indexOf(`${heading}\n`);
  if (start < 0) throw new Error(`docs/benchmarks.md has no section "${heading}"`);
  const next = text.indexOf("\n## ", start + heading.length);
  const end = next < 0 ? text.length : next + 1;
  fs.writeFileSync(file, `${text.slice(0, start)}${heading}\n\n${body.trimEnd()}\n\n${text.slice(end)}`);
}

/** Events of June 2026 besides the UI bench's own (the 100k spread puts some there too). */
function count0(file: string): number {
  const db = new Database(file, { readonly: true });
  const row = db.prepare(`SELECT count(*) AS n FROM events WHERE starts_at >= '2026-06-01' AND starts_at < '2026-07-01' AND title NOT LIKE 'UI %' AND title <> 'Drag me'`).get() as { n: number };
  db.close();
  return row.n;
}

/** 100k single events, ~50 of them in March 2026, the rest spread over other months. */
function seedEvents(file: string, calendarId: number, creatorId: number) {
  const db = new Database(file);
  const insert = db.prepare(
    `INSERT INTO events (uuid, calendar_id, creator_id, title, search_text, all_day, starts_at, ends_at, time_zone, status, visibility, stakeholder, default_role, exdates, sequence, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, 0, ?, ?, 'UTC', 'scheduled', 'public', 'group', 'editor', '[]', 0, ?, ?)`,
  );
  const iso = (ms: number) => new Date(ms).toISOString().replace("Z", "+00:00");
  const march = Date.UTC(2026, 2, 1);
  const now = iso(Date.now());
  db.transaction(() => {
    for (let i = 0; i < TOTAL; i++) {
      // 50 in March 2026; the others 1–2000 months away.
      const start = i < 50 ? march + i * 14 * 3600_000 : march + ((i % 2 ? 1 : -1) * (31 + (i % 60_000)) * 86_400_000);
      const title = `Event ${i}`;
      insert.run(crypto.randomUUID(), calendarId, creatorId, title, title.toLowerCase(), iso(start), iso(start + 3600_000), now, now);
    }
    // The UI bench's month: 1,000 more events in June 2026, and one early event to drag.
    const june = Date.UTC(2026, 5, 1);
    for (let i = 0; i < UI_EVENTS; i++) {
      const start = june + (i % 30) * 86_400_000 + (8 + (i % 10)) * 3600_000 + Math.floor(i / 300) * 900_000;
      insert.run(crypto.randomUUID(), calendarId, creatorId, `UI ${i}`, `ui ${i}`, iso(start), iso(start + 1800_000), now, now);
    }
    const drag = june + 2 * 86_400_000;
    insert.run(crypto.randomUUID(), calendarId, creatorId, "Drag me", "drag me", iso(drag), iso(drag + 1800_000), now, now);
  })();
  db.close();
}


main().catch((error) => {
  console.error(error);
  process.exit(1);
});
