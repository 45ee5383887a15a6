// The recurrence editor's model ↔ RFC 5545 RRULE text. Covers Google Calendar's custom dialog:
// every N days/weeks/months/years, weekdays, monthly by date or "2nd Tuesday" / "last Friday",
// ends never / on a date / after N. Rules it cannot show stay as they are (`unsupported`).
import { addDays, dayOfWeek, daysInMonth, fromWallClock, toWallClock } from "./zoned-time.ts";

export const WEEKDAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"] as const;
export type Weekday = (typeof WEEKDAYS)[number];
export const WEEKDAY_NAMES: Record<Weekday, string> = { MO: "Monday", TU: "Tuesday", WE: "Wednesday", TH: "Thursday", FR: "Friday", SA: "Saturday", SU: "Sunday" };

export const PRESETS = ["none", "daily", "weekly", "weekdays", "monthly", "yearly", "custom"] as const;
export type Preset = (typeof PRESETS)[number];
export type Frequency = "DAILY" | "WEEKLY" | "MONTHLY" | "YEARLY";
export type MonthlyBy = "date" | "nth" | "last";
export type Ends = "never" | "on" | "after";

export interface CustomRule {
  freq: Frequency;
  /** NaN while the field is empty (the user is retyping); validateRecurrence reports it on save. */
  interval: number;
  byDay: Weekday[];
  monthlyBy: MonthlyBy;
  ends: Ends;
  /** Last date (inclusive) in the event's zone, `YYYY-MM-DD`. */
  until: string;
  /** NaN while the field is empty, like `interval`. */
  count: number;
}

export interface RecurrenceState {
  preset: Preset;
  custom: CustomRule;
  /** The original rule when it has parts this editor cannot show; kept unless the user changes it. */
  unsupported: string | null;
}

/** Context the rule is anchored to: the event's first day in its own zone. */
export interface Anchor {
  startDate: string;
  zone: string;
  allDay: boolean;
}

const WORKWEEK: Weekday[] = ["MO", "TU", "WE", "TH", "FR"];

export function weekdayOf(date: string): Weekday {
  return WEEKDAYS[dayOfWeek(date) - 1]!;
}

/** Which weekday of its month `date` is: n = 1…5, and whether it is also the last one. */
export function nthWeekday(date: string): { n: number; weekday: Weekday; isLast: boolean } {
  const day = Number(date.slice(8, 10));
  return { n: Math.ceil(day / 7), weekday: weekdayOf(date), isLast: day + 7 > daysInMonth(date) };
}

const ORDINALS = ["", "first", "second", "third", "fourth", "fifth"];
export function describeNth(date: string, by: "nth" | "last"): string {
  const { n, weekday } = nthWeekday(date);
  return `on the ${by === "last" ? "last" : ORDINALS[n]} ${WEEKDAY_NAMES[weekday]}`;
}

export function defaultCustom(startDate: string): CustomRule {
  return { freq: "WEEKLY", interval: 1, byDay: [weekdayOf(startDate)], monthlyBy: "date", ends: "never", until: addDays(startDate, 90), count: 10 };
}

export function emptyRecurrence(startDate: string): RecurrenceState {
  return { preset: "none", custom: defaultCustom(startDate), unsupported: null };
}

function untilText(until: string, anchor: Anchor): string {
  if (anchor.allDay) return until.replace(/-/g, "");
  // The last second of that day in the event's zone, in UTC as RFC 5545 requires.
  const instant = new Date(Date.parse(fromWallClock(addDays(until, 1), "00:00", anchor.zone)) - 1000);
  return instant.toISOString().slice(0, 19).replace(/[-:]/g, "") + "Z";
}

/** The RRULE for the editor's state (null = does not repeat). */
export function buildRRule(state: RecurrenceState, anchor: Anchor): string | null {
  switch (state.preset) {
    case "none":
      return null;
    case "daily":
      return "FREQ=DAILY";
    case "weekly":
      return "FREQ=WEEKLY";
    case "weekdays":
      return `FREQ=WEEKLY;BYDAY=${WORKWEEK.join(",")}`;
    case "monthly":
      return "FREQ=MONTHLY";
    case "yearly":
      return "FREQ=YEARLY";
    case "custom":
      return state.unsupported ?? buildCustom(state.custom, anchor);
  }
}

