// Path → resource of the caller's own tree. Another user's principal or home is 404 (we never
// reveal who exists); a calendar the caller is not a member of is 404 as in the API.
import { AppError } from "../domain/errors.ts";
import type { CalendarRecord, UserRecord } from "../domain/types.ts";
import { calendarIdByDavName, davNamesOf } from "../db/dav-repository.ts";
import { getCalendar, listCalendars } from "../services/manage-calendars.ts";
import { DavError } from "./errors.ts";
import { findObject, type DavObject } from "./objects.ts";
import type { DavPath } from "./paths.ts";

export type Resource =
  | { kind: "root" }
  | { kind: "principals" }
  | { kind: "calendars" }
  | { kind: "principal"; user: UserRecord }
  | { kind: "home"; user: UserRecord }
  /** `segment`: the collection's name in its URL (a client's MKCALENDAR name, else the uuid). */
  | { kind: "calendar"; user: UserRecord; calendar: CalendarRecord; segment: string }
  /** A name in the user's home that is no calendar yet (MKCALENDAR / MKCOL may create it). */
  | { kind: "new-calendar"; user: UserRecord; segment: string }
  /** `object` is null for a name that does not exist yet (a PUT may create it). */
  | { kind: "object"; user: UserRecord; calendar: CalendarRecord; segment: string; name: string; object: DavObject | null }
  /** Something inside a collection that does not exist (MKCOL there is a 409). */
  | { kind: "orphan"; user: UserRecord };

export const notFound = () => new DavError(404, "not found");

export async function resolve(path: DavPath, user: UserRecord): Promise<Resource> {
  switch (path.kind) {
    case "root":
    case "principals":
    case "calendars":
      return { kind: path.kind };
    case "principal":
      if (path.user !== user.uuid) throw notFound();
      return { kind: "principal", user };
    case "home":
      if (path.user !== user.uuid) throw notFound();
      return { kind: "home", user };
    case "calendar": {
      if (path.user !== user.uuid) throw notFound();
      const calendar = await memberCalendar(path.calendar, user);
      return calendar ? { kind: "calendar", user, calendar, segment: path.calendar } : { kind: "new-calendar", user, segment: path.calendar };
    }
    case "object": {
      if (path.user !== user.uuid) throw notFound();
      const calendar = await memberCalendar(path.calendar, user);
      if (!calendar) return { kind: "orphan", user };
      return { kind: "object", user, calendar, segment: path.calendar, name: path.name, object: await findObject(calendar, path.name, user) };
    }
    default:
      throw notFound();
  }
}

/** The calendar a collection segment names (its uuid, or a client's MKCALENDAR name), if the
 * user belongs to it; null when there is none they may know of. */
async function memberCalendar(segment: string, user: UserRecord): Promise<CalendarRecord | null> {
  const key = /^[0-9a-f-]{36}$/i.test(segment) ? { uuid: segment.toLowerCase() } : null;
  const byName = key ? null : await calendarIdByDavName(segment, user.id);
  if (!key && byName === null) return null;
  try {
    return await getCalendar(key ?? { id: byName! }, user.id);
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") return null;
    throw error;
  }
}

/** Each calendar's collection name in URLs: the client's MKCALENDAR name, else its uuid. */
export async function segmentsOf(calendars: CalendarRecord[]): Promise<Map<number, string>> {
  const names = await davNamesOf(calendars.map((c) => c.id));
  return new Map(calendars.map((c) => [c.id, names.get(c.id) ?? c.uuid]));
}

/** Every calendar the user belongs to: one collection each in their calendar home. */
export async function calendarsOf(user: UserRecord): Promise<CalendarRecord[]> {
  const all: CalendarRecord[] = [];
  for (let offset = 0; ; offset += 100) {
    const { calendars, total } = await listCalendars(user.id, { limit: 100, offset });
    all.push(...calendars);
    if (all.length >= total || calendars.length === 0) return all;
  }
}
