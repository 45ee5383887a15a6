// Kona's recurrence fields (period, frequency, sel_days, series_end_at) and the `rrule` extension
// ⇄ the canonical RRULE, through lib/recurrence's konaToRule / ruleToKona.
import type { FieldErrors } from "../../domain/errors.ts";
import { addError } from "../../domain/event-rules.ts";
import type { EventRecord } from "../../domain/types.ts";
import { formatRRule, konaToRule, normalizeRule, parseRRule, RecurrenceRuleError, ruleToKona, type RecurrenceRule } from "../../recurrence/index.ts";
import type { OccurrenceInfo } from "../../services/occurrences.ts";
import { DATETIME_HINT, parseKonaDateTime } from "./time.ts";
import type { CalendarEventInput } from "./schemas.ts";

const PERIODS = ["none", "day", "week", "month", "year", "weekday"] as const;
const FREQUENCIES = ["none", "every", "every_other", "every_third"] as const;
const DAYS = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"] as const;

/** Which Kona field a rule problem belongs to. */
const PART_FIELD: Record<string, string> = { FREQ: "period", INTERVAL: "frequency", BYDAY: "sel_days", UNTIL: "series_end_at" };

function code(value: number | string, names: readonly string[], max: number): number | null {
  const text = typeof value === "string" ? value.trim().toLowerCase() : value;
  const n = typeof text === "number" ? text : /^\d+$/.test(text) ? Number(text) : names.indexOf(text);
  return Number.isInteger(n) && n >= 0 && n <= max ? n : null;
}

function weekday(value: number | string): number | null {
  const text = typeof value === "string" ? value.trim().toLowerCase() : value;
  if (typeof text === "string" && !/^\d+$/.test(text)) {
    const i = DAYS.findIndex((d) => d === text || d.slice(0, 3) === text);
    return i >= 0 ? i : null;
  }
  const n = Number(text);
  return Number.isInteger(n) && n >= 0 && n <= 6 ? n : null;
}

/**
 * The RRULE a Kona write asks for: undefined = unchanged, null = not recurring. `rrule` (non-empty)
 * wins over the Kona fields; on update, Kona fields not sent keep the current rule's values, and
 * sending only series_end_at moves the end of the current rule (whatever else it says).
 */
export function recurrenceOf(raw: CalendarEventInput, currentRrule: string | null, errors: FieldErrors): string | null | undefined {
  if (typeof raw.rrule === "string" && raw.rrule.trim() !== "") {
    try {
      return formatRRule(parseRRule(raw.rrule));
    } catch (error) {
      if (!(error instanceof RecurrenceRuleError)) throw error;
      addError(errors, "rrule", error.message);
      return undefined;
    }
  }
  const sent = { period: raw.period, frequency: raw.frequency, selDays: raw.sel_days, seriesEndAt: raw.series_end_at };
  if (Object.values(sent).every((v) => v === undefined)) return raw.rrule === undefined ? undefined : null;

  const before = errorCount(errors);
  const period = sent.period === undefined ? undefined : code(sent.period, PERIODS, 5);
  if (period === null) addError(errors, "period", "is invalid (expected 0–5 or none, day, week, month, year, weekday)");
  const frequency = sent.frequency === undefined ? undefined : code(sent.frequency, FREQUENCIES, 10_000);
  if (frequency === null) addError(errors, "frequency", "is invalid (expected an interval: 0 or 1 every, 2 every_other, 3 every_third, …)");
  let selDays: number[] | null | undefined;
  if (sent.selDays === null) selDays = null;
  else if (sent.selDays !== undefined) {
    const list = (Array.isArray(sent.selDays) ? sent.selDays : [sent.selDays]).map(weekday);
    if (list.some((d) => d === null)) addError(errors, "sel_days", "is invalid (expected weekdays 0 = Sunday … 6 = Saturday)");
    selDays = list.filter((d): d is number => d !== null);
  }
  let seriesEndAt: Date | null | undefined;
  if (sent.seriesEndAt === null) seriesEndAt = null;
  else if (sent.seriesEndAt !== undefined) {
    seriesEndAt = parseKonaDateTime(sent.seriesEndAt);
    if (!seriesEndAt) addError(errors, "series_end_at", DATETIME_HINT);
  }
  if (errorCount(errors) > before) return undefined;

  try {
    const current = currentRrule ? parseRRule(currentRrule) : null;
    if (current && period === undefined && frequency === undefined && selDays === undefined) {
      const rule: RecurrenceRule = { ...current };
      delete rule.count;
      if (seriesEndAt) rule.until = seriesEndAt;
      else delete rule.until;
      return formatRRule(normalizeRule(rule));
    }
    const base = current ? ruleToKona(current) : null;
    const merged = {
      period: period ?? base?.period ?? 0,
      frequency: frequency ?? base?.frequency ?? 0,
      selDays: selDays !== undefined ? selDays : (base?.sel_days ?? null),
      seriesEndAt: seriesEndAt !== undefined ? seriesEndAt : (base?.series_end_at ?? null),
    };
    if (merged.period === 0) {
      if ((frequency ?? 0) > 0 || (selDays?.length ?? 0) > 0 || seriesEndAt) addError(errors, "period", "must be 1–5 for frequency, sel_days or series_end_at to apply");
      return null;
    }
    if ((selDays?.length ?? 0) > 0 && merged.period !== 2) addError(errors, "sel_days", "only applies to period 2 (week)");
    const rule = konaToRule(merged);
    return rule ? formatRRule(rule) : null;
  } catch (error) {
    if (!(error instanceof RecurrenceRuleError)) throw error;
    addError(errors, PART_FIELD[error.part] ?? "rrule", error.message);
    return undefined;
  }
}

function errorCount(errors: FieldErrors): number {
  return Object.values(errors).reduce((n, list) => n + list.length, 0);
}

export interface KonaRecurrenceFields {
  period: number;
  frequency: number;
  sel_days: number[] | null;
  series_end_at: number | null;
  rrule: string | null;
}

const NONE: KonaRecurrenceFields = { period: 0, frequency: 0, sel_days: null, series_end_at: null, rrule: null };
const cache = new Map<string, KonaRecurrenceFields>();

/** The Kona fields for an event's rule (+ `rrule` when they cannot say it all), memoised per series. */
export function konaFieldsOf(event: Pick<EventRecord, "rrule" | "startsAt" | "endsAt" | "timeZone" | "allDay">, occurrence: OccurrenceInfo | null): KonaRecurrenceFields {
  if (!event.rrule) return NONE;
  const start = occurrence?.seriesStartsAt ?? event.startsAt;
  const durationMs = event.endsAt.getTime() - event.startsAt.getTime();
  const key = `${event.rrule}|${start.getTime()}|${event.timeZone}|${event.allDay}|${durationMs}`;
  let fields = cache.get(key);
  if (!fields) {
    const kona = ruleToKona(parseRRule(event.rrule), { start, timeZone: event.timeZone, allDay: event.allDay, durationMs });
    fields = { period: kona.period, frequency: kona.frequency, sel_days: kona.sel_days, series_end_at: kona.series_end_at?.getTime() ?? null, rrule: kona.exact ? null : event.rrule };
    if (cache.size > 2000) cache.clear();
    cache.set(key, fields);
  }
  return fields;
}
