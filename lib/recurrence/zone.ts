// Wall-clock <-> UTC for IANA zones, via Intl with a per-zone cache of UTC offsets by UTC day.
// Conversions follow RFC 5545 / Temporal "compatible": a wall-clock time in a spring-forward
// gap keeps the offset from before the gap (02:30 EST -> 03:30 EDT); an ambiguous time in a
// fall-back overlap resolves to the earlier instant.
import { DAY_MS, daysFromCivil } from "./civil.ts";

export interface Zone {
  /** local - UTC, in ms, at a UTC instant. */
  offsetAt(utcMs: number): number;
  /** UTC instant of a wall-clock time given as ms since 1970-01-01T00:00 local. */
  localToUtc(localMs: number): number;
}

const UTC_ZONE: Zone = { offsetAt: () => 0, localToUtc: (localMs) => localMs };

interface Transition {
  at: number; // first UTC ms with the new offset
  before: number;
  after: number;
}

const MAX_CACHED_DAYS = 100_000;
// en-US with h23 and a short era: "3/9/2025 AD, 02:30:00".
const FORMATTED = /^(\d+)\/(\d+)\/(\d+) (AD|BC), (\d+):(\d+):(\d+)$/;

class IntlZone implements Zone {
  private readonly format: Intl.DateTimeFormat;
  private readonly days = new Map<number, number | Transition>();

  constructor(timeZone: string) {
    this.format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      era: "short",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
  }

  offsetAt(utcMs: number): number {
    const day = Math.floor(utcMs / DAY_MS);
    const entry = this.days.get(day) ?? this.load(day);
    return typeof entry === "number" ? entry : utcMs < entry.at ? entry.before : entry.after;
  }

  localToUtc(localMs: number): number {
    // Offsets a day either side bracket any transition near this wall-clock time.
    const before = this.offsetAt(localMs - DAY_MS);
    const after = this.offsetAt(localMs + DAY_MS);
    if (before === after) return localMs - before;
    const early = localMs - before;
    const late = localMs - after;
    const earlyValid = this.offsetAt(early) === before;
    const lateValid = this.offsetAt(late) === after;
    if (earlyValid && lateValid) return Math.min(early, late); // overlap: the earlier instant
    if (earlyValid) return early;
    if (lateValid) return late;
    return localMs - before; // gap: shift forward by the gap's length
  }

  /** Offset (ms) at a UTC instant, straight from Intl (second precision). */
  private rawOffset(utcMs: number): number {
    const seconds = Math.floor(utcMs / 1000) * 1000;
    // format() + a regex is ~3x faster than formatToParts(); the latter is the fallback.
    const m = FORMATTED.exec(this.format.format(seconds));
    let y: number, mo: number, d: number, h: number, mi: number, s: number, bc: boolean;
    if (m) {
      [y, mo, d, h, mi, s] = [m[3], m[1], m[2], m[5], m[6], m[7]].map(Number) as [number, number, number, number, number, number];
      bc = m[4] === "BC";
    } else {
      const parts = new Map(this.format.formatToParts(seconds).map((p) => [p.type, p.value]));
      [y, mo, d, h, mi, s] = ["year", "month", "day", "hour", "minute", "second"].map((t) => Number(parts.get(t as Intl.DateTimeFormatPartTypes))) as [number, number, number, number, number, number];
      bc = /^B/i.test(parts.get("era") ?? "");
    }
    const local = daysFromCivil(bc ? 1 - y : y, mo, d) * DAY_MS + (h % 24) * 3_600_000 + mi * 60_000 + s * 1000;
    return local - seconds;
  }

  /** Caches the offset for one UTC day, locating a transition inside it to the second. */
  private load(day: number): number | Transition {
    let lo = day * DAY_MS;
    let hi = lo + DAY_MS;
    const before = this.rawOffset(lo);
    const after = this.rawOffset(hi);
    let entry: number | Transition = before;
    if (before !== after) {
      while (hi - lo > 1000) {
        const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
        if (this.rawOffset(mid) === before) lo = mid;
        else hi = mid;
      }
      entry = { at: hi, before, after };
    }
    if (this.days.size >= MAX_CACHED_DAYS) this.days.clear();
    this.days.set(day, entry);
    return entry;
  }
}

const zones = new Map<string, Zone>([
  ["UTC", UTC_ZONE],
  ["Etc/UTC", UTC_ZONE],
]);

/** The zone for an IANA name (cached); throws RangeError for an unknown zone. */
export function getZone(timeZone: string): Zone {
  let zone = zones.get(timeZone);
  if (zone === undefined) {
    try {
      zone = new IntlZone(timeZone);
    } catch {
      throw new RangeError(`Unknown time zone "${timeZone}"`);
    }
    zones.set(timeZone, zone);
  }
  return zone;
}

export const utcZone: Zone = UTC_ZONE;
