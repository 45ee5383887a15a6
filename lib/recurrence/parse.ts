// RRULE text <-> RecurrenceRule, plus validation of rule objects built in code.
import { WEEKDAYS } from "./civil.ts";
import {
  MAX_COUNT,
  MAX_INTERVAL,
  MAX_PERIOD_CANDIDATES,
  RecurrenceRuleError,
  type ByDay,
  type Frequency,
  type RecurrenceRule,
  type Weekday,
} from "./types.ts";

const FREQUENCIES: readonly Frequency[] = ["SECONDLY", "MINUTELY", "HOURLY", "DAILY", "WEEKLY", "MONTHLY", "YEARLY"];
/** FREQ values finer than a day: their periods are hours, minutes or seconds of wall-clock time. */
export const SUB_DAILY: ReadonlySet<Frequency> = new Set(["SECONDLY", "MINUTELY", "HOURLY"]);
const KNOWN_PARTS = ["FREQ", "INTERVAL", "BYSECOND", "BYMINUTE", "BYHOUR", "BYDAY", "BYMONTHDAY", "BYYEARDAY", "BYWEEKNO", "BYMONTH", "BYSETPOS", "COUNT", "UNTIL", "WKST"];
// RFC 7529 (non-Gregorian calendars) parts we recognise but deliberately do not implement.
const UNSUPPORTED_PARTS = ["RSCALE", "SKIP"];
/** Most days one period of each frequency can hold (times multiply this). */
const PERIOD_DAYS: Record<Frequency, number> = { SECONDLY: 1, MINUTELY: 1, HOURLY: 1, DAILY: 1, WEEKLY: 7, MONTHLY: 31, YEARLY: 366 };

const fail = (part: string, message: string): never => {
  throw new RecurrenceRuleError(part, message);
};

const isWeekday = (s: string): s is Weekday => (WEEKDAYS as readonly string[]).includes(s);
const weekdayIndex = (w: Weekday): number => WEEKDAYS.indexOf(w);

function parseList<T>(part: string, value: string, item: (s: string) => T): T[] {
  const items = value.split(",");
  if (items.some((s) => s === "")) fail(part, `${part} has an empty list item`);
  return items.map(item);
}

function parseInteger(part: string, s: string, min: number, max: number, signed: boolean): number {
  const re = signed ? /^[+-]?\d{1,9}$/ : /^\+?\d{1,9}$/;
  if (!re.test(s)) fail(part, `${part} value "${s}" is not an integer`);
  const n = Number(s);
  if (n === 0 || Math.abs(n) < min || Math.abs(n) > max || (!signed && n < 0)) {
    fail(part, `${part} value ${s} is out of range`);
  }
  return n;
}

function parseTimePart(part: string, s: string, max: number): number {
  if (!/^\+?\d{1,2}$/.test(s)) fail(part, `${part} value "${s}" is not an integer from 0 to ${max}`);
  const n = Number(s);
  if (n > max) fail(part, part === "BYSECOND" && n === 60 ? "BYSECOND=60 (a leap second) is not supported" : `${part} value ${s} is out of range (0..${max})`);
  return n;
}

function parseByDay(s: string): ByDay {
  const m = /^([+-]?\d{1,2})?([A-Z]{2})$/.exec(s);
  const weekday = m?.[2] ?? "";
  if (!m || !isWeekday(weekday)) return fail("BYDAY", `BYDAY value "${s}" is invalid`);
  return m[1] === undefined ? { weekday } : { weekday, n: parseInteger("BYDAY", m[1], 1, 53, true) };
}

function parseUntil(s: string): Date {
  const m = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})(Z)?)?$/.exec(s);
  if (!m) return fail("UNTIL", `UNTIL value "${s}" is not a DATE or a UTC DATE-TIME`);
  if (m[4] !== undefined && m[7] === undefined) {
    fail("UNTIL", `UNTIL must be a UTC date-time ending in Z, or a date (got "${s}")`);
  }
  const [y, mo, d, h, mi, sec] = [1, 2, 3, 4, 5, 6].map((i) => Number(m[i] ?? 0)) as [number, number, number, number, number, number];
  const date = new Date(0);
  date.setUTCFullYear(y, mo - 1, d);
  date.setUTCHours(h, mi, sec, 0);
  const valid =
    y >= 1 && date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d && h < 24 && mi < 60 && sec < 60;
  if (!valid) fail("UNTIL", `UNTIL value "${s}" is not a valid date`);
  return date;
}

