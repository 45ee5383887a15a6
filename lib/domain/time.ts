// Pure time helpers: parsing the wire's date forms and formatting UTC instants.
import { MAX_WINDOW_DAYS } from "../recurrence/types.ts";

export { MAX_WINDOW_DAYS };

/**
 * The one range of instants SweetDate accepts anywhere (fields, windows, occurrence ids, UNTIL):
 * 1900-01-01T00:00:00Z up to 9999-12-31T23:59:59.999Z. Both databases store it exactly and the
 * wire's four-digit years can write it; anything outside is a 4xx, never a 500.
 */
export const DATE_MIN = new Date(Date.UTC(1900, 0, 1));
export const DATE_MAX = new Date(Date.UTC(9999, 11, 31, 23, 59, 59, 999));
export const DATE_RANGE_TEXT = "between 1900-01-01 and 9999-12-31";

export function inDateRange(date: Date): boolean {
  const t = date.getTime();
  return t >= DATE_MIN.getTime() && t <= DATE_MAX.getTime();
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_DATETIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i;

/** A calendar date `YYYY-MM-DD` → its UTC midnight, or null if it is not a real date in range. */
export function parseDate(text: string): Date | null {
  const m = ISO_DATE.exec(text);
  if (!m) return null;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return inDateRange(date) && date.toISOString().startsWith(text) ? date : null;
}

/** ISO 8601 date-time with an explicit offset (or Z) → instant; null when unparsable, not real or out of range. */
export function parseDateTime(text: string): Date | null {
  if (!ISO_DATETIME.test(text)) return null;
  const date = new Date(text.replace(" ", "T"));
  if (Number.isNaN(date.getTime()) || !inDateRange(date)) return null;
  // Reject rolled-over values like 2025-02-30T10:00:00Z.
  const [y, mo, d] = text.slice(0, 10).split("-").map(Number);
  const check = new Date(Date.UTC(y!, mo! - 1, d!));
  if (check.getUTCMonth() !== mo! - 1) return null;
  return date;
}

/** `2025-08-21T09:00:00Z` — whole seconds, as the seed shows. */
export function formatInstant(date: Date): string {
  return date.toISOString().slice(0, 19) + "Z";
}

/** `20250821T090000Z`: the occurrence-id suffix. */
export function compactInstant(date: Date): string {
  return formatInstant(date).slice(0, 19).replace(/[-:]/g, "") + "Z";
}

export function parseCompactInstant(text: string): Date | null {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(text);
  if (!m) return null;
  return parseDateTime(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}Z`);
}

const zoneCache = new Map<string, boolean>();
/** Is `zone` an IANA time zone this runtime knows? */
export function isTimeZone(zone: string): boolean {
  let known = zoneCache.get(zone);
  if (known === undefined) {
    try {
      new Intl.DateTimeFormat("en-US", { timeZone: zone });
      known = zone.length > 0 && zone.length < 64;
    } catch {
      known = false;
    }
    zoneCache.set(zone, known);
  }
  return known;
}

export const DAY_MS = 86_400_000;

/**
 * The one rule for a listing window [from, to): `to` after `from`, at most MAX_WINDOW_DAYS long
 * (both ends already in the accepted date range). Null when the window is fine.
 */
export function windowProblem(window: { from: Date; to: Date }): "order" | "span" | null {
  const span = window.to.getTime() - window.from.getTime();
  if (span <= 0) return "order";
  return span > MAX_WINDOW_DAYS * DAY_MS ? "span" : null;
}

/** Start and end (exclusive) of the month containing `now`, in `timeZone`, as UTC instants. */
export function monthWindow(now: Date, timeZone: string): { from: Date; to: Date } {
  const parts = new Intl.DateTimeFormat("en-US", { timeZone, year: "numeric", month: "numeric" }).formatToParts(now);
  const year = Number(parts.find((p) => p.type === "year")!.value);
  const month = Number(parts.find((p) => p.type === "month")!.value);
  return {
    from: zonedMidnight(year, month, 1, timeZone),
    to: zonedMidnight(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1, timeZone),
  };
}

/** The UTC instant of 00:00 wall-clock on the given date in `timeZone`. */
export function zonedMidnight(year: number, month: number, day: number, timeZone: string): Date {
  const guess = Date.UTC(year, month - 1, day);
  const offset = zoneOffsetMs(new Date(guess), timeZone);
  const first = guess - offset;
  const corrected = zoneOffsetMs(new Date(first), timeZone);
  return new Date(guess - corrected);
}

function zoneOffsetMs(at: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
    second: "numeric",
  }).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  const wall = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  return wall - Math.floor(at.getTime() / 1000) * 1000;
}
