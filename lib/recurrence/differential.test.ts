// Differential property test: our expansion vs rrule.js (an independent dateutil port).
// rrule.js works on "floating" wall-clock times stored as UTC dates, so we compare with
// timeZone "UTC" (and all-day), then check that zoned series map every wall-clock time
// through the zone exactly as Temporal's "compatible" disambiguation does.
//
// Known, narrowly excluded differences (documented in docs/recurrence.md):
// - DTSTART that does not match the rule: RFC 5545 makes it occurrence 1, rrule.js drops it.
//   The oracle below prepends it and shortens COUNT by one.
// - BYSETPOS: rrule.js 2.8.1 resolves a negative position beyond the period's size to the
//   first candidate (JS slice() clamps: BYSETPOS=-2 on a one-day set picks that day) and
//   de-duplicates picks by Date identity (BYSETPOS=1,-1 emits a date twice, consuming COUNT
//   twice). For rules with BYSETPOS the oracle therefore takes rrule.js's candidate sets
//   without BYSETPOS and applies BYSETPOS, DTSTART, UNTIL and COUNT itself.
// - BYDAY mixing plain and ordinal days (MO,-1FR): rrule.js intersects them; RFC 5545 (and we)
//   take the union. Not generated here; covered by a table test.
// - Rules that can never produce an occurrence make rrule.js loop to year 9999; skipped.
import fc from "fast-check";
import { RRule, type Options, type Weekday as RRuleWeekday } from "rrule";
import { Temporal } from "temporal-polyfill";
import { describe, expect, test } from "vitest";
import { expand, indexOf, occurrenceAt, type RecurrenceRule, type Weekday } from "./index.ts";

const WEEKDAYS: Weekday[] = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];
const RR_DAYS: RRuleWeekday[] = [RRule.MO, RRule.TU, RRule.WE, RRule.TH, RRule.FR, RRule.SA, RRule.SU];
const RR_FREQ = { DAILY: RRule.DAILY, WEEKLY: RRule.WEEKLY, MONTHLY: RRule.MONTHLY, YEARLY: RRule.YEARLY } as const;
const SPAN_DAYS = { DAILY: 800, WEEKLY: 2500, MONTHLY: 12_000, YEARLY: 60_000 } as const;
const DAY = 86_400_000;
const MAX_OCCURRENCES = 40;
/** Set RECURRENCE_FC_RUNS for a longer soak (e.g. 20000). */
const RUNS = Number(process.env.RECURRENCE_FC_RUNS ?? 700);
const ZONES = ["America/New_York", "Europe/Berlin", "Australia/Sydney", "Asia/Kolkata", "America/Santiago", "Pacific/Chatham"];

const sub = <T>(values: readonly T[], max: number) => fc.uniqueArray(fc.constantFrom(...values), { minLength: 1, maxLength: max });
/** arb in tenths/10 of the cases, else null. */
const maybe = <T>(arb: fc.Arbitrary<T>, tenths: number) =>
  fc.oneof({ arbitrary: arb, weight: tenths }, { arbitrary: fc.constant(null), weight: 10 - tenths });
const range = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, i) => a + i);
const MONTH_DAYS = [...range(1, 31), ...range(-31, -1)];