/** Parses "FREQ=WEEKLY;BYDAY=MO,WE" (optionally prefixed "RRULE:"); throws RecurrenceRuleError. */
export function parseRRule(text: string): RecurrenceRule {
  if (typeof text !== "string") return fail("RRULE", "RRULE must be a string");
  const body = text.trim().replace(/^RRULE:/i, "").toUpperCase();
  if (body === "") return fail("FREQ", "FREQ is required");
  const segments = body.split(";");
  if (segments.length > 1 && segments[segments.length - 1] === "") segments.pop(); // tolerate a trailing ";"
  const values = new Map<string, string>();
  for (const segment of segments) {
    const eq = segment.indexOf("=");
    const name = eq < 0 ? segment : segment.slice(0, eq);
    if (name === "" || eq < 0) fail(name === "" ? "RRULE" : name.slice(0, 40), `Malformed rule part "${segment.slice(0, 40)}"`);
    if (UNSUPPORTED_PARTS.includes(name)) fail(name, `${name} is not supported`);
    if (!KNOWN_PARTS.includes(name)) fail(name.slice(0, 40), `Unknown rule part ${name.slice(0, 40)}`);
    if (values.has(name)) fail(name, `${name} appears more than once`);
    values.set(name, segment.slice(eq + 1));
  }

  const freq = values.get("FREQ");
  if (freq === undefined) return fail("FREQ", "FREQ is required");
  if (!(FREQUENCIES as readonly string[]).includes(freq)) fail("FREQ", `FREQ value "${freq}" is invalid`);

  const rule: RecurrenceRule = { freq: freq as Frequency, interval: 1 };
  for (const [name, value] of values) {
    if (value === "") fail(name, `${name} has no value`);
    switch (name) {
      case "INTERVAL":
        rule.interval = parseInteger(name, value, 1, MAX_INTERVAL, false);
        break;
      case "COUNT":
        rule.count = parseInteger(name, value, 1, MAX_COUNT, false);
        break;
      case "UNTIL":
        rule.until = parseUntil(value);
        break;
      case "BYDAY":
        rule.byDay = parseList(name, value, parseByDay);
        break;
      case "BYMONTHDAY":
        rule.byMonthDay = parseList(name, value, (s) => parseInteger(name, s, 1, 31, true));
        break;
      case "BYMONTH":
        rule.byMonth = parseList(name, value, (s) => parseInteger(name, s, 1, 12, false));
        break;
      case "BYSETPOS":
        rule.bySetPos = parseList(name, value, (s) => parseInteger(name, s, 1, 366, true));
        break;
      case "BYWEEKNO":
        rule.byWeekNo = parseList(name, value, (s) => parseInteger(name, s, 1, 53, true));
        break;
      case "BYYEARDAY":
        rule.byYearDay = parseList(name, value, (s) => parseInteger(name, s, 1, 366, true));
        break;
      case "BYHOUR":
        rule.byHour = parseList(name, value, (s) => parseTimePart(name, s, 23));
        break;
      case "BYMINUTE":
        rule.byMinute = parseList(name, value, (s) => parseTimePart(name, s, 59));
        break;
      case "BYSECOND":
        rule.bySecond = parseList(name, value, (s) => parseTimePart(name, s, 59));
        break;
      case "WKST":
        if (!isWeekday(value)) fail(name, `WKST value "${value}" is invalid`);
        if (value !== "MO") rule.wkst = value as Weekday;
        break;
    }
  }
  return normalizeRule(rule);
}

const isInt = (n: unknown): n is number => typeof n === "number" && Number.isInteger(n);

function checkInts(part: string, list: readonly unknown[] | undefined, max: number, signed: boolean, zero = false): void {
  if (list !== undefined && !Array.isArray(list)) fail(part, `${part} must be a list`);
  for (const v of list ?? []) {
    if (!isInt(v) || (v === 0 && !zero) || Math.abs(v) > max || (!signed && v < 0)) fail(part, `${part} value ${String(v)} is out of range`);
  }
}

const size = (list: readonly unknown[] | undefined): number => list?.length ?? 0;

/**
 * Throws RecurrenceRuleError unless the rule is one this module can expand exactly. With
 * `allDay`, also refuses parts that need a time of day (sub-daily FREQ, BYHOUR/BYMINUTE/BYSECOND).
 */
