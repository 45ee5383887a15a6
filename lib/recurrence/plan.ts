// A rule's day-level parts compiled against its start date into bit masks, and the per-period
// candidate-day generator. A "unit" is an absolute period number: a day, a week (aligned to WKST),
// a month (y*12+m-1) or a year. Candidates are day numbers; times of day are added by series.ts.
import {
  WEEKDAYS,
  WEEKDAY_DAYS,
  MONTH_START_DOY,
  civilFromDays,
  daysFromCivil,
  daysInMonth,
  floorDiv,
  isLeapYear,
  lengthMask,
  mod,
  packedDay,
  packedMonth,
  packedYear,
  popcount,
  weekdayOf,
} from "./civil.ts";
import type { RecurrenceRule } from "./types.ts";

export type DayFrequency = "DAILY" | "WEEKLY" | "MONTHLY" | "YEARLY";

const ALL_MONTHS = 0b1_1111_1111_1110;
const EMPTY = new Int32Array(0);
/** Gregorian calendar repeats every 400 years = 146097 days = 20871 weeks = 4800 months. */
const CYCLE_UNITS = { DAILY: 146_097, WEEKLY: 20_871, MONTHLY: 4800, YEARLY: 400 } as const;

export class PeriodSource {
  readonly freq: DayFrequency;
  /** Calendar periodicity (in units) of the number of candidates per period. */
  readonly cycleUnits: number;
  private readonly wkst: number;
  private readonly anchor: number; // a day number falling on WKST
  private readonly monthMask: number; // explicit BYMONTH as bits 1..12, 0 = none
  private readonly yearMonths: number; // YEARLY: months to expand
  private readonly mdByLen: Int32Array | null; // [len-28] -> day bits; null = no day-of-month constraint
  private readonly hasByDay: boolean;
  private readonly wdMask: number; // plain weekdays, bit 0 = MO
  private readonly plainByFirst: Int32Array; // [weekday of the 1st] -> bits of matching days
  private readonly ords: number[]; // flattened [weekday, n, …]
  private readonly yearScopeOrds: boolean;
  private readonly yearOrd: Int32Array;
  private readonly weekNos: readonly number[] | null;
  private readonly yearDays: readonly number[] | null;
  private filterYear = NaN; // year whose BYWEEKNO/BYYEARDAY month masks are in filterMasks
  private readonly filterMasks = new Int32Array(13);

  /** `freq` overrides the rule's (sub-daily rules filter their days with a DAILY source). */
  constructor(rule: RecurrenceRule, startDay: number, freq: DayFrequency = rule.freq as DayFrequency) {
    const start = civilFromDays(startDay);
    this.freq = freq;
    this.wkst = WEEKDAYS.indexOf(rule.wkst ?? "MO");
    this.anchor = mod(this.wkst - 3, 7);
    this.monthMask = (rule.byMonth ?? []).reduce((m, v) => m | (1 << v), 0);
    const byDay = rule.byDay ?? [];
    const byMonthDay = rule.byMonthDay ?? [];
    this.hasByDay = byDay.length > 0;
    this.wdMask = byDay.filter((d) => d.n === undefined).reduce((m, d) => m | (1 << WEEKDAYS.indexOf(d.weekday)), 0);
    this.ords = byDay.flatMap((d) => (d.n === undefined ? [] : [WEEKDAYS.indexOf(d.weekday), d.n]));
    this.weekNos = rule.byWeekNo?.length ? rule.byWeekNo : null;
    this.yearDays = rule.byYearDay?.length ? rule.byYearDay : null;
    this.yearScopeOrds = freq === "YEARLY" && this.monthMask === 0;
    this.yearOrd = this.yearScopeOrds && this.ords.length > 0 ? new Int32Array(13) : EMPTY;

    // RFC 5545 defaults: the BY parts a rule leaves out come from DTSTART.
    // (dateutil's reading: BYWEEKNO or BYYEARDAY also replace the default day.)
    let monthDays = byMonthDay;
    const dayFilters = this.weekNos !== null || this.yearDays !== null;
    if (freq === "WEEKLY" && !this.hasByDay && !dayFilters) {
      this.hasByDay = true;
      this.wdMask = 1 << weekdayOf(startDay);
    }
    const needsDefaultDay = (freq === "MONTHLY" || freq === "YEARLY") && !this.hasByDay && byMonthDay.length === 0 && !dayFilters;
    if (needsDefaultDay) monthDays = [packedDay(start)];
    this.yearMonths =
      this.monthMask !== 0 ? this.monthMask : needsDefaultDay ? 1 << packedMonth(start) : ALL_MONTHS;

    this.mdByLen = null;
    if (monthDays.length > 0) {
      this.mdByLen = new Int32Array(4);
      for (let len = 28; len <= 31; len++) {
        let mask = 0;
        for (const v of monthDays) {
          const day = v > 0 ? v : len + 1 + v;
          if (day >= 1 && day <= len) mask |= 1 << (day - 1);
        }
        this.mdByLen[len - 28] = mask;
      }
    }
    this.plainByFirst = new Int32Array(7);
    for (let wf = 0; wf < 7; wf++) {
      let mask = 0;
      for (let wd = 0; wd < 7; wd++) if (this.wdMask & (1 << wd)) mask |= WEEKDAY_DAYS[wf * 7 + wd] ?? 0;
      this.plainByFirst[wf] = mask;
    }
    this.cycleUnits = this.computeCycleUnits();
  }