const ruleArb: fc.Arbitrary<RecurrenceRule> = fc
  .record({
    freq: fc.constantFrom("DAILY", "WEEKLY", "MONTHLY", "YEARLY") as fc.Arbitrary<RecurrenceRule["freq"]>,
    interval: fc.oneof(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 12 })),
    days: maybe(sub(WEEKDAYS, 4), 5),
    ordinals: fc.boolean(),
    ordinal: fc.array(fc.integer({ min: -5, max: 5 }).filter((n) => n !== 0), { minLength: 1, maxLength: 3 }),
    yearOrdinal: fc.array(fc.integer({ min: -53, max: 53 }).filter((n) => n !== 0), { minLength: 1, maxLength: 3 }),
    monthDays: maybe(sub(MONTH_DAYS, 3), 4),
    months: maybe(sub(range(1, 12), 4), 3),
    setPos: maybe(sub([1, 2, 3, -1, -2, 4, -3], 2), 3),
    end: fc.oneof(fc.constant(null), fc.integer({ min: 1, max: 30 }), fc.integer({ min: 0, max: 4000 }).map((d) => ({ days: d }))),
    wkst: maybe(fc.constantFrom(...WEEKDAYS), 3),
  })
  .map((g) => {
    const rule: RecurrenceRule = { freq: g.freq, interval: g.interval };
    const ordinalsAllowed = g.freq === "MONTHLY" || g.freq === "YEARLY";
    if (g.days) {
      if (ordinalsAllowed && g.ordinals) {
        const ns = g.freq === "YEARLY" && !g.months ? g.yearOrdinal : g.ordinal;
        rule.byDay = g.days.map((weekday, i) => ({ weekday, n: ns[i % ns.length] ?? 1 }));
      } else rule.byDay = g.days.map((weekday) => ({ weekday }));
    }
    if (g.monthDays && g.freq !== "WEEKLY") rule.byMonthDay = g.monthDays;
    if (g.months) rule.byMonth = g.months;
    if (g.setPos && (rule.byDay || rule.byMonthDay || rule.byMonth)) rule.bySetPos = g.setPos;
    if (typeof g.end === "number") rule.count = g.end;
    if (g.end !== null && typeof g.end === "object") rule.until = new Date(Date.UTC(1990, 0, 1) + g.end.days * 7 * DAY);
    if (g.wkst) rule.wkst = g.wkst;
    return rule;
  });

// Starts 1990..2009 at whole minutes; all-day starts at midnight.
const startArb = fc.record({
  day: fc.integer({ min: 0, max: 20 * 365 }),
  minute: fc.integer({ min: 0, max: 24 * 60 - 1 }),
  allDay: fc.boolean(),
});

function toRRule(rule: RecurrenceRule, start: Date, count?: number | null): RRule {
  const opts: Partial<Options> = { freq: RR_FREQ[rule.freq as keyof typeof RR_FREQ], interval: rule.interval, dtstart: start };
  if (rule.byDay) opts.byweekday = rule.byDay.map((d) => (d.n ? RR_DAYS[WEEKDAYS.indexOf(d.weekday)]!.nth(d.n) : RR_DAYS[WEEKDAYS.indexOf(d.weekday)]!));
  if (rule.byMonthDay) opts.bymonthday = rule.byMonthDay;
  if (rule.byMonth) opts.bymonth = rule.byMonth;
  if (rule.bySetPos) opts.bysetpos = rule.bySetPos;
  if (rule.wkst) opts.wkst = RR_DAYS[WEEKDAYS.indexOf(rule.wkst)]!;
  if (count !== undefined) opts.count = count;
  else if (rule.count) opts.count = rule.count;
  if (rule.until) opts.until = rule.until;
  return new RRule(opts);
}

/** The RFC 5545 occurrence list (first MAX_OCCURRENCES before `end`) built from rrule.js. */
function oracle(rule: RecurrenceRule, start: Date, end: Date, max = MAX_OCCURRENCES): number[] {
  if (rule.bySetPos) return setPosOracle(rule, start, end, max);
  const unbounded = toRRule({ ...rule, count: undefined, until: undefined }, start, null);
  const first = unbounded.between(start, end, true, (_d, i) => i < 1)[0];
  const startMatches = first?.getTime() === start.getTime();
  const count = rule.count === undefined ? undefined : startMatches ? rule.count : rule.count - 1;
  const list = count === 0 ? [] : toRRule(rule, start, count).between(start, end, true, (_d, i) => i < max + 2);
  const times = [start.getTime(), ...list.map((d) => d.getTime()).filter((t) => t > start.getTime() && t < end.getTime())];
  return [...new Set(times)].sort((a, b) => a - b).slice(0, max);
}

