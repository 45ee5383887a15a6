// Reads reused until the data under them changes, the same way on both engines and across
// instances: every write to a calendar's events bumps its version in `calendar_sync` inside the
// write's transaction (lib/db/change-log.ts lockCalendar), so an answer stored under the versions
// read *before* computing it is never older than its key. One indexed read of the versions costs
// far less than the window query, the participants and the mapping it saves.
//
// Cached values are shared between requests, so they are frozen: a caller that tried to change one
// would throw instead of corrupting another request's answer.
import { readerFor, sql } from "./sql.ts";
import { currentSnapshot } from "./request-snapshot.ts";
import { clearCalendarRows } from "./calendar-repository.ts";

const MAX_ENTRIES = 500;
// One entry per key, holding the versions it was computed at: a newer version replaces it.
const entries = new Map<string, { versions: string; value: unknown }>();

/** The versions a read depends on: one calendar's, or every calendar's (a cross-calendar read). */
async function versionKey(calendarId: number | undefined): Promise<string> {
  const reader = readerFor();
  if (calendarId !== undefined) {
    // Read with the request's credentials (lib/db/request-snapshot.ts), when it is one of the caller's calendars.
    const known = currentSnapshot()?.calendars.get(calendarId);
    if (known) return known.version;
    const rows = await reader.all(sql`SELECT version FROM calendar_sync WHERE calendar_id = ${calendarId}`);
    return String(rows[0]?.version ?? 0);
  }
  const rows = await reader.all(sql`SELECT calendar_id, version FROM calendar_sync ORDER BY calendar_id`);
  return rows.map((r) => `${r.calendar_id}.${r.version}`).join(",");
}

export async function cachedRead<T>(key: string, calendarId: number | undefined, compute: () => Promise<T>): Promise<T> {
  const versions = await versionKey(calendarId);
  const entry = entries.get(key);
  // Most recently used last: the oldest entry goes first when the cache is full.
  entries.delete(key);
  if (entry && entry.versions === versions) {
    entries.set(key, entry);
    return entry.value as T;
  }
  const value = deepFreeze(await compute());
  if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value!);
  entries.set(key, { versions, value });
  return value;
}

/** Another database (tests, the CLI) or a closed one: nothing cached applies any more. */
export function clearReadCache(): void {
  entries.clear();
  clearCalendarRows();
}

export function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== "object" || Object.isFrozen(value)) return value;
  Object.freeze(value);
  for (const child of Object.values(value)) deepFreeze(child);
  return value;
}
