// TZID → IANA zone, and UTC instant ↔ wall-clock parts in a zone.
import { isTimeZone } from "../domain/time.ts";
import { civilFromDays, DAY_MS, packedDay, packedMonth, packedYear } from "../recurrence/civil.ts";
import { getZone } from "../recurrence/zone.ts";
import { WINDOWS_ZONES } from "./windows-zones.ts";

const WINDOWS_LOWER = new Map(Object.entries(WINDOWS_ZONES).map(([k, v]) => [k.toLowerCase(), v]));
const canonical = new Map<string, string>();

function canonicalZone(zone: string): string {
  let name = canonical.get(zone);
  if (name === undefined) {
    name = new Intl.DateTimeFormat("en-US", { timeZone: zone }).resolvedOptions().timeZone;
    if (name === "Etc/UTC" || name === "Etc/GMT" || name === "GMT") name = "UTC";
    canonical.set(zone, name);
  }
  return name;
}

/**
 * The IANA zone a TZID names, or null: IANA names as they are, Windows names (Outlook/Exchange),
 * libical/Mozilla prefixed ids ("/freeassociation.sourceforge.net/Tzfile/Europe/London",
 * "/Europe/Stockholm"), and a VTIMEZONE's X-LIC-LOCATION when given.
 */
export function resolveTzid(tzid: string, location?: string | null): string | null {
  const id = tzid.trim().replace(/^"(.*)"$/, "$1");
  const candidates = [id, location ?? ""];
  for (const candidate of candidates) {
    if (!candidate) continue;
    const windows = WINDOWS_LOWER.get(candidate.toLowerCase());
    if (windows) return canonicalZone(windows);
    if (/^[A-Za-z][\w+-]*(\/[\w+-]+)*$/.test(candidate) && isTimeZone(candidate)) return canonicalZone(candidate);
    // Prefixed ids: try ever shorter tails that still look like Area/Location.
    const parts = candidate.split("/").filter(Boolean);
    for (let i = 1; i < parts.length - 1; i++) {
      const tail = parts.slice(i).join("/");
      if (isTimeZone(tail)) return canonicalZone(tail);
    }
    if (parts.length >= 1 && candidate.startsWith("/") && parts.length <= 3) {
      const tail = parts.join("/");
      if (isTimeZone(tail)) return canonicalZone(tail);
    }
  }
  return null;
}

export interface WallClock {
  year: number;
  month: number; // 1..12
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** The UTC instant of a wall-clock time in `timeZone` (gaps move forward, overlaps take the earlier). */
export function zonedToUtc(w: WallClock, timeZone: string): Date {
  return new Date(getZone(timeZone).localToUtc(Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second)));
}

/** The wall-clock time of a UTC instant in `timeZone`. */
export function utcToZoned(at: Date, timeZone: string): WallClock {
  const ms = at.getTime();
  return wallClockOf(ms + getZone(timeZone).offsetAt(ms));
}

/**
 * The calendar fields of a "local" millisecond count (proleptic Gregorian, as Date's UTC getters
 * give them), by the recurrence engine's day arithmetic: exports call this per written time, and a
 * Date per call costs.
 */
export function wallClockOf(localMs: number): WallClock {
  const days = Math.floor(localMs / DAY_MS);
  const msOfDay = localMs - days * DAY_MS;
  const civil = civilFromDays(days);
  return {
    year: packedYear(civil),
    month: packedMonth(civil),
    day: packedDay(civil),
    hour: Math.floor(msOfDay / 3_600_000),
    minute: Math.floor(msOfDay / 60_000) % 60,
    second: Math.floor(msOfDay / 1000) % 60,
  };
}