/** Start of the calendar period (day, WKST week, month, year) holding `t`, at t's time of day. */
function periodKey(rule: RecurrenceRule, t: number): number {
  const d = new Date(t);
  const dayNum = Math.floor(t / DAY);
  switch (rule.freq) {
    case "DAILY":
      return dayNum;
    case "WEEKLY": {
      const wkst = WEEKDAYS.indexOf(rule.wkst ?? "MO");
      return Math.floor((dayNum - ((wkst + 4) % 7)) / 7); // day 4 (1970-01-05) was a Monday
    }
    case "MONTHLY":
      return d.getUTCFullYear() * 12 + d.getUTCMonth();
    default:
      return d.getUTCFullYear();
  }
}

function setPosOracle(rule: RecurrenceRule, start: Date, end: Date, max: number): number[] {
  // The rule without BYSETPOS, its DTSTART-derived defaults made explicit, from the start of
  // DTSTART's period so that period 0's whole candidate set is visible.
  const s = start.getTime();
  const explicit: RecurrenceRule = { ...rule, bySetPos: undefined, count: undefined, until: undefined };
  const hasDay = !!(rule.byDay || rule.byMonthDay);
  if (rule.freq === "WEEKLY" && !rule.byDay) explicit.byDay = [{ weekday: WEEKDAYS[(start.getUTCDay() + 6) % 7]! }];
  if ((rule.freq === "MONTHLY" || rule.freq === "YEARLY") && !hasDay) explicit.byMonthDay = [start.getUTCDate()];
  if (rule.freq === "YEARLY" && !hasDay && !rule.byMonth) explicit.byMonth = [start.getUTCMonth() + 1];
  let from = s;
  while (from - DAY >= s - 400 * DAY && periodKey(rule, from - DAY) === periodKey(rule, s)) from -= DAY;
  const candidates = toRRule(explicit, new Date(from), null).between(new Date(from), new Date(end.getTime() + 400 * DAY), true);
  const groups = new Map<number, number[]>();
  for (const c of candidates) {
    const k = periodKey(rule, c.getTime());
    const group = groups.get(k);
    if (group) group.push(c.getTime());
    else groups.set(k, [c.getTime()]);
  }
  const picked: number[] = [];
  for (const set of groups.values()) {
    const sel = new Set<number>();
    for (const pos of rule.bySetPos ?? []) {
      const v = pos > 0 ? set[pos - 1] : set[set.length + pos];
      if (v !== undefined) sel.add(v);
    }
    picked.push(...[...sel].sort((a, b) => a - b));
  }
  let rest = picked.filter((t) => t > s);
  if (rule.until) rest = rest.filter((t) => t <= rule.until!.getTime());
  if (rule.count !== undefined) rest = rest.slice(0, rule.count - 1);
  return [s, ...rest].filter((t) => t < end.getTime()).slice(0, max);
}

/** Whether the rule (without COUNT/UNTIL) produces anything besides DTSTART — else rrule.js never ends. */
function producesAnything(rule: RecurrenceRule, start: Date): boolean {
  const open = { ...rule, count: undefined, until: undefined };
  const series = { rule: open, start, timeZone: "UTC", allDay: false, durationMs: 0 };
  return occurrenceAt(series, 3) !== null;
}

const wallClockIn = (zone: string, floatingMs: number): number => {
  const iso = new Date(floatingMs).toISOString().slice(0, 19);
  return Temporal.PlainDateTime.from(iso).toZonedDateTime(zone, { disambiguation: "compatible" }).epochMilliseconds;
};

