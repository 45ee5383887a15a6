// Recurrence expansion benchmark: lib/recurrence vs rrule.js (tzid) and, when installed outside
// the repo, rrule-temporal. Run: npx tsx bench/recurrence.ts  (--quick skips rrule.js: ~3 s instead of ~40 s)
// rrule-temporal is optional: install it anywhere (e.g. `npm i --prefix /tmp/rrule-temporal-bench
// rrule-temporal`) and point RRULE_TEMPORAL at its dist/index.js (that path is also the default).
import { existsSync } from "node:fs";
import { cpus } from "node:os";
import { pathToFileURL } from "node:url";
import * as rruleModule from "rrule";
import { Temporal } from "temporal-polyfill";
import { expand, MAX_WINDOW_OCCURRENCES, parseRRule, type RecurrenceRule } from "../lib/recurrence/index.ts";

type RRuleCtor = typeof rruleModule.RRule;
// rrule ships CommonJS; under Node's ESM loader its exports sit on `default`.
const RRule: RRuleCtor = rruleModule.RRule ?? (rruleModule as unknown as { default: { RRule: RRuleCtor } }).default.RRule;

const RRULE_TEMPORAL = process.env.RRULE_TEMPORAL ?? "/tmp/rrule-temporal-bench/node_modules/rrule-temporal/dist/index.js";
const FROM = new Date("2026-03-01T00:00:00Z");
const TO = new Date("2026-04-01T00:00:00Z");
const ZONES = ["America/New_York", "Europe/Berlin", "Australia/Sydney", "Asia/Tokyo", "Europe/London", "America/Los_Angeles", "America/Sao_Paulo", "Asia/Kolkata"];

interface Spec {
  rrule: string;
  rule: RecurrenceRule;
  zone: string;
  wallClock: string; // DTSTART as local ISO date-time
  start: Date;
}

/** Deterministic PRNG (mulberry32) so every run benchmarks the same series. */
function prng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function makeSeries(n: number): Spec[] {
  const rnd = prng(42);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const days = ["MO", "TU", "WE", "TH", "FR"];
  const specs: Spec[] = [];
  for (let i = 0; i < n; i++) {
    const kind = rnd();
    let rrule: string;
    if (kind < 0.4) rrule = `FREQ=WEEKLY;INTERVAL=${pick([1, 1, 2])};BYDAY=${[...new Set([pick(days), pick(days)])].join(",")}`;
    else if (kind < 0.75) rrule = pick(["FREQ=DAILY", "FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR", "FREQ=DAILY;INTERVAL=2"]);
    else rrule = pick(["FREQ=MONTHLY", "FREQ=MONTHLY;BYDAY=2TU", "FREQ=MONTHLY;BYDAY=-1FR", "FREQ=MONTHLY;BYMONTHDAY=15,-1"]);
    if (rnd() < 0.2) rrule += ";COUNT=500";
    const zone = pick(ZONES);
    const date = Temporal.PlainDate.from("2018-01-01").add({ days: Math.floor(rnd() * 2980) });
    const wallClock = `${date.toString()}T${String(8 + Math.floor(rnd() * 10)).padStart(2, "0")}:${pick(["00", "30"])}:00`;
    const start = new Date(Temporal.PlainDateTime.from(wallClock).toZonedDateTime(zone).epochMilliseconds);
    specs.push({ rrule, rule: parseRRule(rrule), zone, wallClock, start });
  }
  return specs;
}

type Runner = (specs: readonly Spec[]) => number; // returns occurrences found

const ours: Runner = (specs) => {
  let n = 0;
  for (const s of specs) {
    n += expand({ rule: s.rule, start: s.start, timeZone: s.zone, allDay: false, durationMs: 3_600_000, from: FROM, to: TO }).length;
  }
  return n;
};

const oursWithParse: Runner = (specs) => {
  let n = 0;
  for (const s of specs) {
    const rule = parseRRule(s.rrule);
    n += expand({ rule, start: s.start, timeZone: s.zone, allDay: false, durationMs: 3_600_000, from: FROM, to: TO }).length;
  }
  return n;
};

