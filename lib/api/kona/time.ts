// Kona datetimes: out as epoch milliseconds; in as epoch s or ms, `YYYY-MM-DD HH:mm:ss.SSS` (UTC),
// ISO 8601 or a date. Pure.
import { DATE_RANGE_TEXT, inDateRange, parseDate, parseDateTime } from "../../domain/time.ts";

const KONA_UTC = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?$/;
const NUMERIC = /^-?\d+(?:\.\d+)?$/;
/** Below this magnitude a number is epoch seconds, at or above it milliseconds (10^11 ms ≈ 1973). */
const SECONDS_BELOW = 1e11;
export const DATETIME_HINT = `is not a valid datetime ${DATE_RANGE_TEXT} (send epoch ms like 1755766800000, epoch seconds, '2025-08-21 09:00:00.000' (UTC) or ISO 8601)`;

/** Epoch s or ms (number or numeric string), `YYYY-MM-DD HH:mm:ss.SSS` (UTC), ISO 8601, or a date. */
export function parseKonaDateTime(value: number | string): Date | null {
  if (typeof value === "number") return fromEpoch(value);
  const text = value.trim();
  if (NUMERIC.test(text)) return fromEpoch(Number(text));
  const m = KONA_UTC.exec(text);
  if (m) {
    const [y, mo, d, h, mi, s] = [m[1], m[2], m[3], m[4], m[5], m[6] ?? "0"].map(Number) as [number, number, number, number, number, number];
    const ms = Number(((m[7] ?? "") + "000").slice(0, 3));
    if (h > 23 || mi > 59 || s > 59) return null;
    const date = new Date(Date.UTC(y, mo - 1, d, h, mi, s, ms));
    return date.getUTCMonth() === mo - 1 && date.getUTCDate() === d ? inRange(date) : null;
  }
  const parsed = parseDateTime(text) ?? parseDate(text);
  return parsed ? inRange(parsed) : null;
}

function fromEpoch(n: number): Date | null {
  if (!Number.isFinite(n)) return null;
  return inRange(new Date(Math.round(Math.abs(n) < SECONDS_BELOW ? n * 1000 : n)));
}

function inRange(date: Date): Date | null {
  return inDateRange(date) ? date : null;
}
