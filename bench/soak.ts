// `npm run soak` (not in CI): a mixed read/write load on the built app for SOAK_SECONDS (default
// 600) — window lists, creates, occurrence edits (scope=this), whole-series edits (scope=all),
// deletes — while sampling the server's resident memory. Passes with 0 errors (no 5xx, no failed
// connection, no unexpected status; a 409 from two edits of one series racing is the documented
// answer and counted apart) and flat memory (the last fifth's mean RSS within 25 % of the second
// fifth's, after warm-up). Writes its figures into docs/benchmarks.md (its own section).
//   SOAK_SECONDS=60 npm run soak              a shorter run
//   SOAK_DATABASE_URL=postgresql://… npm run soak   on PostgreSQL (a fresh database is created)
import { throwawayDatabase, type ThrowawayDatabase } from "../lib/db/testing/throwaway-database.ts";
import { spawn, execFileSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { replaceSoakSection } from "./soak-section.ts";
import { waitFor } from "./feed.ts";

const root = path.resolve(import.meta.dirname, "..");
const seconds = Number(process.env.SOAK_SECONDS ?? 600);
const port = Number(process.env.SOAK_PORT ?? 4556);
const connections = Number(process.env.SOAK_CONNECTIONS ?? 16);
const base = `http://127.0.0.1:${port}`;

type Counts = Record<string, number>;

async function database(): Promise<ThrowawayDatabase & { label: string }> {
  const admin = process.env.SOAK_DATABASE_URL;
  const postgres = !!admin && /^postgres(ql)?:\/\//.test(admin);
  const database = await throwawayDatabase({ prefix: postgres ? "sweetdate_soak" : "soak", postgres: admin, dir: path.join(root, "data") });
  return { ...database, label: postgres ? "PostgreSQL" : "SQLite" };
}


/** Resident set size of a process and its children (kB), from /proc. */
function rssKb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
}

async function json(response: Response): Promise<Record<string, unknown>> {
  return (await response.json()) as Record<string, unknown>;
}

