// Public expansion API: windows, nth occurrence, index of an occurrence. A series' occurrences
// are the rule's (DTSTART + RRULE, bounded by COUNT/UNTIL) merged with its RDATEs, minus EXDATEs;
// numbers (1-based) run over the merged sequence and EXDATEs keep theirs.
import { RuleCursor, ruleAt, ruleIndexOf } from "./rule.ts";
import { Series } from "./series.ts";
import { DEFAULT_EXPAND_LIMIT, type ExpandInput, type Occurrence, type SeriesInput } from "./types.ts";

const instant = (d: Date, name: string): number => {
  const ms = d instanceof Date ? d.getTime() : NaN;
  if (!Number.isFinite(ms)) throw new RangeError(`${name} must be a valid Date`);
  return ms;
};

/** Sorted RDATEs that are not already rule occurrences (from DTSTART on): the "extra" occurrences. */
function extrasOf(s: Series, input: SeriesInput): number[] {
  if (!input.rdates?.length) return [];
  const sorted = [...new Set(input.rdates.map((d) => s.key(instant(d, "rdates"))))].filter((ms) => ms >= s.startMs).sort((a, b) => a - b);
  return sorted.filter((ms) => ruleIndexOf(s, ms) === null);
}

/** Number of values in sorted `list` that are < ms. */
function rankBelow(list: readonly number[], ms: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((list[mid] ?? 0) < ms) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Rule occurrences starting before ms. */
function ruleCountBefore(s: Series, ms: number): number {
  return new RuleCursor(s, ms, ms).indexBefore;
}

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
  const extras = extrasOf(s, input);
  let e = rankBelow(extras, lowMs); // next extra to merge
  const cursor = new RuleCursor(s, lowMs, toMs);
  let ruleIndex = cursor.indexBefore; // rule occurrences before the current one
  const emit = (ms: number, index: number): boolean => {
    if (inWindow(ms) && !s.exdates.has(ms)) out.push({ start: new Date(ms), index });
    return out.length < limit;
  };
  for (let ms = cursor.next(); ; ms = cursor.next()) {
    const ruleMs = Number.isNaN(ms) || ms >= toMs ? Infinity : ms;
    // RDATEs before this rule occurrence: numbered after the rule occurrences before them.
    for (; e < extras.length && (extras[e] ?? 0) < ruleMs && (extras[e] ?? 0) < toMs; e++) {
      if (!emit(extras[e] ?? 0, ruleIndex + e + 1)) return out;
    }
    if (ruleMs === Infinity) return out;
    ruleIndex = cursor.index;
    if (!emit(ms, ruleIndex + e)) return out;
  }
}

/** Start of the nth (1-based) occurrence, or null (past the end, excluded, or none). */
export function occurrenceAt(input: SeriesInput, n: number): Date | null {
  if (!Number.isInteger(n) || n < 1) return null;
  const s = new Series(input);
  const extras = extrasOf(s, input);
  let ms: number | null;
  if (extras.length === 0) {
    ms = ruleAt(s, n);
  } else {
    // j = how many RDATEs are among the first n occurrences: the largest j with
    // extras[j-1] < (rule occurrence n-j+1); the nth is then the later of extras[j-1] and rule n-j.
    const rule = (k: number): number => (k < 1 ? -Infinity : (ruleAt(s, k) ?? Infinity));
    let lo = 0;
    let hi = Math.min(n, extras.length);
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((extras[mid - 1] ?? 0) < rule(n - mid + 1)) lo = mid;
      else hi = mid - 1;
    }
    const last = Math.max(lo > 0 ? (extras[lo - 1] ?? -Infinity) : -Infinity, rule(n - lo));
    ms = Number.isFinite(last) ? last : null;
  }
  return ms === null || s.exdates.has(ms) ? null : new Date(ms);
}

/** 1-based index of the occurrence that starts at originalStart; null if there is none. */
export function indexOf(input: SeriesInput, originalStart: Date): number | null {
  const ms = originalStart instanceof Date ? originalStart.getTime() : NaN;
  if (!Number.isFinite(ms)) return null;
  const s = new Series(input);
  if (s.exdates.has(ms)) return null;
  const extras = extrasOf(s, input);
  const index = ruleIndexOf(s, ms);
  if (index !== null) return index + rankBelow(extras, ms);
  const e = rankBelow(extras, ms);
  return extras[e] === ms ? ruleCountBefore(s, ms) + e + 1 : null;
}

/** Whether originalStart is an occurrence of the series (EXDATEs excluded). */
export function isOccurrence(input: SeriesInput, originalStart: Date): boolean {
  return indexOf(input, originalStart) !== null;
}
