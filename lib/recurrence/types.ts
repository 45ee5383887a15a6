// Public types of the recurrence module. Pure data; no behaviour beyond the error class.

export type Weekday = "MO" | "TU" | "WE" | "TH" | "FR" | "SA" | "SU";
export type Frequency = "SECONDLY" | "MINUTELY" | "HOURLY" | "DAILY" | "WEEKLY" | "MONTHLY" | "YEARLY";

export interface ByDay {
  weekday: Weekday;
  /** Ordinal (2 = second, -1 = last); MONTHLY/YEARLY only. */
  n?: number;
}

export interface RecurrenceRule {
  freq: Frequency;
  /** >= 1 */
  interval: number;
  byDay?: ByDay[];
  /** 1..31 or -31..-1 */
  byMonthDay?: number[];
  /** 1..12 */
  byMonth?: number[];
  /** 1..53 or -53..-1: ISO-style weeks starting on WKST (week 1 has at least 4 days of the year) */
  byWeekNo?: number[];
  /** 1..366 or -366..-1 */
  byYearDay?: number[];
  /** 0..23 */
  byHour?: number[];
  /** 0..59 */
  byMinute?: number[];
  /** 0..59 (leap second 60 is not supported) */
  bySecond?: number[];
  /** 1..366 or -366..-1; needs another BY part */
  bySetPos?: number[];
  count?: number;
  /** Inclusive bound, a UTC instant (all-day series: the date's UTC midnight). */
  until?: Date;
  /** Default MO. */
  wkst?: Weekday;
}

/** A problem with a rule; `part` names the offending rule part ("BYDAY", "FREQ", "COUNT", …). */
export class RecurrenceRuleError extends Error {
  readonly part: string;
  constructor(part: string, message: string) {
    super(message);
    this.name = "RecurrenceRuleError";
    this.part = part;
  }
}

/** Everything that defines a series' occurrences (ExpandInput without the window). */
export interface SeriesInput {
  rule: RecurrenceRule;
  /** The series' first start (DTSTART), a UTC instant. */
  start: Date;
  /** IANA zone whose wall clock the rule follows (ignored when allDay). */
  timeZone: string;
  /** All-day series: `start` is the UTC midnight of the first date; arithmetic is on dates. */
  allDay: boolean;
  /** Original starts (UTC instants) that are excluded (from the rule's and the RDATEs' occurrences). */
  exdates?: Date[];
  /**
   * RDATEs: extra occurrence starts (UTC instants) merged with the rule's; one that equals a rule
   * occurrence is that occurrence; those before `start` are ignored. COUNT and UNTIL bound the
   * rule only. All-day series: UTC midnights.
   */
  rdates?: Date[];
  /** Occurrence length; windows return occurrences that overlap them. */
  durationMs: number;
  /** Maximum number of occurrences returned by expand(); default DEFAULT_EXPAND_LIMIT. */
  limit?: number;
}

export interface ExpandInput extends SeriesInput {
  /** Window [from, to): occurrences with start < to and end > from (or start >= from when zero-length). */
  from: Date;
  to: Date;
}

export interface Occurrence {
  /** Original start of the occurrence, a UTC instant. */
  start: Date;
  /** 1-based position in the series (Kona's num_in_series); EXDATEs keep their numbers. */
  index: number | null;
}

/** Callers reject windows longer than this many days. */
export const MAX_WINDOW_DAYS = 366;
/** Guard rail: the most occurrences one series may have in one requested window (more = a 422). */
export const MAX_WINDOW_OCCURRENCES = 5000;
/** expand() returns at most this many occurrences unless `limit` says otherwise. */
export const DEFAULT_EXPAND_LIMIT = MAX_WINDOW_OCCURRENCES;
/** Largest INTERVAL we accept. */
export const MAX_INTERVAL = 10_000;
/** Largest COUNT we accept. */
export const MAX_COUNT = 1_000_000;
/** Most candidate occurrences one period of a rule may have (e.g. 366 days x 24 BYHOUR = 8,784). */
export const MAX_PERIOD_CANDIDATES = 100_000;
/** Most RDATEs a series may have. */
export const MAX_RDATES = 1000;
/** The rule of an event that has RDATEs but no RRULE: DTSTART alone, plus the RDATEs (RFC 5545). */
export const RDATES_ONLY_RULE = "FREQ=DAILY;COUNT=1";