  /** Many common rules have the same number of candidates in every period: a cycle of 1. */
  private computeCycleUnits(): number {
    if (this.weekNos || this.yearDays) return CYCLE_UNITS[this.freq];
    const md = this.mdByLen;
    const counts = md ? Array.from(md, popcount) : [];
    const lengthInvariant = counts.every((c) => c === counts[0]);
    const febInvariant = counts[0] === counts[1];
    switch (this.freq) {
      case "DAILY":
        if (this.monthMask !== 0 || md) return CYCLE_UNITS.DAILY;
        return this.hasByDay ? 7 : 1;
      case "WEEKLY":
        return this.monthMask !== 0 ? CYCLE_UNITS.WEEKLY : 1;
      case "MONTHLY":
        if (this.hasByDay || !lengthInvariant) return CYCLE_UNITS.MONTHLY;
        return this.monthMask !== 0 ? 12 : 1;
      case "YEARLY":
        return this.hasByDay || (!febInvariant && (this.yearMonths & 4) !== 0) ? CYCLE_UNITS.YEARLY : 1;
    }
  }

  unitOf(day: number): number {
    switch (this.freq) {
      case "DAILY":
        return day;
      case "WEEKLY":
        return floorDiv(day - this.anchor, 7);
      case "MONTHLY": {
        const p = civilFromDays(day);
        return packedYear(p) * 12 + packedMonth(p) - 1;
      }
      case "YEARLY":
        return packedYear(civilFromDays(day));
    }
  }

  firstDayOf(unit: number): number {
    switch (this.freq) {
      case "DAILY":
        return unit;
      case "WEEKLY":
        return this.anchor + 7 * unit;
      case "MONTHLY":
        return daysFromCivil(floorDiv(unit, 12), mod(unit, 12) + 1, 1);
      case "YEARLY":
        return daysFromCivil(unit, 1, 1);
    }
  }

  /** Writes the period's candidate days (ascending, before BYSETPOS) into buf; returns how many. */
  fill(unit: number, buf: Int32Array): number {
    let n = 0;
    switch (this.freq) {
      case "DAILY":
        n = this.matchesDay(unit) ? 1 : 0;
        buf[0] = unit;
        break;
      case "WEEKLY": {
        const first = this.anchor + 7 * unit;
        for (let k = 0; k < 7; k++) {
          const day = first + k;
          if (this.hasByDay && !(this.wdMask & (1 << ((this.wkst + k) % 7)))) continue;
          if ((this.monthMask !== 0 || this.weekNos || this.yearDays) && !this.matchesDayFilters(day)) continue;
          buf[n++] = day;
        }
        break;
      }
      case "MONTHLY": {
        const y = floorDiv(unit, 12);
        const m = mod(unit, 12) + 1;
        if (this.monthMask !== 0 && !(this.monthMask & (1 << m))) return 0;
        n = this.fillMonth(y, m, daysFromCivil(y, m, 1), buf, 0);
        break;
      }
      case "YEARLY": {
        const yearStart = daysFromCivil(unit, 1, 1);
        const leap = isLeapYear(unit);
        if (this.yearScopeOrds && this.ords.length > 0) this.loadYearOrdinals(yearStart, leap);
        const starts = MONTH_START_DOY[leap ? 1 : 0] ?? [];
        for (let m = 1; m <= 12; m++) {
          if (this.yearMonths & (1 << m)) n = this.fillMonth(unit, m, yearStart + (starts[m - 1] ?? 0), buf, n);
        }
        break;
      }
    }
    return n;
  }

  /** Whether a day passes the rule's plain-weekday, month, day-of-month, week and year-day parts. */
  matchesDay(day: number): boolean {
    if (this.hasByDay && !(this.wdMask & (1 << weekdayOf(day)))) return false;
    if (this.monthMask === 0 && !this.mdByLen && !this.weekNos && !this.yearDays) return true;
    const p = civilFromDays(day);
    const m = packedMonth(p);
    if (this.monthMask !== 0 && !(this.monthMask & (1 << m))) return false;
    if ((this.weekNos || this.yearDays) && !((this.yearFilter(packedYear(p))[m] ?? 0) & (1 << (packedDay(p) - 1)))) return false;
    if (!this.mdByLen) return true;
    const mask = this.mdByLen[daysInMonth(packedYear(p), m) - 28] ?? 0;
    return (mask & (1 << (packedDay(p) - 1))) !== 0;
  }

  /** BYMONTH, BYWEEKNO and BYYEARDAY (the limits WEEKLY applies to its days). */
  private matchesDayFilters(day: number): boolean {
    const p = civilFromDays(day);
    const m = packedMonth(p);
    if (this.monthMask !== 0 && !(this.monthMask & (1 << m))) return false;
    return !(this.weekNos || this.yearDays) || ((this.yearFilter(packedYear(p))[m] ?? 0) & (1 << (packedDay(p) - 1))) !== 0;
  }

