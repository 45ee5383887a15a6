// Path → resource of the caller's own tree. Another user's principal or home is 404 (we never
// reveal who exists); a calendar the caller is not a member of is 404 as in the API.
import { AppError } from "../domain/errors.ts";
import type { CalendarRecord, UserRecord } from "../domain/types.ts";
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
  | { kind: "calendar"; user: UserRecord; calendar: CalendarRecord }
  /** `object` is null for a name that does not exist yet (a PUT may create it). */
  | { kind: "object"; user: UserRecord; calendar: CalendarRecord; name: string; object: DavObject | null };

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
    case "calendar":
      if (path.user !== user.uuid) throw notFound();
      return { kind: "calendar", user, calendar: await memberCalendar(path.calendar, user) };
    case "object": {
      if (path.user !== user.uuid) throw notFound();
      const calendar = await memberCalendar(path.calendar, user);
      return { kind: "object", user, calendar, name: path.name, object: await findObject(calendar, path.name, user) };
    }
    default:
      throw notFound();
  }
}

async function memberCalendar(uuid: string, user: UserRecord): Promise<CalendarRecord> {
  try {
    return await getCalendar({ uuid }, user.id);
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") throw notFound();
    throw error;
  }
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
