// FREQ=HOURLY|MINUTELY|SECONDLY: periods are wall-clock hours, minutes or seconds counted from
// DTSTART's, every INTERVAL-th one. They are grouped by local day so that counting and jumping
// work like the daily rules': a day's occurrences depend only on the day's BY parts and on where
// the INTERVAL grid falls in it, which repeats every INTERVAL / gcd(INTERVAL, units per day) days.
import { DAY_MS, floorDiv, gcd, mod } from "./civil.ts";
import { PeriodSource } from "./plan.ts";
import { setPosIndexes, type LocalBuffer, type Source } from "./source.ts";
import type { RecurrenceRule } from "./types.ts";

const UNIT_MS = { HOURLY: 3_600_000, MINUTELY: 60_000, SECONDLY: 1000 } as const;

export class SubDailySource implements Source {
  readonly cycleUnits: number;
  private readonly unitMs: number;
  private readonly unitsPerDay: number;
  private readonly interval: number;
  private readonly u0: number; // DTSTART's unit, counted from 1970-01-01T00:00 local
  /** Units of the day the limits let through (BYHOUR, and BYMINUTE/BYSECOND when finer than FREQ); null = all. */
  private readonly allowed: Uint8Array | null;
  /** Offsets within a unit (BYMINUTE/BYSECOND expanding an hour or a minute, then BYSETPOS). */
  private readonly within: Float64Array;
  /** BYMONTH, BYWEEKNO, BYYEARDAY, BYMONTHDAY, BYDAY limit whole days; null = none. */
  private readonly days: PeriodSource | null;
  private readonly unitsByPhase = new Map<number, Int32Array>();

  constructor(rule: RecurrenceRule, startLocal: number, startDay: number) {
    const freq = rule.freq as keyof typeof UNIT_MS;
    this.unitMs = UNIT_MS[freq];
    this.unitsPerDay = DAY_MS / this.unitMs;
    this.interval = rule.interval;
    this.u0 = floorDiv(startLocal, this.unitMs);
    const tod = startLocal - startDay * DAY_MS;
    const ms = tod % 1000;
    const hasDayParts = [rule.byDay, rule.byMonthDay, rule.byMonth, rule.byWeekNo, rule.byYearDay].some((l) => (l?.length ?? 0) > 0);
    this.days = hasDayParts ? new PeriodSource(rule, startDay, "DAILY") : null;

    // Expansions inside one unit (RFC 5545 table: BYMINUTE/BYSECOND expand HOURLY, BYSECOND expands MINUTELY).
    const minutes = freq === "HOURLY" ? (rule.byMinute ?? [Math.floor(tod / 60_000) % 60]) : [0];
    const seconds = freq === "SECONDLY" ? [0] : (rule.bySecond ?? [Math.floor(tod / 1000) % 60]);
    let within: number[] = [];
    for (const m of minutes) for (const s of seconds) within.push(m * 60_000 + s * 1000 + ms);
    within.sort((a, b) => a - b);
    if (rule.bySetPos?.length) within = setPosIndexes(rule.bySetPos, within.length, []).map((i) => within[i] ?? 0);
    this.within = Float64Array.from(within);

    // Limits at the unit's own level or coarser.
    const limits = [
      rule.byHour ? new Set(rule.byHour) : null,
      freq !== "HOURLY" && rule.byMinute ? new Set(rule.byMinute) : null,
      freq === "SECONDLY" && rule.bySecond ? new Set(rule.bySecond) : null,
    ];
    if (limits.some((l) => l !== null)) {
      this.allowed = new Uint8Array(this.unitsPerDay);
      for (let u = 0; u < this.unitsPerDay; u++) {
        const sinceMidnight = u * this.unitMs;
        const parts = [Math.floor(sinceMidnight / 3_600_000), Math.floor(sinceMidnight / 60_000) % 60, Math.floor(sinceMidnight / 1000) % 60];
        this.allowed[u] = limits.every((l, i) => l === null || l.has(parts[i] ?? 0)) ? 1 : 0;
      }
    } else {
      this.allowed = null;
    }
    const phaseCycle = this.interval / gcd(this.interval, this.unitsPerDay);
    const dayCycle = this.days?.cycleUnits ?? 1;
    this.cycleUnits = (dayCycle / gcd(dayCycle, phaseCycle)) * phaseCycle;
  }

  unitOf(day: number): number {
    return day;
  }

  firstDayOf(unit: number): number {
    return unit;
  }

  /** The day's units (0 = midnight) on the INTERVAL grid that pass the limits. */
  private unitsOn(day: number): Int32Array {
    const first = mod(this.u0 - day * this.unitsPerDay, this.interval);
    let units = this.unitsByPhase.get(first);
    if (units === undefined) {
      const list: number[] = [];
      for (let u = first; u < this.unitsPerDay; u += this.interval) if (this.allowed === null || this.allowed[u]) list.push(u);
      units = Int32Array.from(list);
      this.unitsByPhase.set(first, units);
    }
    return units;
  }

  count(day: number): number {
    if (this.days !== null && !this.days.matchesDay(day)) return 0;
    return this.unitsOn(day).length * this.within.length;
  }

  fill(day: number, out: LocalBuffer): number {
    if (this.days !== null && !this.days.matchesDay(day)) return 0;
    const units = this.unitsOn(day);
    const within = this.within;
    const arr = out.ensure(units.length * within.length);
    const base = day * DAY_MS;
    let k = 0;
    for (let i = 0; i < units.length; i++) {
      const start = base + (units[i] ?? 0) * this.unitMs;
      for (let j = 0; j < within.length; j++) arr[k++] = start + (within[j] ?? 0);
    }
    return k;
  }
}