export function validateRule(rule: RecurrenceRule, options: { allDay?: boolean } = {}): void {
  if (rule === null || typeof rule !== "object") return fail("RRULE", "rule must be an object");
  if (!FREQUENCIES.includes(rule.freq)) fail("FREQ", `FREQ value "${String(rule.freq)}" is invalid or unsupported`);
  if (!isInt(rule.interval) || rule.interval < 1 || rule.interval > MAX_INTERVAL) fail("INTERVAL", "INTERVAL must be an integer from 1");
  if (rule.count !== undefined && (!isInt(rule.count) || rule.count < 1 || rule.count > MAX_COUNT)) {
    fail("COUNT", "COUNT must be a positive integer");
  }
  if (rule.until !== undefined && !(rule.until instanceof Date && Number.isFinite(rule.until.getTime()))) {
    fail("UNTIL", "UNTIL must be a valid date");
  }
  if (rule.count !== undefined && rule.until !== undefined) fail("COUNT", "COUNT and UNTIL must not both be present");
  if (rule.wkst !== undefined && !isWeekday(rule.wkst)) fail("WKST", `WKST value "${String(rule.wkst)}" is invalid`);
  checkInts("BYMONTH", rule.byMonth, 12, false);
  checkInts("BYMONTHDAY", rule.byMonthDay, 31, true);
  checkInts("BYSETPOS", rule.bySetPos, 366, true);
  checkInts("BYWEEKNO", rule.byWeekNo, 53, true);
  checkInts("BYYEARDAY", rule.byYearDay, 366, true);
  checkInts("BYHOUR", rule.byHour, 23, false, true);
  checkInts("BYMINUTE", rule.byMinute, 59, false, true);
  checkInts("BYSECOND", rule.bySecond, 59, false, true);
  const monthScoped = rule.freq === "MONTHLY" || (rule.freq === "YEARLY" && (rule.byMonth?.length ?? 0) > 0);
  for (const d of rule.byDay ?? []) {
    if (d === null || typeof d !== "object" || !isWeekday(d.weekday)) fail("BYDAY", "BYDAY has an invalid weekday");
    if (d.n === undefined) continue;
    if (rule.freq !== "MONTHLY" && rule.freq !== "YEARLY") fail("BYDAY", `BYDAY ordinals need FREQ=MONTHLY or YEARLY`);
    if (rule.freq === "YEARLY" && size(rule.byWeekNo) > 0) fail("BYDAY", "BYDAY ordinals are not allowed with FREQ=YEARLY and BYWEEKNO (RFC 5545)");
    if (!isInt(d.n) || d.n === 0 || Math.abs(d.n) > (monthScoped ? 5 : 53)) {
      fail("BYDAY", `BYDAY ordinal ${String(d.n)} is out of range`);
    }
  }
  if (rule.freq === "WEEKLY" && (rule.byMonthDay?.length ?? 0) > 0) fail("BYMONTHDAY", "BYMONTHDAY is not allowed with FREQ=WEEKLY");
  const others = [rule.byDay, rule.byMonthDay, rule.byMonth, rule.byWeekNo, rule.byYearDay, rule.byHour, rule.byMinute, rule.bySecond];
  if (size(rule.bySetPos) > 0 && !others.some((l) => size(l) > 0)) fail("BYSETPOS", "BYSETPOS needs another BYxxx rule part");
  const timeParts = (["BYHOUR", "BYMINUTE", "BYSECOND"] as const).filter((_, i) => size([rule.byHour, rule.byMinute, rule.bySecond][i]) > 0);
  if (options.allDay && (SUB_DAILY.has(rule.freq) || timeParts.length > 0)) {
    fail(SUB_DAILY.has(rule.freq) ? "FREQ" : (timeParts[0] ?? "BYHOUR"), `FREQ=${rule.freq}${timeParts.length ? ` with ${timeParts.join("/")}` : ""} needs a timed event, not an all-day one`);
  }
  // Guard rail: one period's candidates are generated together (BYSETPOS picks among them).
  if (!SUB_DAILY.has(rule.freq)) {
    const perPeriod = PERIOD_DAYS[rule.freq] * Math.max(1, size(rule.byHour)) * Math.max(1, size(rule.byMinute)) * Math.max(1, size(rule.bySecond));
    if (perPeriod > MAX_PERIOD_CANDIDATES) {
      fail(timeParts[timeParts.length - 1] ?? "FREQ", `FREQ=${rule.freq} with these BYHOUR/BYMINUTE/BYSECOND lists has up to ${perPeriod} occurrences per period; at most ${MAX_PERIOD_CANDIDATES} are supported`);
    }
  }
}

