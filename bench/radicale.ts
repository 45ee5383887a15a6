// SPEC §10: our month-window list against Radicale's CalDAV time-range REPORT on the same events.
// Radicale comes from Debian (`apt-get install -y radicale`); without it this part is skipped.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";

const RADICALE = "/usr/bin/radicale";
const REPORT = `<?xml version="1.0" encoding="utf-8"?>
<C:calendar-query xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav">
  <D:prop><D:getetag/><C:calendar-data/></D:prop>
  <C:filter><C:comp-filter name="VCALENDAR"><C:comp-filter name="VEVENT">
    <C:time-range start="20260301T000000Z" end="20260401T000000Z"/>
  </C:comp-filter></C:comp-filter></C:filter>
</C:calendar-query>`;

const compact = (iso: string) => new Date(iso).toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function timed(fn: () => Promise<void>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

/** Runs the comparison; `ours` requests our month-window list once. */
export async function runRadicaleBench(dbFile: string, ours: () => Promise<void>, oursDav?: () => Promise<number>): Promise<string> {
  if (!fs.existsSync(RADICALE)) return "(skipped: Radicale is not installed — `apt-get install -y radicale`)";
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sweetdate-radicale-"));
  const collection = path.join(dir, "collection-root/bench/cal");
  fs.mkdirSync(collection, { recursive: true });
  fs.writeFileSync(path.join(collection, ".Radicale.props"), JSON.stringify({ tag: "VCALENDAR" }));
  const db = new Database(dbFile, { readonly: true });
  const rows = db.prepare("SELECT uuid, title, starts_at, ends_at FROM events WHERE deleted_at IS NULL AND title LIKE 'Event %'").all() as { uuid: string; title: string; starts_at: string; ends_at: string }[];
  db.close();
  for (const r of rows) {
    const ics = `BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//SweetDate bench//EN\r\nBEGIN:VEVENT\r\nUID:${r.uuid}\r\nDTSTAMP:20260101T000000Z\r\nDTSTART:${compact(r.starts_at)}\r\nDTEND:${compact(r.ends_at)}\r\nSUMMARY:${r.title}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n`;
    fs.writeFileSync(path.join(collection, `${r.uuid}.ics`), ics);
  }
  const port = 5232 + Math.floor(Math.random() * 500);
  const server = spawn(RADICALE, ["--server-hosts", `127.0.0.1:${port}`, "--storage-filesystem-folder", dir, "--auth-type", "none", "--rights-type", "authenticated"], { stdio: "ignore" });
  try {
    const url = `http://127.0.0.1:${port}/bench/cal/`;
    let found = 0;
    const report = async () => {
      const response = await fetch(url, { method: "REPORT", headers: { depth: "1", "content-type": "application/xml" }, body: REPORT });
      const text = await response.text();
      if (response.status !== 207) throw new Error(`Radicale answered ${response.status}`);
      found = (text.match(/<response>/g) ?? []).length;
    };
    for (let i = 0; i < 50; i++) {
      try {
        await fetch(url, { method: "OPTIONS" });
        break;
      } catch {
        await new Promise((r) => setTimeout(r, 200));
      }
    }
    const cold = await timed(report);
    const warm: number[] = [];
    for (let i = 0; i < 3; i++) warm.push(await timed(report));
    for (let i = 0; i < 20; i++) await ours();
    const mine: number[] = [];
    for (let i = 0; i < 50; i++) mine.push(await timed(ours));
    const ratio = median(warm) / median(mine);
    const dav: number[] = [];
    let davFound = 0;
    if (oursDav) {
      for (let i = 0; i < 5; i++) davFound = await oursDav();
      for (let i = 0; i < 30; i++) dav.push(await timed(async () => void (davFound = await oursDav())));
    }
    const davRow = oursDav
      ? `| SweetDate CalDAV REPORT, same query (${davFound} objects) | ${median(dav).toFixed(2)} ms | 30 requests — **${(median(warm) / median(dav)).toFixed(0)}×** faster than Radicale's cached REPORT |\n`
      : "";
    return `The same ${rows.length.toLocaleString("en")} events as a Radicale ${"3"} collection (one .ics per event, filesystem storage),
March 2026 time-range REPORT (${found} events) vs our \`GET …/events?from&to\` for the same window, one request at a time.

| | median | runs |
|---|---:|---|
| Radicale REPORT, first (builds its cache) | ${(cold / 1000).toFixed(1)} s | |
| Radicale REPORT, cached | ${median(warm).toFixed(0)} ms | ${warm.map((x) => x.toFixed(0)).join(", ")} |
| SweetDate window list | ${median(mine).toFixed(2)} ms | 50 requests |
${davRow}
SweetDate answers **${ratio.toFixed(0)}×** faster than Radicale's cached REPORT (target ≥ 100×).
`;
  } finally {
    server.kill("SIGTERM");
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