const rruleJs: Runner = (specs) => {
  let n = 0;
  for (const s of specs) {
    // rrule.js with tzid takes DTSTART as a "floating" date: the wall clock in UTC fields.
    const options = RRule.parseString(s.rrule);
    const rule = new RRule({ ...options, dtstart: new Date(`${s.wallClock}Z`), tzid: s.zone });
    n += rule.between(FROM, TO, true).length;
  }
  return n;
};

interface RRuleTemporalLike {
  between(after: Date, before: Date, inc?: boolean): unknown[];
}
type RRuleTemporalCtor = new (opts: { rruleString: string; dtstart: unknown }) => RRuleTemporalLike;

async function loadRRuleTemporal(): Promise<Runner | null> {
  if (!existsSync(RRULE_TEMPORAL)) return null;
  const mod = (await import(pathToFileURL(RRULE_TEMPORAL).href)) as { RRuleTemporal: RRuleTemporalCtor };
  return (specs) => {
    let n = 0;
    for (const s of specs) {
      const dtstart = Temporal.ZonedDateTime.from(`${s.wallClock}[${s.zone}]`);
      n += new mod.RRuleTemporal({ rruleString: s.rrule, dtstart }).between(FROM, TO, true).length;
    }
    return n;
  };
}

/**
 * Median wall time (ms) of one call of `run`. The first call is a warm-up and a probe: slow
 * implementations get fewer timed runs (at least 3) so that a scenario stays within its budget.
 */
function measure(run: () => number, budgetMs = 2000): { ms: number; result: number } {
  let t = performance.now();
  let result = run();
  const probe = performance.now() - t;
  if (probe < budgetMs / 50) for (let i = 0; i < 3; i++) result = run(); // more warm-up for fast code
  const runs = probe > budgetMs ? 2 : Math.max(3, Math.min(21, Math.floor(budgetMs / Math.max(probe, 1e-3))));
  const times: number[] = probe > budgetMs ? [probe] : []; // very slow code: the probe counts
  for (let i = 0; i < runs; i++) {
    t = performance.now();
    result = run();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(times.length / 2)] ?? NaN, result };
}

/** Per-call median for very fast calls: times batches of calls sized to ~20 ms. */
function measurePerCall(call: () => number): { ms: number; result: number } {
  const t = performance.now();
  call();
  const probe = Math.max(performance.now() - t, 1e-3);
  const reps = Math.max(1, Math.min(2000, Math.floor(20 / probe)));
  const { ms, result } = measure(() => {
    let n = 0;
    for (let i = 0; i < reps; i++) n = call();
    return n;
  });
  return { ms: ms / reps, result };
}

const fmt = (ms: number): string => (ms >= 100 ? ms.toFixed(0) : ms >= 1 ? ms.toFixed(2) : ms.toFixed(4));

/** rrule.js needs minutes for scenario (a); it runs on this many of the 1,000 series, scaled up. */
const RRULE_JS_SUBSET = 50;

