// A series = compiled rule + DTSTART's wall clock + counting. Periods are numbered p = 0, 1, …
// (unit u0 + p * step); each period's occurrences are local wall-clock times ("local ms": ms since
// 1970-01-01T00:00 in the series' zone), from DTSTART on. Counting uses the calendar's
// periodicity so that the number of occurrences before any period is O(1) for common rules and
// O(cycle) at worst.
import { DAY_MS, MAX_DAY, MIN_DAY, floorDiv, gcd } from "./civil.ts";
import { SUB_DAILY, validateRule } from "./parse.ts";
import { PeriodSource } from "./plan.ts";
import { LocalBuffer, setPosIndexes, type Source } from "./source.ts";
import { SubDailySource } from "./sub-daily.ts";
import type { RecurrenceRule, SeriesInput } from "./types.ts";
import { getZone, utcZone, type Zone } from "./zone.ts";

const NO_EXDATES: ReadonlySet<number> = new Set();
/** Scratch for one period's days, shared: DaySource copies them out at once (nothing here is async). */
const DAYS = new Int32Array(400);
/** Cycles longer than this are walked instead of tabulated (memory). */
const MAX_PREFIX = 400_000;

/** DAILY..YEARLY: the plan's days times the rule's times of day, then BYSETPOS over the product. */
class DaySource implements Source {
  readonly cycleUnits: number;
  private readonly days = DAYS;
  private readonly sel: number[] = [];

  constructor(
    private readonly plan: PeriodSource,
    private readonly times: Float64Array,
    private readonly setPos: readonly number[] | null,
  ) {
    this.cycleUnits = plan.cycleUnits;
  }

  unitOf(day: number): number {
    return this.plan.unitOf(day);
  }

  firstDayOf(unit: number): number {
    return this.plan.firstDayOf(unit);
  }

  count(unit: number): number {
    const total = this.plan.fill(unit, this.days) * this.times.length;
    return this.setPos ? setPosIndexes(this.setPos, total, this.sel).length : total;
  }

  fill(unit: number, out: LocalBuffer): number {
    const nd = this.plan.fill(unit, this.days);
    const nt = this.times.length;
    const times = this.times;
    const days = this.days;
    if (this.setPos) {
      const sel = setPosIndexes(this.setPos, nd * nt, this.sel);
      const arr = out.ensure(sel.length);
      for (let k = 0; k < sel.length; k++) {
        const j = sel[k] ?? 0;
        arr[k] = (days[Math.floor(j / nt)] ?? 0) * DAY_MS + (times[j % nt] ?? 0);
      }
      return sel.length;
    }
    const arr = out.ensure(nd * nt);
    let k = 0;
    for (let i = 0; i < nd; i++) {
      const base = (days[i] ?? 0) * DAY_MS;
      for (let t = 0; t < nt; t++) arr[k++] = base + (times[t] ?? 0);
    }
    return k;
  }
}

/** Times of day (ms since local midnight) of a DAILY..YEARLY rule: BYHOUR x BYMINUTE x BYSECOND, defaults from DTSTART. */
function timesOfDay(rule: RecurrenceRule, tod: number): Float64Array {
  if (!rule.byHour && !rule.byMinute && !rule.bySecond) return Float64Array.of(tod);
  const ms = tod % 1000;
  const hours = rule.byHour ?? [Math.floor(tod / 3_600_000)];
  const minutes = rule.byMinute ?? [Math.floor(tod / 60_000) % 60];
  const seconds = rule.bySecond ?? [Math.floor(tod / 1000) % 60];
  const out: number[] = [];
  for (const h of hours) for (const m of minutes) for (const s of seconds) out.push(h * 3_600_000 + m * 60_000 + s * 1000 + ms);
  return Float64Array.from(new Set(out)).sort();
}

