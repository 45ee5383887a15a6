// The two API dialects' simple recurrence vocabularies, mapped to and from RecurrenceRule.
import { WEEKDAYS } from "./civil.ts";
import { occurrenceAt } from "./expand.ts";
import { normalizeRule, SUB_DAILY } from "./parse.ts";
import { MAX_INTERVAL, RecurrenceRuleError, type Frequency, type RecurrenceRule, type SeriesInput } from "./types.ts";

export type Preset = "daily" | "weekly" | "monthly" | "yearly";

/**
 * SweetDate's `recurrence_rule` preset as a rule: FREQ with INTERVAL=1. The weekday / day of
 * month come from DTSTART at expansion time, so `start` and `timeZone` are not needed.
 */
export function presetToRule(preset: Preset, _start?: Date, _timeZone?: string): RecurrenceRule {
  const freq = preset.toUpperCase();
  if (freq !== "DAILY" && freq !== "WEEKLY" && freq !== "MONTHLY" && freq !== "YEARLY") {
    throw new RecurrenceRuleError("FREQ", `Unknown recurrence preset "${preset}"`);
  }
  return { freq, interval: 1 };
}

/**
 * The preset shown for a rule: its FREQ ("none" without a rule); the full rule goes in `rrule`.
 * Sub-daily rules (HOURLY, MINUTELY, SECONDLY) show "daily", the finest preset.
 */
export function ruleToPreset(rule: RecurrenceRule | null | undefined): "none" | Preset {
  if (!rule) return "none";
  return SUB_DAILY.has(rule.freq) ? "daily" : (rule.freq.toLowerCase() as Preset);
}

/** Kona `period`: none 0 | day 1 | week 2 | month 3 | year 4 | weekday 5 (= Mon–Fri). */
export type KonaPeriod = 0 | 1 | 2 | 3 | 4 | 5;

export interface KonaRecurrenceInput {
  period?: number | null;
  /** every 1 | every_other 2 | every_third 3; 0 or absent = 1. */
  frequency?: number | null;
  /** 0 = Sunday … 6 = Saturday; BYDAY of weekly rules. */
  selDays?: number | readonly number[] | null;
  /** UNTIL (inclusive). */
  seriesEndAt?: Date | null;
}

export interface KonaRecurrence {
  period: KonaPeriod;
  frequency: number;
  sel_days: number[] | null;
  series_end_at: Date | null;
  /** True when these fields express the rule fully; otherwise also show the `rrule`. */
  exact: boolean;
}

const PERIOD_FREQ: Record<number, Frequency> = { 1: "DAILY", 2: "WEEKLY", 3: "MONTHLY", 4: "YEARLY", 5: "WEEKLY" };
// Sub-daily rules have no Kona period: the nearest is "day", and `exact` is false.
const FREQ_PERIOD: Record<Frequency, KonaPeriod> = { SECONDLY: 1, MINUTELY: 1, HOURLY: 1, DAILY: 1, WEEKLY: 2, MONTHLY: 3, YEARLY: 4 };
const WORKWEEK = ["MO", "TU", "WE", "TH", "FR"] as const;
const konaDay = (weekdayIndex: number): number => (weekdayIndex + 1) % 7; // MO=0 -> 1 … SU=6 -> 0

/** Kona's fields as a rule; null for period 0 (no recurrence). selDays only matter for period 2. */
export function konaToRule(input: KonaRecurrenceInput): RecurrenceRule | null {
  const period = input.period ?? 0;
  if (!Number.isInteger(period) || period < 0 || period > 5) {
    throw new RecurrenceRuleError("FREQ", `period must be 0..5 (got ${String(period)})`);
  }
  const freq = PERIOD_FREQ[period];
  if (freq === undefined) return null;
  const frequency = input.frequency ?? 0;
  if (!Number.isInteger(frequency) || frequency < 0 || frequency > MAX_INTERVAL) {
    throw new RecurrenceRuleError("INTERVAL", `frequency must be a positive integer (got ${String(frequency)})`);
  }
  const rule: RecurrenceRule = { freq, interval: frequency === 0 ? 1 : frequency };
  if (period === 5) {
    rule.byDay = WORKWEEK.map((weekday) => ({ weekday }));
  } else if (period === 2 && input.selDays !== null && input.selDays !== undefined) {
    const days = typeof input.selDays === "number" ? [input.selDays] : [...input.selDays];
    for (const d of days) {
      if (!Number.isInteger(d) || d < 0 || d > 6) throw new RecurrenceRuleError("BYDAY", `sel_days must be 0..6 (got ${String(d)})`);
    }
    if (days.length > 0) rule.byDay = days.map((d) => ({ weekday: WEEKDAYS[(d + 6) % 7] ?? "MO" }));
  }
  if (input.seriesEndAt) rule.until = input.seriesEndAt;
  return normalizeRule(rule);
}

/**
 * The nearest Kona fields for a rule. COUNT has no Kona field: with `series` given,
 * series_end_at becomes the last occurrence's start (same occurrences, exact stays false).
 * A Mon–Fri weekly rule (or daily Mon–Fri rule) is shown as period 5 (weekday).
 */
export function ruleToKona(
  rule: RecurrenceRule | null | undefined,
  series?: Omit<SeriesInput, "rule">,
): KonaRecurrence {
  if (!rule) return { period: 0, frequency: 0, sel_days: null, series_end_at: null, exact: true };
  const r = normalizeRule(rule);
  const plainDays = (r.byDay ?? []).every((d) => d.n === undefined);
  const dayIndexes = (r.byDay ?? []).map((d) => WEEKDAYS.indexOf(d.weekday));
  const monToFri = plainDays && dayIndexes.join() === "0,1,2,3,4";
  // Every weekday: WEEKLY;BYDAY=MO..FR, or DAILY;BYDAY=MO..FR, which is the same set when INTERVAL=1.
  const isWorkweek = monToFri && (r.freq === "WEEKLY" || (r.freq === "DAILY" && r.interval === 1));
  const period: KonaPeriod = isWorkweek ? 5 : FREQ_PERIOD[r.freq];
  const finerParts = r.byWeekNo || r.byYearDay || r.byHour || r.byMinute || r.bySecond || SUB_DAILY.has(r.freq);
  let exact = r.interval <= 3 && !r.byMonth && !r.byMonthDay && !r.bySetPos && r.count === undefined && !finerParts;
  if (r.byDay && r.freq !== "WEEKLY" && !isWorkweek) exact = false;
  // WKST only changes which weeks an INTERVAL>1 weekly rule picks when it has several days.
  if (r.wkst && r.freq === "WEEKLY" && r.interval > 1 && dayIndexes.length > 1) exact = false;
  const selDays =
    period === 2 && r.byDay ? [...new Set(dayIndexes.map(konaDay))].sort((a, b) => a - b) : null;
  let seriesEnd = r.until ?? null;
  if (r.count !== undefined && series) seriesEnd = occurrenceAt({ ...series, rule: r, exdates: [] }, r.count);
  return { period, frequency: Math.min(r.interval, 3), sel_days: selDays, series_end_at: seriesEnd, exact };
}