async function main() {
  if (!fs.existsSync(path.join(root, ".next", "BUILD_ID"))) execFileSync("npm", ["run", "-s", "build"], { cwd: root, stdio: "inherit" });
  const db = await database();
  const server = spawn(process.execPath, [path.join(root, "server.mjs"), "-p", String(port), "-H", "127.0.0.1"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: db.url, RATE_LIMIT_PER_MINUTE: "100000000", NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  try {
    await waitFor(`${base}/api/health`);
    const email = `soak-${crypto.randomUUID()}@example.test`;
    const signUp = await fetch(`${base}/api/v1/auth/sign-up`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email, password: "soak-password-1", name: "Soak" }) });
    const cookie = signUp.headers.get("set-cookie")!.split(";")[0]!;
    const token = ((await json(await fetch(`${base}/api/v1/tokens`, { method: "POST", headers: { cookie, origin: base, "content-type": "application/json" }, body: "{}" }))).token as { token: string }).token;
    const headers = { authorization: `Bearer ${token}`, "content-type": "application/json" };
    const calendar = ((await json(await fetch(`${base}/api/v1/calendars`, { method: "POST", headers, body: JSON.stringify({ name: "Soak" }) }))).calendar as { id: string }).id;
    const events = `${base}/api/v1/calendars/${calendar}/events`;
    // Ten daily series to edit, plus a month of single events to list.
    const series: string[] = [];
    for (let i = 0; i < 10; i++) {
      const created = await json(await fetch(events, { method: "POST", headers, body: JSON.stringify({ title: `Series ${i}`, starts_at: `2030-01-01T${String(8 + i).padStart(2, "0")}:00:00Z`, ends_at: `2030-01-01T${String(8 + i).padStart(2, "0")}:30:00Z`, time_zone: "UTC", rrule: "FREQ=DAILY" }) }));
      series.push((created.event as { id: string }).id);
    }
    for (let i = 0; i < 200; i++) {
      await fetch(events, { method: "POST", headers, body: JSON.stringify({ title: `Seed ${i}`, starts_at: `2030-01-${String(1 + (i % 28)).padStart(2, "0")}T12:00:00Z`, ends_at: `2030-01-${String(1 + (i % 28)).padStart(2, "0")}T13:00:00Z` }) });
    }

    const counts: Counts = {};
    const unexpected: string[] = [];
    const latencies: number[] = [];
    const own: string[] = [];
    const deadline = Date.now() + seconds * 1000;
    const day = () => 1 + Math.floor(Math.random() * 28);
    const stamp = (d: number, h: number) => `2030-01-${String(d).padStart(2, "0")}T${String(h).padStart(2, "0")}:00:00Z`;
    const one = async (): Promise<[string, Response, number[]]> => {
      const r = Math.random();
      if (r < 0.7) return ["list", await fetch(`${events}?from=2030-01-01T00:00:00Z&to=2030-02-01T00:00:00Z&limit=100`, { headers }), [200]];
      if (r < 0.8) {
        const d = day();
        const response = await fetch(events, { method: "POST", headers, body: JSON.stringify({ title: `Load ${d}`, starts_at: stamp(d, 15), ends_at: stamp(d, 16) }) });
        if (response.status === 201) own.push(((await json(response.clone())).event as { id: string }).id);
        return ["create", response, [201]];
      }
      const s = Math.floor(Math.random() * series.length);
      if (r < 0.9) {
        const id = `${series[s]}_${stamp(day(), 8 + s).replace(/[-:]/g, "")}`;
        return ["edit this", await fetch(`${events}/${id}?scope=this`, { method: "PUT", headers, body: JSON.stringify({ title: `Edited ${Date.now()}` }) }), [200, 409]];
      }
      if (r < 0.95) return ["edit all", await fetch(`${events}/${series[s]}?scope=all`, { method: "PUT", headers, body: JSON.stringify({ location: `Room ${Math.floor(Math.random() * 9)}` }) }), [200, 409]];
      const victim = own.shift();
      if (!victim) return ["list", await fetch(`${events}?limit=25`, { headers }), [200]];
      return ["delete", await fetch(`${events}/${victim}`, { method: "DELETE", headers }), [200]];
    };
    const worker = async () => {
      while (Date.now() < deadline) {
        const t0 = performance.now();
        try {
          const [kind, response, ok] = await one();
          await response.arrayBuffer();
          latencies.push(performance.now() - t0);
          const key = `${kind} ${response.status}`;
          counts[key] = (counts[key] ?? 0) + 1;
          if (!ok.includes(response.status) && unexpected.length < 20) unexpected.push(key);
          if (!ok.includes(response.status)) counts.errors = (counts.errors ?? 0) + 1;
        } catch (error) {
          counts.errors = (counts.errors ?? 0) + 1;
          if (unexpected.length < 20) unexpected.push(String(error));
        }
      }
    };
    const samples: { t: number; rss: number }[] = [];
    const started = Date.now();
    const sampler = setInterval(() => samples.push({ t: (Date.now() - started) / 1000, rss: rssKb(server.pid!) }), 5_000);
    await Promise.all(Array.from({ length: connections }, worker));
    clearInterval(sampler);

    const total = latencies.length;
    latencies.sort((a, b) => a - b);
    const pct = (p: number) => latencies[Math.min(total - 1, Math.floor((p / 100) * total))]!.toFixed(1);
    const fifth = Math.max(1, Math.floor(samples.length / 5));
    const mean = (xs: { rss: number }[]) => xs.reduce((s, x) => s + x.rss, 0) / Math.max(1, xs.length) / 1024;
    const early = mean(samples.slice(fifth, 2 * fifth));
    const late = mean(samples.slice(-fifth));
    const flat = late <= early * 1.25;
    const errors = counts.errors ?? 0;
    const rows = Object.entries(counts)
      .filter(([k]) => k !== "errors")
      .sort()
      .map(([k, v]) => `| ${k} | ${v} |`)
      .join("\n");
    const section = `## Soak on ${db.label}: mixed read/write load (\`npm run soak\`)

Run on ${new Date().toISOString().slice(0, 10)} for **${seconds} s** (${seconds >= 600 ? "the full 10 minutes" : `a shorter run than the 10-minute target: SOAK_SECONDS=${seconds}`}) on ${db.label}, ${connections} connections, ${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? "CPU"} (shared with other work), Node ${process.version}.
70 % month-window lists, 10 % creates, 10 % single-occurrence edits, 5 % whole-series edits, 5 % deletes.

| request status | count |
|---|---:|
${rows}

Total ${total} requests (${(total / seconds).toFixed(0)} req/s), p50 ${pct(50)} ms, p99 ${pct(99)} ms; machine load average at the end ${os.loadavg().map((l) => l.toFixed(1)).join(" / ")} (1 / 5 / 15 min) — throughput and latency only mean something on an otherwise idle machine; the soak's verdict is errors and memory. **Errors: ${errors}**${unexpected.length ? ` (${unexpected.slice(0, 5).join("; ")})` : ""}. A 409 is the documented answer to two edits of one series racing, not an error.

Server RSS (sampled every 5 s, ${samples.length} samples): min ${(Math.min(...samples.map((s) => s.rss)) / 1024).toFixed(0)} MB, max ${(Math.max(...samples.map((s) => s.rss)) / 1024).toFixed(0)} MB; mean of the second fifth ${early.toFixed(0)} MB, of the last fifth ${late.toFixed(0)} MB → ${flat ? "**flat**" : "**growing**"} (limit: last ≤ 1.25 × second).
`;
    const file = path.join(root, "docs/benchmarks.md");
    fs.writeFileSync(file, replaceSoakSection(fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "# Benchmarks\n", db.label, section));
    console.log(section);
    if (errors > 0 || !flat) process.exitCode = 1;
  } finally {
    server.kill("SIGTERM");
    await new Promise((r) => setTimeout(r, 500));
    await db.drop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
