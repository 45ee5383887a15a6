// What series.ts needs from a rule compiled for one DTSTART: occurrences per unit, as local times.

/** A growable buffer of local ms values. */
export class LocalBuffer {
  arr = new Float64Array(32);
  ensure(n: number): Float64Array {
    if (this.arr.length < n) this.arr = new Float64Array(Math.max(n, this.arr.length * 2));
    return this.arr;
  }
}

/** Candidate occurrences per unit (a day, week, month or year; sub-daily rules: a day). */
export interface Source {
  /** Calendar periodicity (in units) of the number of occurrences per unit. */
  readonly cycleUnits: number;
  unitOf(day: number): number;
  firstDayOf(unit: number): number;
  /** Occurrences in the unit (before DTSTART is applied). */
  count(unit: number): number;
  /** Writes the unit's occurrences (local ms, ascending) into out; returns how many. */
  fill(unit: number, out: LocalBuffer): number;
}

/** Distinct in-range indexes BYSETPOS picks from n candidates, ascending. */
export function setPosIndexes(setPos: readonly number[], n: number, sel: number[]): number[] {
  sel.length = 0;
  for (const pos of setPos) {
    const i = pos > 0 ? pos - 1 : n + pos;
    if (i >= 0 && i < n && !sel.includes(i)) sel.push(i);
  }
  return sel.sort((a, b) => a - b);
}
