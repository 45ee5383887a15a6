// Public types of the recurrence module. Pure data; no behaviour beyond the error class.

export type Weekday = "MO" | "TU" | "WE" | "TH" | "FR" | "SA" | "SU";
export type Frequency = "DAILY" | "WEEKLY" | "MONTHLY" | "YEARLY";

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
  /** 1..366 or -366..-1; needs BYDAY, BYMONTHDAY or BYMONTH */
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
  /** Original starts (UTC instants) that are excluded. */
  exdates?: Date[];
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
/** expand() returns at most this many occurrences unless `limit` says otherwise. */
export const DEFAULT_EXPAND_LIMIT = 5000;
/** Largest INTERVAL we accept. */
export const MAX_INTERVAL = 10_000;
/** Largest COUNT we accept. */
export const MAX_COUNT = 1_000_000;