export class Series {
  readonly source: Source;
  readonly zone: Zone;
  readonly allDay: boolean;
  readonly startMs: number;
  readonly startLocal: number;
  readonly startDay: number;
  readonly step: number;
  readonly u0: number;
  readonly count: number | null;
  readonly untilMs: number | null;
  /** 0 when DTSTART matches the rule, 1 when it is an extra first occurrence (RFC 5545). */
  readonly offset: 0 | 1;
  readonly exdates: ReadonlySet<number>;
  /** Rules with several times a day skip wall-clock times the zone skips (RFC 5545 §3.3.10). */
  readonly dropGaps: boolean;
  private readonly out = new LocalBuffer();
  private readonly tod: number;
  private readonly cyclePeriods: number;
  private readonly firstCount: number; // rule occurrences in period 0 (from DTSTART on)
  private cyclePrefix: Float64Array | null = null; // prefix[j] = occurrences in periods 1..j

  constructor(input: SeriesInput) {
    const rule = input.rule;
    validateRule(rule, { allDay: input.allDay });
    this.allDay = input.allDay;
    this.startMs = input.start instanceof Date ? input.start.getTime() : NaN;
    if (!Number.isFinite(this.startMs)) throw new RangeError("start must be a valid Date");
    this.zone = input.allDay ? utcZone : getZone(input.timeZone);
    this.startLocal = this.startMs + this.zone.offsetAt(this.startMs);
    this.startDay = floorDiv(this.startLocal, DAY_MS);
    if (this.startDay < MIN_DAY || this.startDay > MAX_DAY) throw new RangeError("start must be within years 1..9999");
    this.tod = this.startLocal - this.startDay * DAY_MS;
    if (SUB_DAILY.has(rule.freq)) {
      this.source = new SubDailySource(rule, this.startLocal, this.startDay);
      this.step = 1;
      this.dropGaps = true;
    } else {
      const times = timesOfDay(rule, this.tod);
      this.source = new DaySource(new PeriodSource(rule, this.startDay), times, rule.bySetPos?.length ? rule.bySetPos : null);
      this.step = rule.interval;
      this.dropGaps = times.length > 1;
    }
    this.count = rule.count ?? null;
    // DTSTART is always occurrence 1, even when UNTIL precedes it.
    this.untilMs = rule.until ? Math.max(rule.until.getTime(), this.startMs) : null;
    this.u0 = this.source.unitOf(this.startDay);
    this.cyclePeriods = this.source.cycleUnits / gcd(this.step, this.source.cycleUnits);
    const n = this.source.fill(this.u0, this.out);
    let first = 0;
    let matches = false;
    for (let k = 0; k < n; k++) {
      const local = this.out.arr[k] ?? 0;
      if (local >= this.startLocal) first++;
      if (local === this.startLocal) matches = true;
    }
    this.firstCount = first;
    this.offset = matches ? 0 : 1;
    this.exdates = input.exdates?.length ? new Set(input.exdates.map((d) => this.key(d.getTime()))) : NO_EXDATES;
  }

  /** The buffer fillPeriod() wrote (one user at a time: nothing here is re-entrant or async). */
  get buf(): Float64Array {
    return this.out.arr;
  }

  /** All-day series compare dates: any instant on a date names that date's occurrence. */
  key(ms: number): number {
    return this.allDay ? floorDiv(ms, DAY_MS) * DAY_MS + this.tod : ms;
  }

  unitOfPeriod(p: number): number {
    return this.u0 + p * this.step;
  }

  firstDayOfPeriod(p: number): number {
    return this.source.firstDayOf(this.unitOfPeriod(p));
  }

  /** The first period whose unit contains or follows `day` (never before period 0). */
  periodAtOrAfter(day: number): number {
    const u = this.source.unitOf(Math.max(MIN_DAY, Math.min(MAX_DAY, day)));
    return Math.max(0, Math.ceil((u - this.u0) / this.step));
  }

  /** A period at or before the first one that can hold an occurrence starting at utcMs. */
  periodNear(utcMs: number): number {
    return this.periodAtOrAfter(floorDiv(utcMs, DAY_MS) - 2); // zone offsets are within ±1 day
  }

