// iCalendar bench (SPEC §12 / §10): import and export of 20,000 events over HTTP on the built app,
// plus how long other requests wait while the import runs. Used by bench/run.ts; also runnable
// alone against a running server: `BENCH_BASE=http://127.0.0.1:3000 BENCH_TOKEN=… tsx bench/ical.ts`.
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

/** Runs against a server at `base`; returns the Markdown section. */
export async function runIcalBench(base: string, auth: Record<string, string>): Promise<string> {
  const text = bigIcs();
  const vevents = (text.match(/BEGIN:VEVENT/g) ?? []).length;
  const created = await fetch(`${base}/api/v1/calendars`, { method: "POST", headers: { ...auth, "content-type": "application/json" }, body: JSON.stringify({ name: "iCalendar bench", time_zone: "Europe/Berlin" }) });
  const calendar = ((await created.json()) as { calendar: { id: string } }).calendar;
  // Other requests while the import runs: a small list request every 100 ms.
  const probeUrl = `${base}/api/v1/calendars/${calendar.id}/events?limit=1`;
  const probes: number[] = [];
  let importing = true;
  const prober = (async () => {
    while (importing) {
      const t = await timed(async () => (await fetch(probeUrl, { headers: auth })).text());
      probes.push(t.ms);
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  const imported = await timed(async () => {
    const response = await fetch(`${base}/api/v1/calendars/${calendar.id}/import`, { method: "POST", headers: { ...auth, "content-type": "text/calendar" }, body: text });
    return (await response.json()) as { import: { created: number; failed: unknown[] } };
  });
  importing = false;
  await prober;
  const again = await timed(async () => {
    const response = await fetch(`${base}/api/v1/calendars/${calendar.id}/import`, { method: "POST", headers: { ...auth, "content-type": "text/calendar" }, body: text });
    return (await response.json()) as { import: { unchanged: number } };
  });
  const exports: number[] = [];
  let bytes = 0;
  for (let i = 0; i < 3; i++) {
    const t = await timed(async () => (await fetch(`${base}/api/v1/calendars/${calendar.id}/ics`, { headers: auth })).text());
    exports.push(t.ms);
    bytes = t.value.length;
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
  const sortedProbes = [...probes].sort((a, b) => a - b);
  return `A generated file of ${vevents.toLocaleString("en")} VEVENTs (${(text.length / 1024 / 1024).toFixed(1)} MiB; ${imported.value.import.created.toLocaleString("en")} UIDs: single
events in four zones, all-day days, weekly series each with an override and an EXDATE), over HTTP on the built app.

| measure | time | target |
|---|---:|---:|
| \`POST …/import\`, new calendar (${imported.value.import.created.toLocaleString("en")} created, ${imported.value.import.failed.length} failed) | ${(imported.ms / 1000).toFixed(2)} s | ≤ 10 s |
| same file again (${again.value.import.unchanged.toLocaleString("en")} unchanged) | ${(again.ms / 1000).toFixed(2)} s | |
| \`GET …/ics\` of that calendar (${(bytes / 1024 / 1024).toFixed(1)} MiB), median of ${exports.map((m) => m.toFixed(0)).join(", ")} ms | ${(median(exports) / 1000).toFixed(2)} s | ≤ 2 s |
| other requests during the import (${probes.length} list requests): median / max | ${median(probes).toFixed(0)} ms / ${(sortedProbes.at(-1) ?? 0).toFixed(0)} ms | not blocked |
`;
}

if (process.argv[1]?.endsWith("ical.ts") && process.env.BENCH_BASE) {
  runIcalBench(process.env.BENCH_BASE, { authorization: `Bearer ${process.env.BENCH_TOKEN}` }).then(
    (report) => console.log(report),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