// rrule.js is slow; hundreds of generated rules take minutes on a loaded machine.
describe("expand() vs rrule.js", { timeout: 300_000 }, () => {
  test("floating (UTC) and all-day sequences, windows, occurrenceAt and indexOf agree", () => {
    fc.assert(
      fc.property(ruleArb, startArb, fc.nat(), fc.constantFrom(...ZONES), (rule, s, pick, zone) => {
        const start = new Date(Date.UTC(1990, 0, 1) + s.day * DAY + (s.allDay ? 0 : s.minute * 60_000));
        fc.pre(producesAnything(rule, start));
        const end = new Date(start.getTime() + SPAN_DAYS[rule.freq as keyof typeof SPAN_DAYS] * DAY);
        const expected = oracle(rule, start, end);
        const series = { rule, start, timeZone: "UTC", allDay: s.allDay, durationMs: 0 };

        const all = expand({ ...series, from: start, to: end, limit: MAX_OCCURRENCES });
        expect(all.map((o) => o.start.getTime()), "full sequence").toEqual(expected);
        expect(all.map((o) => o.index)).toEqual(expected.map((_, i) => i + 1));

        // A window somewhere inside the sequence (jump path), with a duration.
        const a = pick % expected.length;
        const b = Math.min(expected.length - 1, a + (pick % 7));
        const duration = (pick % 3) * 3_600_000;
        const from = expected[a]! + 1; // excludes occurrence a unless it overlaps via its duration
        const to = expected[b]! + 2;
        const windowed = expand({ ...series, durationMs: duration, from: new Date(from), to: new Date(to) });
        const want = expected
          .map((t, i) => ({ t, i: i + 1 }))
          .filter(({ t }) => t < to && (t + duration > from || t >= from));
        expect(windowed.map((o) => [o.start.getTime(), o.index]), "window").toEqual(want.map(({ t, i }) => [t, i]));

        expect(occurrenceAt(series, a + 1)?.getTime()).toBe(expected[a]);
        expect(indexOf(series, new Date(expected[b]!))).toBe(b + 1);
        expect(indexOf(series, new Date(expected[b]! + 60_000))).toBeNull();
        if (rule.count !== undefined && expected.length === rule.count) {
          expect(occurrenceAt(series, rule.count + 1)).toBeNull();
        }

        // Zoned: the same wall-clock sequence, each time resolved in the zone.
        if (!s.allDay && rule.until === undefined) {
          const zonedStart = wallClockIn(zone, start.getTime());
          const roundTrips = new Date(zonedStart).toLocaleString("sv", { timeZone: zone }).replace(" ", "T") ===
            new Date(start).toISOString().slice(0, 19);
          if (roundTrips) {
            const zoned = expand({ ...series, timeZone: zone, start: new Date(zonedStart), from: new Date(zonedStart), to: new Date(end.getTime() + 2 * DAY), limit: expected.length });
            expect(zoned.map((o) => o.start.getTime()), `zoned ${zone}`).toEqual(expected.map((t) => wallClockIn(zone, t)));
          }
        }
      }),
      { numRuns: RUNS },
    );
  }, Math.max(180_000, RUNS * 200));

  // Far-away windows exercise the arithmetic jump and the calendar-cycle counting (400 years
  // for MONTHLY/YEARLY rules whose per-period count varies).
  const FAR = {
    DAILY: { years: 40, days: 45 },
    WEEKLY: { years: 120, days: 120 },
    MONTHLY: { years: 900, days: 800 },
    YEARLY: { years: 2000, days: 4000 },
  } as const;
  test("windows decades or centuries after DTSTART: same occurrences and indexes", () => {
    fc.assert(
      fc.property(ruleArb, startArb, fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (rule, s, at, len) => {
        const start = new Date(Date.UTC(1990, 0, 1) + s.day * DAY + (s.allDay ? 0 : s.minute * 60_000));
        fc.pre(producesAnything(rule, start));
        const far = FAR[rule.freq as keyof typeof FAR];
        const from = start.getTime() + Math.floor(at * far.years * 365.25) * DAY;
        const to = from + Math.max(1, Math.floor(len * far.days)) * DAY;
        const expected = oracle(rule, start, new Date(to), Number.MAX_SAFE_INTEGER);
        const want = expected.map((t, i) => [t, i + 1]).filter(([t]) => t! >= from);
        const series = { rule, start, timeZone: "UTC", allDay: s.allDay, durationMs: 0 };
        const got = expand({ ...series, from: new Date(from), to: new Date(to) });
        expect(got.map((o) => [o.start.getTime(), o.index])).toEqual(want);
        const last = want[want.length - 1];
        if (last) {
          expect(occurrenceAt(series, last[1]!)?.getTime()).toBe(last[0]);
          expect(indexOf(series, new Date(last[0]!))).toBe(last[1]);
        }
      }),
      { numRuns: Math.ceil(RUNS / 3) },
    );
  }, Math.max(180_000, RUNS * 200));
});