function buildCustom(c: CustomRule, anchor: Anchor): string {
  const parts = [`FREQ=${c.freq}`];
  const interval = Math.max(1, Math.floor(c.interval) || 1);
  if (interval > 1) parts.push(`INTERVAL=${interval}`);
  if (c.freq === "WEEKLY") {
    const days = WEEKDAYS.filter((d) => c.byDay.includes(d));
    parts.push(`BYDAY=${(days.length ? days : [weekdayOf(anchor.startDate)]).join(",")}`);
  }
  if (c.freq === "MONTHLY") {
    const { n, weekday } = nthWeekday(anchor.startDate);
    if (c.monthlyBy === "date") parts.push(`BYMONTHDAY=${Number(anchor.startDate.slice(8, 10))}`);
    else parts.push(`BYDAY=${c.monthlyBy === "last" ? -1 : n}${weekday}`);
  }
  if (c.ends === "on" && c.until) parts.push(`UNTIL=${untilText(c.until, anchor)}`);
  if (c.ends === "after") parts.push(`COUNT=${Math.max(1, Math.floor(c.count) || 1)}`);
  return parts.join(";");
}

function parseParts(rrule: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const part of rrule.replace(/^RRULE:/i, "").toUpperCase().split(";")) {
    const [name, value] = part.split("=");
    if (name && value !== undefined) map.set(name, value);
  }
  return map;
}