  /** Month masks (bit d-1 = day d) of year y's days that pass BYWEEKNO and BYYEARDAY. */
  private yearFilter(y: number): Int32Array {
    if (this.filterYear === y) return this.filterMasks;
    const masks = this.filterMasks;
    masks.fill(0);
    const first = daysFromCivil(y, 1, 1);
    const len = isLeapYear(y) ? 366 : 365;
    const weeks = this.weekNos ? new WeekNumbering(this.wkst, y) : null;
    const starts = MONTH_START_DOY[len === 366 ? 1 : 0] ?? [];
    let m = 1;
    for (let doy = 0; doy < len; doy++) {
      while (m < 12 && doy >= (starts[m] ?? 366)) m++;
      if (this.yearDays && !this.yearDays.includes(doy + 1) && !this.yearDays.includes(doy - len)) continue;
      if (weeks && !weeks.matches(first + doy, this.weekNos ?? [])) continue;
      masks[m] = (masks[m] ?? 0) | (1 << (doy - (starts[m - 1] ?? 0)));
    }
    this.filterYear = y;
    return masks;
  }

  private fillMonth(y: number, m: number, first: number, buf: Int32Array, n: number): number {
    const len = daysInMonth(y, m);
    let days = this.hasByDay || this.mdByLen ? 0 : lengthMask(len); // only BYWEEKNO/BYYEARDAY: all days, filtered below
    if (this.hasByDay) {
      const wf = weekdayOf(first);
      days = (this.plainByFirst[wf] ?? 0) & lengthMask(len);
      if (this.yearScopeOrds) days |= this.yearOrd[m] ?? 0;
      else days |= this.monthOrdinals(wf, len);
    }
    if (this.mdByLen) {
      const md = this.mdByLen[len - 28] ?? 0;
      days = this.hasByDay ? days & md : md;
    }
    if (this.weekNos || this.yearDays) days &= this.yearFilter(y)[m] ?? 0;
    while (days !== 0) {
      const low = days & -days;
      buf[n++] = first + 31 - Math.clz32(low);
      days ^= low;
    }
    return n;
  }

  /** Bits of the days picked by ordinal BYDAY entries (2TU, -1FR) within one month. */
  private monthOrdinals(wf: number, len: number): number {
    let mask = 0;
    const ords = this.ords;
    for (let i = 0; i < ords.length; i += 2) {
      const wd = ords[i] ?? 0;
      const n = ords[i + 1] ?? 0;
      const day =
        n > 0 ? 1 + mod(wd - wf, 7) + 7 * (n - 1) : len - mod((wf + len - 1) % 7 - wd, 7) + 7 * (n + 1);
      if (day >= 1 && day <= len) mask |= 1 << (day - 1);
    }
    return mask;
  }

  /** Ordinal BYDAY entries counted within the year (YEARLY without BYMONTH), as month masks. */
  private loadYearOrdinals(yearStart: number, leap: boolean): void {
    this.yearOrd.fill(0);
    const len = leap ? 366 : 365;
    const w0 = weekdayOf(yearStart);
    const starts = MONTH_START_DOY[leap ? 1 : 0] ?? [];
    const ords = this.ords;
    for (let i = 0; i < ords.length; i += 2) {
      const wd = ords[i] ?? 0;
      const n = ords[i + 1] ?? 0;
      const doy = n > 0 ? mod(wd - w0, 7) + 7 * (n - 1) : len - 1 - mod((w0 + len - 1) % 7 - wd, 7) + 7 * (n + 1);
      if (doy < 0 || doy >= len) continue;
      let m = 12;
      while ((starts[m - 1] ?? 0) > doy) m--;
      this.yearOrd[m] = (this.yearOrd[m] ?? 0) | (1 << (doy - (starts[m - 1] ?? 0)));
    }
  }

}

/** RFC 5545 week numbers around one calendar year: weeks start on WKST; week 1 is the first with 4+ days of its year. */
class WeekNumbering {
  private readonly starts: [number, number, number]; // first day of week 1 of years y-1, y, y+1

  constructor(wkst: number, y: number) {
    const week1 = (year: number): number => {
      const jan1 = daysFromCivil(year, 1, 1);
      const back = mod(weekdayOf(jan1) - wkst, 7); // days since the week started
      return back <= 3 ? jan1 - back : jan1 + 7 - back;
    };
    this.starts = [week1(y - 1), week1(y), week1(y + 1)];
  }

  /**
   * Whether `day` (of year y) is in one of `weekNos`, counted in the week-numbering year the day
   * belongs to; days of the next year's week 1 match only 1 (as in python-dateutil).
   */
  matches(day: number, weekNos: readonly number[]): boolean {
    const [prev, cur, next] = this.starts;
    if (day >= next) return weekNos.includes(1);
    const start = day >= cur ? cur : prev;
    const count = (day >= cur ? next - cur : cur - prev) / 7;
    const n = Math.floor((day - start) / 7) + 1;
    return weekNos.includes(n) || weekNos.includes(n - count - 1);
  }
}