  /** The period whose unit contains `day`, or -1 when the day's unit is not a period. */
  periodContaining(day: number): number {
    const diff = this.source.unitOf(day) - this.u0;
    return diff >= 0 && diff % this.step === 0 ? diff / this.step : -1;
  }

  /**
   * UTC instant of a local occurrence time; DTSTART keeps its own instant. Ambiguous times take
   * the earlier instant; skipped times move forward by the gap, or (dropGaps) are no occurrence: NaN.
   */
  utcOfLocal(local: number): number {
    if (local === this.startLocal) return this.startMs;
    const utc = this.zone.localToUtc(local);
    return this.dropGaps && utc + this.zone.offsetAt(utc) !== local ? NaN : utc;
  }

  /** Local times that may map to utcMs (the second: a time moved forward out of a gap). */
  localCandidates(utcMs: number): number[] {
    const a = utcMs + this.zone.offsetAt(utcMs);
    const b = utcMs + this.zone.offsetAt(utcMs - DAY_MS);
    return a === b ? [a] : [a, b];
  }

  /** Fills buf with period p's occurrences (those before DTSTART dropped); returns count. */
  fillPeriod(p: number): number {
    const n = this.source.fill(this.unitOfPeriod(p), this.out);
    if (p !== 0) return n;
    const arr = this.out.arr;
    let k = 0;
    for (let i = 0; i < n; i++) {
      const local = arr[i] ?? 0;
      if (local >= this.startLocal) arr[k++] = local;
    }
    return k;
  }

  private periodCount(p: number): number {
    return p === 0 ? this.firstCount : this.source.count(this.unitOfPeriod(p));
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

  /** Rule occurrences in periods [0, p) (not counting an off-rule DTSTART). */
  countBefore(p: number): number {
    if (p <= 0) return 0;
    const rest = p - 1; // periods 1 .. p-1
    const P = this.cyclePeriods;
    let total = this.firstCount;
    if ((rest <= P && this.cyclePrefix === null) || P > MAX_PREFIX) {
      for (let q = 1; q <= rest; q++) total += this.periodCount(q);
      return total;
    }
    const prefix = this.prefix();
    return total + Math.floor(rest / P) * (prefix[P] ?? 0) + (prefix[rest % P] ?? 0);
  }

  /** UTC start of the nth (1-based) rule occurrence counted from period 0, or null. */
  locate(n: number): number | null {
    if (!(n >= 1)) return null;
    let p = 0;
    let remaining = n;
    if (remaining > this.firstCount) {
      remaining -= this.firstCount;
      p = 1;
      const P = this.cyclePeriods;
      let jumped = P > MAX_PREFIX;
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
        if (this.firstDayOfPeriod(p) > MAX_DAY) return null;
        const c = this.periodCount(p);
        if (remaining <= c) break;
        remaining -= c;
      }
    }
    const c = this.fillPeriod(p);
    const local = this.buf[remaining - 1];
    if (c < remaining || local === undefined || floorDiv(local, DAY_MS) > MAX_DAY) return null;
    const ms = this.utcOfLocal(local);
    return Number.isNaN(ms) ? null : ms;
  }

  /** 1-based number (from period 0) of the rule occurrence at `local` that starts at utcMs, or null. */
  numberOfLocal(local: number, utcMs: number): number | null {
    const day = floorDiv(local, DAY_MS);
    if (day < this.startDay || day > MAX_DAY || this.utcOfLocal(local) !== utcMs) return null;
    const p = this.periodContaining(day);
    if (p < 0) return null;
    const n = this.fillPeriod(p);
    const arr = this.buf;
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((arr[mid] ?? 0) < local) lo = mid + 1;
      else hi = mid;
    }
    return lo < n && arr[lo] === local ? this.countBefore(p) + lo + 1 : null;
  }
}
