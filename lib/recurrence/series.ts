// A series = compiled rule + DTSTART's wall clock + counting. Periods are numbered p = 0, 1, …
// (unit u0 + p * INTERVAL); "rule occurrences" are the candidates of those periods from
// DTSTART's date on. Counting uses the calendar's periodicity so that the number of
// occurrences before any period is O(1) for common rules and O(cycle) at worst.
import { DAY_MS, MAX_DAY, MIN_DAY, floorDiv, gcd } from "./civil.ts";
import { validateRule } from "./parse.ts";
import { PeriodSource } from "./plan.ts";
import type { SeriesInput } from "./types.ts";
import { getZone, utcZone, type Zone } from "./zone.ts";

const SCRATCH = new Int32Array(400);
const NO_EXDATES: ReadonlySet<number> = new Set();

export interface Located {
  period: number;
  day: number;
}

export class Series {
  readonly source: PeriodSource;
  readonly zone: Zone;
  readonly startMs: number;
  readonly startDay: number;
  readonly tod: number; // wall-clock ms since local midnight shared by all occurrences
  readonly u0: number;
  readonly interval: number;
  readonly count: number | null;
  readonly untilMs: number | null;
  /** 0 when DTSTART matches the rule, 1 when it is an extra first occurrence (RFC 5545). */
  readonly offset: 0 | 1;
  readonly exdates: ReadonlySet<number>;
  /** Scratch for one period's days, shared by all series: nothing here is re-entrant or async. */
  readonly buf = SCRATCH;
  private readonly cyclePeriods: number;
  private readonly firstCount: number; // rule occurrences in period 0 (from startDay on)
  private cyclePrefix: Float64Array | null = null; // prefix[j] = occurrences in periods 1..j

  constructor(input: SeriesInput) {
    const rule = input.rule;
    validateRule(rule);
    this.startMs = input.start instanceof Date ? input.start.getTime() : NaN;
    if (!Number.isFinite(this.startMs)) throw new RangeError("start must be a valid Date");
    this.zone = input.allDay ? utcZone : getZone(input.timeZone);
    const local = this.startMs + this.zone.offsetAt(this.startMs);
    this.startDay = floorDiv(local, DAY_MS);
    if (this.startDay < MIN_DAY || this.startDay > MAX_DAY) throw new RangeError("start must be within years 1..9999");
    this.tod = local - this.startDay * DAY_MS;
    this.source = new PeriodSource(rule, this.startDay);
    this.interval = rule.interval;
    this.count = rule.count ?? null;
    // DTSTART is always occurrence 1, even when UNTIL precedes it.
    this.untilMs = rule.until ? Math.max(rule.until.getTime(), this.startMs) : null;
    this.u0 = this.source.unitOf(this.startDay);
    this.cyclePeriods = this.source.cycleUnits / gcd(this.interval, this.source.cycleUnits);
    const n = this.source.fill(this.u0, this.buf);
    let first = 0;
    let matches = false;
    for (let k = 0; k < n; k++) {
      const day = this.buf[k] ?? 0;
      if (day >= this.startDay) first++;
      if (day === this.startDay) matches = true;
    }
    this.firstCount = first;
    this.offset = matches ? 0 : 1;
    const exdateKey = input.allDay ? (ms: number) => floorDiv(ms, DAY_MS) * DAY_MS + this.tod : (ms: number) => ms;
    this.exdates = input.exdates?.length ? new Set(input.exdates.map((d) => exdateKey(d.getTime()))) : NO_EXDATES;
  }

  unitOfPeriod(p: number): number {
    return this.u0 + p * this.interval;
  }

  /** The first period whose unit contains or follows `day` (never before period 0). */
  periodAtOrAfter(day: number): number {
    const u = this.source.unitOf(Math.max(MIN_DAY, Math.min(MAX_DAY, day)));
    return Math.max(0, Math.ceil((u - this.u0) / this.interval));
  }

  /** The period whose unit contains `day`, or -1 when the day's unit is not a period. */
  periodContaining(day: number): number {
    const diff = this.source.unitOf(day) - this.u0;
    return diff >= 0 && diff % this.interval === 0 ? diff / this.interval : -1;
  }

  /** UTC start of the occurrence on a local day (DTSTART's own instant on its day). */
  utcOf(day: number): number {
    return day === this.startDay ? this.startMs : this.zone.localToUtc(day * DAY_MS + this.tod);
  }

  /** Fills buf with period p's occurrence days (days before DTSTART dropped); returns count. */
  fillPeriod(p: number): number {
    const n = this.source.fill(this.unitOfPeriod(p), this.buf);
    if (p !== 0) return n;
    let k = 0;
    for (let i = 0; i < n; i++) {
      const day = this.buf[i] ?? 0;
      if (day >= this.startDay) this.buf[k++] = day;
    }
    return k;
  }

  private periodCount(p: number): number {
    return p === 0 ? this.firstCount : this.source.fill(this.unitOfPeriod(p), this.buf);
  }

  /** Prefix sums of occurrences over one calendar cycle of periods 1..P. */
  private prefix(): Float64Array {
    if (this.cyclePrefix === null) {
      const prefix = new Float64Array(this.cyclePeriods + 1);
      for (let j = 1; j <= this.cyclePeriods; j++) prefix[j] = (prefix[j - 1] ?? 0) + this.periodCount(j);
      this.cyclePrefix = prefix;
    }
    return this.cyclePrefix;
  }

  /** Rule occurrences in periods [0, p). */
  countBefore(p: number): number {
    if (p <= 0) return 0;
    const rest = p - 1; // periods 1 .. p-1
    const P = this.cyclePeriods;
    let total = this.firstCount;
    if (rest <= P && this.cyclePrefix === null) {
      for (let q = 1; q <= rest; q++) total += this.periodCount(q);
      return total;
    }
    const prefix = this.prefix();
    return total + Math.floor(rest / P) * (prefix[P] ?? 0) + (prefix[rest % P] ?? 0);
  }

  /** The period and day of the nth (1-based) rule occurrence, or null if there is none. */
  locate(n: number): Located | null {
    if (!(n >= 1)) return null;
    let p = 0;
    let remaining = n;
    if (remaining > this.firstCount) {
      remaining -= this.firstCount;
      p = 1;
      const P = this.cyclePeriods;
      let jumped = false;
      for (let steps = 0; ; p++, steps++) {
        if (!jumped && (steps === P || P <= 4096 || this.cyclePrefix !== null)) {
          // Skip whole calendar cycles: each holds the same number of occurrences.
          const perCycle = this.prefix()[P] ?? 0;
          if (perCycle === 0) return null;
          const cycles = Math.floor((remaining - 1) / perCycle);
          remaining -= cycles * perCycle;
          p += cycles * P;
          jumped = true;
        }
        if (this.source.firstDayOf(this.unitOfPeriod(p)) > MAX_DAY) return null;
        const c = this.periodCount(p);
        if (remaining <= c) break;
        remaining -= c;
      }
    }
    const c = this.fillPeriod(p);
    const day = this.buf[remaining - 1];
    return c >= remaining && day !== undefined && day <= MAX_DAY ? { period: p, day } : null;
  }
}
