// Wall-clock ↔ instant in a named time zone (temporal-polyfill, as FullCalendar 7 uses), and the
// small date arithmetic the calendar needs. Dates are `YYYY-MM-DD`, times `HH:MM`, instants ISO UTC.
import { Temporal } from "temporal-polyfill";

export interface WallClock {
  date: string;
  time: string;
}

export function toWallClock(instant: string, zone: string): WallClock {
  const zoned = Temporal.Instant.from(instant).toZonedDateTimeISO(zone);
  return { date: zoned.toPlainDate().toString(), time: zoned.toPlainTime().toString({ smallestUnit: "minute" }) };
}

/** The instant a wall-clock time names in `zone` (a time skipped by DST moves forward). */
export function fromWallClock(date: string, time: string, zone: string): string {
  return Temporal.PlainDateTime.from(`${date}T${time}`).toZonedDateTime(zone, { disambiguation: "compatible" }).toInstant().toString();
}

export function addDays(date: string, days: number): string {
  return Temporal.PlainDate.from(date).add({ days }).toString();
}

export function todayIn(zone: string): string {
  return Temporal.Now.plainDateISO(zone).toString();
}

/** The current wall-clock time in `zone`, rounded up to the next half hour (new events start there). */
export function nextHalfHourIn(zone: string): WallClock {
  const now = Temporal.Now.zonedDateTimeISO(zone).round({ smallestUnit: "minute", roundingIncrement: 30, roundingMode: "ceil" });
  return { date: now.toPlainDate().toString(), time: now.toPlainTime().toString({ smallestUnit: "minute" }) };
}

/** The UTC midnight of a calendar date: how the API stores all-day dates. */
export function dateToUtcMidnight(date: string): string {
  return `${date}T00:00:00Z`;
}

/** The calendar date of an all-day instant (UTC midnight). */
export function utcDate(instant: string): string {
  return instant.slice(0, 10);
}

export function addMinutes(time: string, minutes: number): { time: string; dayOffset: number } {
  const [h, m] = time.split(":").map(Number) as [number, number];
  const total = h * 60 + m + minutes;
  const dayOffset = Math.floor(total / 1440);
  const rest = ((total % 1440) + 1440) % 1440;
  return { time: `${String(Math.floor(rest / 60)).padStart(2, "0")}:${String(rest % 60).padStart(2, "0")}`, dayOffset };
}

/** 1 = Monday … 7 = Sunday. */
export function dayOfWeek(date: string): number {
  return Temporal.PlainDate.from(date).dayOfWeek;
}

export function daysInMonth(date: string): number {
  return Temporal.PlainDate.from(date).daysInMonth;
}

/** Every IANA zone this browser knows (for the time-zone pickers), with `current` first if missing. */
export function timeZones(current?: string): string[] {
  const zones = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : ["UTC"];
  const list = zones.includes("UTC") ? zones : ["UTC", ...zones];
  return current && !list.includes(current) ? [current, ...list] : list;
}

export function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
  } catch {
    return "UTC";
  }
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(zone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${zone}|${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", { ...options, timeZone: zone });
    formatters.set(key, f);
  }
  return f;
}

/** "Sat, Nov 21, 2026, 9:00 AM – 10:00 AM" in `zone`; all-day: "Sat, Nov 21, 2026" (– last day). */
export function formatEventTime(event: { starts_at: string; ends_at: string; all_day: boolean }, zone: string): string {
  const dateOnly: Intl.DateTimeFormatOptions = { weekday: "short", month: "short", day: "numeric", year: "numeric" };
  if (event.all_day) {
    const first = utcDate(event.starts_at);
    const last = addDays(utcDate(event.ends_at), -1);
    const f = formatter("UTC", dateOnly);
    const start = f.format(new Date(`${first}T00:00:00Z`));
    return last > first ? `${start} – ${f.format(new Date(`${last}T00:00:00Z`))}` : start;
  }
  const start = new Date(event.starts_at);
  const end = new Date(event.ends_at);
  const time = formatter(zone, { hour: "numeric", minute: "2-digit" });
  const startText = `${formatter(zone, dateOnly).format(start)}, ${time.format(start)}`;
  const sameDay = toWallClock(event.starts_at, zone).date === toWallClock(event.ends_at, zone).date;
  return `${startText} – ${sameDay ? time.format(end) : `${formatter(zone, dateOnly).format(end)}, ${time.format(end)}`}`;
}

export function formatDateLong(date: string): string {
  return formatter("UTC", { weekday: "long", month: "long", day: "numeric", year: "numeric" }).format(new Date(`${date}T00:00:00Z`));
}