export async function runRecurrenceBench(options: { skipRRuleJs?: boolean } = {}): Promise<string> {
  const specs = makeSeries(1000);
  const old: Spec[] = [{ rrule: "FREQ=DAILY", rule: parseRRule("FREQ=DAILY"), zone: "Europe/Berlin", wallClock: "1990-01-01T09:00:00", start: new Date("1990-01-01T08:00:00Z") }];
  const oldCount: Spec[] = [{ ...old[0]!, rrule: "FREQ=DAILY;COUNT=100000", rule: parseRRule("FREQ=DAILY;COUNT=100000") }];

  // Cold: the very first expansion in this process fills the per-zone offset cache.
  const coldStart = performance.now();
  const coldCount = ours(specs);
  const cold = performance.now() - coldStart;

  const rrt = await loadRRuleTemporal();
  const impls: [string, Runner][] = [
    ["lib/recurrence (parsed rules)", ours],
    ["lib/recurrence (parse + expand)", oursWithParse],
  ];
  if (!options.skipRRuleJs) impls.push(["rrule.js 2.8.1 (tzid)", rruleJs]);
  if (rrt) impls.push(["rrule-temporal 2.2.7", rrt]);

  const rows: string[] = [];
  rows.push(`| (a) 1,000 series (daily/weekly/monthly, 8 zones) over March 2026 | lib/recurrence, first run (cold zone cache) | ${fmt(cold)} ms | ${coldCount} |`);
  const row = (label: string, name: string, timed: () => { ms: number; result: number }): void => {
    try {
      const { ms, result } = timed();
      rows.push(`| ${label} | ${name} | ${fmt(ms)} ms | ${result} |`);
    } catch (e) {
      rows.push(`| ${label} | ${name} | fails: ${String((e as Error).message).slice(0, 80)} | – |`);
    }
  };
  for (const [name, run] of impls) {
    if (run !== rruleJs) {
      row("(a) 1,000 series over March 2026", name, () => measure(() => run(specs)));
      continue;
    }
    const subset = specs.slice(0, RRULE_JS_SUBSET);
    const scale = specs.length / subset.length;
    row("(a) 1,000 series over March 2026", `${name} — ${subset.length} series × ${scale}`, () => {
      const { ms, result } = measure(() => run(subset));
      return { ms: ms * scale, result };
    });
  }
  for (const [label, series] of [["(b) daily since 1990-01-01, March 2026", old], ["(b') same with COUNT=100000", oldCount]] as const) {
    for (const [name, run] of impls) row(label, name, () => measurePerCall(() => run(series)));
  }
  // Sub-daily rules from 1990: only ours (rrule.js walks every period since DTSTART, ~1.3 million
  // for (c), and its sub-daily BYHOUR handling is wrong, see lib/recurrence/differential-times.test.ts).
  const since1990 = (rrule: string): Spec[] => [{ ...old[0]!, rrule, rule: parseRRule(rrule) }];
  for (const [label, rrule] of [
    ["(c) every 15 minutes since 1990-01-01, March 2026", "FREQ=MINUTELY;INTERVAL=15"],
    ["(d) office hours since 1990 (HOURLY;BYDAY=MO..FR;BYHOUR=9..17), March 2026", "FREQ=HOURLY;BYDAY=MO,TU,WE,TH,FR;BYHOUR=9,10,11,12,13,14,15,16,17"],
    ["(d') every 20 min 09:00–16:40 since 1990 (DAILY;BYHOUR;BYMINUTE), March 2026", "FREQ=DAILY;BYHOUR=9,10,11,12,13,14,15,16;BYMINUTE=0,20,40"],
  ] as const) {
    for (const [name, run] of impls.slice(0, 1)) row(label, name, () => measurePerCall(() => run(since1990(rrule))));
  }
  // The guard rail: FREQ=SECONDLY over March stops at MAX_WINDOW_OCCURRENCES + 1 (then the API answers 422).
  const secondly = { rule: parseRRule("FREQ=SECONDLY"), start: new Date("2026-03-01T00:00:00Z"), timeZone: "Europe/Berlin", allDay: false, durationMs: 1000 };
  row("(e) SECONDLY over March 2026: time to hit the 422 guard", impls[0]![0], () =>
    measurePerCall(() => expand({ ...secondly, from: FROM, to: TO, limit: MAX_WINDOW_OCCURRENCES + 1 }).length),
  );

  const cpu = cpus()[0]?.model ?? "unknown CPU";
  return [
    `Node ${process.version}, ${cpus().length} × ${cpu}; median of several runs after warm-up (times are per scenario, not per series).`,
    "",
    "| Scenario | Implementation | Median time | Occurrences |",
    "|---|---|---:|---:|",
    ...rows,
  ].join("\n");
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(await runRecurrenceBench({ skipRRuleJs: process.argv.includes("--quick") }));
}
