// Proleptic Gregorian calendar arithmetic on "day numbers" (days since 1970-01-01).
// Everything here is integer math: no Date objects, no time zones.

export const DAY_MS = 86_400_000;

/** Day number of 0001-01-01 and 9999-12-31: the range we support. */
export const MIN_DAY = -719_162;
export const MAX_DAY = 2_932_896;

export const WEEKDAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"] as const;

export function floorDiv(a: number, b: number): number {
  return Math.floor(a / b);
}

export function mod(a: number, b: number): number {
  const r = a % b;
  return r < 0 ? r + b : r;
}

export function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

const MONTH_LENGTHS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(y: number, m: number): number {
  return m === 2 ? (isLeapYear(y) ? 29 : 28) : (MONTH_LENGTHS[m - 1] ?? 31);
}

/** Day-of-year (0-based) of the first day of month m, for common [0] and leap [1] years. */
export const MONTH_START_DOY: readonly (readonly number[])[] = [false, true].map((leap) => {
  const starts = [0];
  for (let m = 1; m < 12; m++) {
    const len = m === 2 ? (leap ? 29 : 28) : (MONTH_LENGTHS[m - 1] ?? 31);
    starts.push((starts[m - 1] ?? 0) + len);
  }
  return starts;
});

/** Days since 1970-01-01 (Howard Hinnant's days_from_civil). */
export function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const mp = (m + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** Civil date of a day number, packed as y * 512 + m * 32 + d (allocation-free). */
export function civilFromDays(z: number): number {
  const zz = z + 719_468;
  const era = Math.floor(zz / 146_097);
  const doe = zz - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return y * 512 + m * 32 + d;
}

export const packedYear = (p: number): number => Math.floor(p / 512);
export const packedMonth = (p: number): number => (p >> 5) & 15;
export const packedDay = (p: number): number => p & 31;

/** Weekday of a day number, 0 = Monday … 6 = Sunday (1970-01-01 was a Thursday). */
export function weekdayOf(day: number): number {
  return mod(day + 3, 7);
}

/** Mask of days 1..L as bits 0..L-1. */
export function lengthMask(len: number): number {
  return len >= 31 ? 0x7fff_ffff : (1 << len) - 1;
}

/** WEEKDAY_DAYS[firstWeekday * 7 + wd]: bits (day-1) of the days 1..31 that fall on wd. */
export const WEEKDAY_DAYS: Int32Array = (() => {
  const table = new Int32Array(49);
  for (let wf = 0; wf < 7; wf++) {
    for (let wd = 0; wd < 7; wd++) {
      let mask = 0;
      for (let bit = mod(wd - wf, 7); bit < 31; bit += 7) mask |= 1 << bit;
      table[wf * 7 + wd] = mask;
    }
  }
  return table;
})();

export function popcount(x: number): number {
  let n = 0;
  for (let v = x >>> 0; v !== 0; v &= v - 1) n++;
  return n;
}
