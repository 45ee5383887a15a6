// Public expansion API: windows, nth occurrence, index of an occurrence.
import { DAY_MS, MAX_DAY, floorDiv } from "./civil.ts";
import { Series } from "./series.ts";
import { DEFAULT_EXPAND_LIMIT, type ExpandInput, type Occurrence, type SeriesInput } from "./types.ts";

const instant = (d: Date, name: string): number => {
  const ms = d instanceof Date ? d.getTime() : NaN;
  if (!Number.isFinite(ms)) throw new RangeError(`${name} must be a valid Date`);
  return ms;
};

/**
 * Occurrences overlapping [from, to): start < to and start + durationMs > from (a zero-length
 * occurrence counts when from <= start < to). Sorted by start; at most `limit` (default 5000).
 * Jumps straight to the window: the cost does not grow with the series' age.
 */
export function expand(input: ExpandInput): Occurrence[] {
  const fromMs = instant(input.from, "from");
  const toMs = instant(input.to, "to");
  const duration = input.durationMs;
  if (!(Number.isFinite(duration) && duration >= 0)) throw new RangeError("durationMs must be >= 0");
  const limit = input.limit ?? DEFAULT_EXPAND_LIMIT;
  if (!(Number.isInteger(limit) && limit >= 0)) throw new RangeError("limit must be a non-negative integer");
  const s = new Series(input);
  const out: Occurrence[] = [];
  if (toMs <= fromMs || limit <= 0) return out;

  const lowMs = fromMs - duration; // earliest start that can still overlap
  const inWindow = (ms: number): boolean => ms < toMs && (ms + duration > fromMs || ms >= fromMs);
  const emit = (ms: number, index: number): boolean => {
    if (inWindow(ms) && !s.exdates.has(ms)) out.push({ start: new Date(ms), index });
    return out.length < limit;
  };

  if (s.offset === 1 && !emit(s.startMs, 1)) return out; // DTSTART off the rule: occurrence 1
  if (toMs <= s.startMs || (s.untilMs !== null && s.untilMs < lowMs)) return out;

  // Local days that can hold an occurrence in the window (zone offsets are within ±1 day).
  const lowDay = floorDiv(lowMs, DAY_MS) - 2;
  const highDay = Math.min(floorDiv(toMs, DAY_MS) + 1, MAX_DAY);
  let p = s.periodAtOrAfter(lowDay);
  let index = s.offset + s.countBefore(p);
  if (s.count !== null && index >= s.count) return out;

  for (; ; p++) {
    if (s.source.firstDayOf(s.unitOfPeriod(p)) > highDay) return out;
    const n = s.fillPeriod(p);
    for (let k = 0; k < n; k++) {
      const day = s.buf[k] ?? 0;
      index++;
      if (s.count !== null && index > s.count) return out;
      if (day < lowDay) continue;
      if (day > highDay) return out;
      const ms = s.utcOf(day);
      if (s.untilMs !== null && ms > s.untilMs) return out;
      if (!emit(ms, index)) return out;
    }
  }
}

/** Start of the nth (1-based) occurrence, or null (past COUNT/UNTIL, excluded, or none). */
export function occurrenceAt(input: SeriesInput, n: number): Date | null {
  if (!Number.isInteger(n) || n < 1) return null;
  const s = new Series(input);
  if (s.count !== null && n > s.count) return null;
  let ms: number;
  if (s.offset === 1 && n === 1) {
    ms = s.startMs;
  } else {
    const found = s.locate(n - s.offset);
    if (found === null) return null;
    ms = s.utcOf(found.day);
    if (s.untilMs !== null && ms > s.untilMs) return null;
  }
  return s.exdates.has(ms) ? null : new Date(ms);
}

/** 1-based index of the occurrence that starts at originalStart; null if there is none. */
export function indexOf(input: SeriesInput, originalStart: Date): number | null {
  const ms = originalStart instanceof Date ? originalStart.getTime() : NaN;
  if (!Number.isFinite(ms)) return null;
  const s = new Series(input);
  if (s.exdates.has(ms) || ms < s.startMs) return null;
  if (ms === s.startMs) return 1;
  if (s.untilMs !== null && ms > s.untilMs) return null;
  const localDay = floorDiv(ms + s.zone.offsetAt(ms), DAY_MS);
  // A gap-shifted occurrence can land on the next local day, hence two candidates.
  for (const day of [localDay, localDay - 1]) {
    if (day <= s.startDay || day > MAX_DAY || s.utcOf(day) !== ms) continue;
    const p = s.periodContaining(day);
    if (p < 0) continue;
    const n = s.fillPeriod(p);
    const pos = s.buf.subarray(0, n).indexOf(day);
    if (pos < 0) continue;
    const index = s.offset + s.countBefore(p) + pos + 1;
    return s.count !== null && index > s.count ? null : index;
  }
  return null;
}

/** Whether originalStart is an occurrence of the series (EXDATEs excluded). */
export function isOccurrence(input: SeriesInput, originalStart: Date): boolean {
  return indexOf(input, originalStart) !== null;
}