function untilToDate(text: string, anchor: Anchor): string {
  const m = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})Z?)?$/.exec(text);
  if (!m) return anchor.startDate;
  if (m[4] === undefined) return `${m[1]}-${m[2]}-${m[3]}`;
  return toWallClock(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}Z`, anchor.zone).date;
}

/** The editor state for a stored rule (a preset when it is exactly one). */
export function parseRecurrence(rrule: string | null, anchor: Anchor): RecurrenceState {
  const base = emptyRecurrence(anchor.startDate);
  if (!rrule) return base;
  const parts = parseParts(rrule);
  const keys = [...parts.keys()].filter((k) => k !== "WKST" || parts.get("WKST") === "MO");
  const freq = parts.get("FREQ") as Frequency | undefined;
  const presetByKeys: Record<string, Preset> = { DAILY: "daily", WEEKLY: "weekly", MONTHLY: "monthly", YEARLY: "yearly" };
  if (freq && keys.length === 1 && presetByKeys[freq]) return { ...base, preset: presetByKeys[freq]! };
  if (freq === "WEEKLY" && keys.length === 2 && parts.get("BYDAY") === WORKWEEK.join(",")) return { ...base, preset: "weekdays" };

  const custom: CustomRule = { ...base.custom, freq: freq ?? "WEEKLY", interval: Number(parts.get("INTERVAL") ?? 1), byDay: [] };
  let supported = freq !== undefined && ["DAILY", "WEEKLY", "MONTHLY", "YEARLY"].includes(freq);
  for (const key of keys) if (!["FREQ", "INTERVAL", "BYDAY", "BYMONTHDAY", "COUNT", "UNTIL", "WKST"].includes(key)) supported = false;
  const byDay = parts.get("BYDAY")?.split(",") ?? [];
  if (freq === "WEEKLY") {
    if (byDay.some((d) => !(WEEKDAYS as readonly string[]).includes(d)) || parts.has("BYMONTHDAY")) supported = false;
    custom.byDay = byDay.length ? (byDay as Weekday[]) : [weekdayOf(anchor.startDate)];
  } else if (freq === "MONTHLY") {
    const { n, weekday } = nthWeekday(anchor.startDate);
    const monthDay = parts.get("BYMONTHDAY");
    if (monthDay !== undefined) {
      custom.monthlyBy = "date";
      if (monthDay !== String(Number(anchor.startDate.slice(8, 10))) || byDay.length) supported = false;
    } else if (byDay.length === 1 && byDay[0] === `-1${weekday}`) custom.monthlyBy = "last";
    else if (byDay.length === 1 && byDay[0] === `${n}${weekday}`) custom.monthlyBy = "nth";
    else if (byDay.length === 0) custom.monthlyBy = "date";
    else supported = false;
  } else if (byDay.length || parts.has("BYMONTHDAY")) supported = false;
  if (parts.has("COUNT")) {
    custom.ends = "after";
    custom.count = Number(parts.get("COUNT"));
  } else if (parts.has("UNTIL")) {
    custom.ends = "on";
    custom.until = untilToDate(parts.get("UNTIL")!, anchor);
  }
  return { preset: "custom", custom, unsupported: supported ? null : rrule };
}

const UNIT: Record<Frequency, string> = { DAILY: "day", WEEKLY: "week", MONTHLY: "month", YEARLY: "year" };

/** A sentence for a rule: "Every 2 weeks on Tuesday, Thursday, 10 times". */
export function describeRecurrence(rrule: string | null, anchor: Anchor): string {
  if (!rrule) return "Does not repeat";
  const state = parseRecurrence(rrule, anchor);
  if (state.unsupported) return `Custom rule (${rrule})`;
  const presetText: Partial<Record<Preset, string>> = { daily: "Every day", weekly: `Every week on ${WEEKDAY_NAMES[weekdayOf(anchor.startDate)]}`, weekdays: "Every weekday (Monday to Friday)", monthly: `Every month on day ${Number(anchor.startDate.slice(8, 10))}`, yearly: "Every year" };
  if (state.preset !== "custom") return presetText[state.preset] ?? "Repeats";
  const c = state.custom;
  let text = c.interval > 1 ? `Every ${c.interval} ${UNIT[c.freq]}s` : `Every ${UNIT[c.freq]}`;
  if (c.freq === "WEEKLY") text += ` on ${c.byDay.map((d) => WEEKDAY_NAMES[d]).join(", ")}`;
  if (c.freq === "MONTHLY") text += c.monthlyBy === "date" ? ` on day ${Number(anchor.startDate.slice(8, 10))}` : ` ${describeNth(anchor.startDate, c.monthlyBy)}`;
  if (c.ends === "on") text += `, until ${c.until}`;
  if (c.ends === "after") text += `, ${c.count} time${c.count === 1 ? "" : "s"}`;
  return text;
}

export const MAX_INTERVAL = 999;
export const MAX_COUNT = 1000;

function wholeIn(value: number, min: number, max: number): boolean {
  return Number.isInteger(value) && value >= min && value <= max;
}

/** The editor's own checks, run on save: number fields may be empty or out of range while typing. */
export function validateRecurrence(state: RecurrenceState): string[] {
  if (state.preset !== "custom" || state.unsupported) return [];
  const c = state.custom;
  const errors: string[] = [];
  if (!wholeIn(c.interval, 1, MAX_INTERVAL)) errors.push(`“Repeat every” needs a whole number from 1 to ${MAX_INTERVAL}`);
  if (c.ends === "after" && !wholeIn(c.count, 1, MAX_COUNT)) errors.push(`“After … occurrences” needs a whole number from 1 to ${MAX_COUNT}`);
  if (c.ends === "on" && !c.until) errors.push("“Ends on” needs a date");
  return errors;
}

/** The weekdays a weekly rule repeats on, or null when it is not a weekly rule with chosen days. */
function chosenWeekdays(state: RecurrenceState): Weekday[] | null {
  if (state.preset === "weekdays") return WORKWEEK;
  if (state.preset === "custom" && !state.unsupported && state.custom.freq === "WEEKLY" && state.custom.byDay.length) return state.custom.byDay;
  return null;
}

/**
 * RFC 5545 makes the start the first occurrence even when its weekday is not one of the rule's.
 * So a weekly rule whose start is on another day moves the start to the first chosen day after it
 * (the editor says so); null when the start already fits.
 */
export function alignedStart(state: RecurrenceState, startDate: string): string | null {
  const days = chosenWeekdays(state);
  if (!days || days.includes(weekdayOf(startDate))) return null;
  for (let i = 1; i <= 7; i++) {
    const date = addDays(startDate, i);
    if (days.includes(weekdayOf(date))) return date;
  }
  return null;
}
