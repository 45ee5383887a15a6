// The rule's own occurrences (DTSTART + RRULE, bounded by COUNT and UNTIL; no RDATE, no EXDATE):
// a cursor from any instant, the nth occurrence, and the number of an occurrence.
import { DAY_MS, MAX_DAY, floorDiv } from "./civil.ts";
import type { Series } from "./series.ts";

/**
 * Walks the rule's occurrences that start at or after `lowMs`, in order, with their 1-based
 * numbers; stops (NaN) at the end of the rule or once past `highMs` (a bound on the work).
 */
export class RuleCursor {
  /** Rule occurrences that start before lowMs. */
  readonly indexBefore: number;
  /** Number of the occurrence next() returned last. */
  index = 0;
  private readonly highDay: number;
  private p: number;
  private started = false;
  private pendingStart: boolean;
  private local = 0; // number of the last occurrence generated
  private buf: Float64Array = new Float64Array(0); // the series' own buffer: one cursor at a time
  private k = 0;
  private n = 0;
  private done = false;
  private peeked: number;
  private peekedIndex = 0;

  private readonly lowMs: number;

  constructor(
    private readonly s: Series,
    lowMs: number,
    highMs: number,
  ) {
    // Past UNTIL nothing is left: start just after it, so that indexBefore counts up to UNTIL only.
    this.lowMs = s.untilMs !== null && lowMs > s.untilMs ? s.untilMs + 1 : lowMs;
    lowMs = this.lowMs;
    this.highDay = Math.min(floorDiv(Math.max(highMs, lowMs), DAY_MS) + 2, MAX_DAY);
    if (lowMs <= s.startMs) {
      this.p = 0;
      this.pendingStart = s.offset === 1;
    } else {
      this.pendingStart = false;
      this.p = s.periodNear(lowMs);
      this.local = s.offset + s.countBefore(this.p);
      if (s.count !== null && this.local >= s.count) {
        this.local = s.count;
        this.done = true;
      }
    }
    this.peeked = this.advance();
    this.peekedIndex = this.local;
    this.indexBefore = Number.isNaN(this.peeked) ? this.local : this.local - 1;
  }

  /** The next occurrence's start (UTC ms), or NaN. */
  next(): number {
    const value = this.peeked;
    if (Number.isNaN(value)) return NaN;
    this.index = this.peekedIndex;
    this.peeked = this.advance();
    this.peekedIndex = this.local;
    return value;
  }

  private advance(): number {
    const s = this.s;
    if (this.pendingStart) {
      this.pendingStart = false;
      this.local = 1;
      if (s.startMs >= this.lowMs) return s.startMs;
    }
    while (!this.done) {
      if (this.k < this.n) {
        const local = this.buf[this.k++] ?? 0;
        if (s.count !== null && this.local >= s.count) break;
        const ms = s.utcOfLocal(local);
        if (s.untilMs !== null && ms > s.untilMs) break;
        this.local++;
        if (Number.isNaN(ms)) continue; // a wall-clock time the zone skipped (Series.dropGaps): numbered, not an occurrence
        if (ms < this.lowMs) continue;
        return ms;
      }
      if (this.started) this.p++;
      this.started = true;
      if (s.firstDayOfPeriod(this.p) > this.highDay) return NaN;
      this.n = s.fillPeriod(this.p);
      this.buf = s.buf;
      this.k = 0;
    }
    this.done = true;
    return NaN;
  }
}

/** Start (UTC ms) of the rule's nth occurrence, or null. */
export function ruleAt(s: Series, n: number): number | null {
  if (s.count !== null && n > s.count) return null;
  if (s.offset === 1 && n === 1) return s.startMs;
  const ms = s.locate(n - s.offset);
  if (ms === null) return null;
  return s.untilMs !== null && ms > s.untilMs ? null : ms;
}

/** Number of the rule occurrence that starts at ms, or null. */
export function ruleIndexOf(s: Series, ms: number): number | null {
  if (ms < s.startMs) return null;
  if (ms === s.startMs) return 1;
  if (s.untilMs !== null && ms > s.untilMs) return null;
  for (const local of s.localCandidates(ms)) {
    const found = s.numberOfLocal(local, ms);
    if (found === null) continue;
    const index = s.offset + found;
    return s.count !== null && index > s.count ? null : index;
  }
  return null;
}