const sortedUnique = (list: readonly number[]): number[] => [...new Set(list)].sort((a, b) => a - b);
const byDayKey = (d: ByDay): number => weekdayIndex(d.weekday) * 1000 + (d.n ?? 0);

/** Validated copy with lists sorted and de-duplicated, empty lists and defaults dropped. */
export function normalizeRule(rule: RecurrenceRule): RecurrenceRule {
  validateRule(rule);
  const out: RecurrenceRule = { freq: rule.freq, interval: rule.interval };
  if (rule.byDay?.length) {
    const seen = new Map<number, ByDay>();
    for (const d of rule.byDay) seen.set(byDayKey(d), d.n === undefined ? { weekday: d.weekday } : { weekday: d.weekday, n: d.n });
    out.byDay = [...seen.entries()].sort((a, b) => a[0] - b[0]).map(([, d]) => d);
  }
  if (rule.byMonthDay?.length) out.byMonthDay = sortedUnique(rule.byMonthDay);
  if (rule.byMonth?.length) out.byMonth = sortedUnique(rule.byMonth);
  if (rule.byWeekNo?.length) out.byWeekNo = sortedUnique(rule.byWeekNo);
  if (rule.byYearDay?.length) out.byYearDay = sortedUnique(rule.byYearDay);
  if (rule.byHour?.length) out.byHour = sortedUnique(rule.byHour);
  if (rule.byMinute?.length) out.byMinute = sortedUnique(rule.byMinute);
  if (rule.bySecond?.length) out.bySecond = sortedUnique(rule.bySecond);
  if (rule.bySetPos?.length) out.bySetPos = sortedUnique(rule.bySetPos);
  if (rule.count !== undefined) out.count = rule.count;
  if (rule.until !== undefined) out.until = new Date(rule.until.getTime());
  if (rule.wkst !== undefined && rule.wkst !== "MO") out.wkst = rule.wkst;
  return out;
}

const pad = (n: number, width: number): string => String(n).padStart(width, "0");

function formatUntil(until: Date, allDay: boolean): string {
  const date = `${pad(until.getUTCFullYear(), 4)}${pad(until.getUTCMonth() + 1, 2)}${pad(until.getUTCDate(), 2)}`;
  if (allDay) return date;
  return `${date}T${pad(until.getUTCHours(), 2)}${pad(until.getUTCMinutes(), 2)}${pad(until.getUTCSeconds(), 2)}Z`;
}

/**
 * Canonical RRULE text without the "RRULE:" prefix: parts in a fixed order, lists sorted,
 * INTERVAL=1 and WKST=MO omitted. UNTIL is a UTC date-time (20250821T090000Z), or a DATE
 * (20250821, the UTC date of `until`) when `allDay` is set, as RFC 5545 wants for DATE series.
 */
export function formatRRule(rule: RecurrenceRule, options: { allDay?: boolean } = {}): string {
  const r = normalizeRule(rule);
  const parts = [`FREQ=${r.freq}`];
  if (r.interval !== 1) parts.push(`INTERVAL=${r.interval}`);
  if (r.byMonth) parts.push(`BYMONTH=${r.byMonth.join(",")}`);
  if (r.byWeekNo) parts.push(`BYWEEKNO=${r.byWeekNo.join(",")}`);
  if (r.byYearDay) parts.push(`BYYEARDAY=${r.byYearDay.join(",")}`);
  if (r.byMonthDay) parts.push(`BYMONTHDAY=${r.byMonthDay.join(",")}`);
  if (r.byDay) parts.push(`BYDAY=${r.byDay.map((d) => `${d.n ?? ""}${d.weekday}`).join(",")}`);
  if (r.byHour) parts.push(`BYHOUR=${r.byHour.join(",")}`);
  if (r.byMinute) parts.push(`BYMINUTE=${r.byMinute.join(",")}`);
  if (r.bySecond) parts.push(`BYSECOND=${r.bySecond.join(",")}`);
  if (r.bySetPos) parts.push(`BYSETPOS=${r.bySetPos.join(",")}`);
  if (r.wkst) parts.push(`WKST=${r.wkst}`);
  if (r.count !== undefined) parts.push(`COUNT=${r.count}`);
  if (r.until) parts.push(`UNTIL=${formatUntil(r.until, options.allDay === true)}`);
  return parts.join(";");
}
