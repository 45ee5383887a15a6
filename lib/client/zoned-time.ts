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

/** The same day `months` later (clamped to the month's end: 31 Jan + 1 → 28 Feb). */
export function addMonths(date: string, months: number): string {
  return Temporal.PlainDate.from(date).add({ months }).toString();
}

/** 1 = Monday … 7 = Sunday. */
export function dayOfWeek(date: string): number {
  return Temporal.PlainDate.from(date).dayOfWeek;
}

export function daysInMonth(date: string): number {
  return Temporal.PlainDate.from(date).daysInMonth;
}

// ICU (Chromium, Node) still lists these zones under their old IANA names; people search the new ones.
const RENAMED: Record<string, string> = {
  "America/Buenos_Aires": "America/Argentina/Buenos_Aires",
  "America/Godthab": "America/Nuuk",
  "Asia/Calcutta": "Asia/Kolkata",
  "Asia/Katmandu": "Asia/Kathmandu",
  "Asia/Rangoon": "Asia/Yangon",
  "Asia/Saigon": "Asia/Ho_Chi_Minh",
  "Atlantic/Faeroe": "Atlantic/Faroe",
  "Europe/Kiev": "Europe/Kyiv",
  "Pacific/Enderbury": "Pacific/Kanton",
  "Pacific/Ponape": "Pacific/Pohnpei",
  "Pacific/Truk": "Pacific/Chuuk",
};

/** Every IANA zone this browser knows, by current names (for the time-zone pickers), with `current` first if missing. */
export function timeZones(current?: string): string[] {
  const zones = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone").map((z) => RENAMED[z] ?? z) : ["UTC"];
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

/** "November 2026". */
export function formatMonth(date: string): string {
  return formatter("UTC", { month: "long", year: "numeric" }).format(new Date(`${date.slice(0, 7)}-01T00:00:00Z`));
}

export function formatDateLong(date: string): string {
  return formatter("UTC", { weekday: "long", month: "long", day: "numeric", year: "numeric" }).format(new Date(`${date}T00:00:00Z`));
}

/** A zone's UTC offset in minutes at `at` (east positive), from Intl's "GMT-05:00" / "GMT+05:30" / "GMT". */
export function utcOffsetMinutes(zone: string, at = new Date()): number {
  let name: string | undefined;
  try {
    name = formatter(zone, { timeZoneName: "longOffset" })
      .formatToParts(at)
      .find((p) => p.type === "timeZoneName")?.value;
  } catch {
    return 0; // a zone this browser does not know
  }
  const m = /([+-−])(\d{1,2})(?::?(\d{2}))?/.exec(name ?? "");
  if (!m) return 0;
  const minutes = Number(m[2]) * 60 + Number(m[3] ?? 0);
  return m[1] === "+" ? minutes : -minutes;
}

/** "UTC−05:00" (a real minus sign, as typeset), "UTC+05:30", "UTC+00:00". */
export function formatUtcOffset(minutes: number): string {
  const abs = Math.abs(minutes);
  return `UTC${minutes < 0 ? "−" : "+"}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
}

export interface ZoneChoice {
  zone: string;
  offset: number;
  /** "(UTC−05:00) New York — America/New_York". */
  label: string;
  /** Lower-case text a query is matched against: zone, city, and the offset spelled several ways. */
  haystack: string;
}

/** One zone as the pickers show it, with its offset now. */
export function zoneChoice(zone: string, at = new Date()): ZoneChoice {
  const offset = utcOffsetMinutes(zone, at);
  const city = (zone.split("/").pop() ?? zone).replace(/_/g, " ");
  const utc = formatUtcOffset(offset);
  const label = city === zone ? `(${utc}) ${zone}` : `(${utc}) ${city} — ${zone}`;
  const abs = Math.abs(offset);
  const sign = offset < 0 ? "-" : "+";
  const short = `${sign}${Math.floor(abs / 60)}:${String(abs % 60).padStart(2, "0")}`;
  const long = utc.slice(3).replace("−", "-");
  const haystack = [zone, zone.replace(/_/g, " "), city, `utc${long}`, `gmt${long}`, `utc${short}`, `gmt${short}`].join(" ").toLowerCase();
  return { zone, offset, label, haystack };
}

/** Every zone, west to east, then by name. */
export function zoneChoices(current?: string, at = new Date()): ZoneChoice[] {
  return timeZones(current)
    .map((z) => zoneChoice(z, at))
    .sort((a, b) => a.offset - b.offset || a.zone.localeCompare(b.zone));
}

/** Whether a choice matches what was typed: every word of the query appears (a minus or "GMT" typed any way). */
export function matchesZoneQuery(choice: ZoneChoice, query: string): boolean {
  const words = query.toLowerCase().replace(/[−–]/g, "-").replace(/_/g, " ").split(/\s+/).filter(Boolean);
  return words.every((w) => choice.haystack.includes(w));
}
