// Calendars: list, create, read, change, delete. A calendar exists only for its members (404 otherwise).
// One resource's CRUD over one input check, kept in one file (see ARCHITECTURE.md "Services").
import { roleAtLeast } from "../domain/enums.ts";
import { forbidden, invalid, notFound, type FieldErrors } from "../domain/errors.ts";
import { addError } from "../domain/event-rules.ts";
import { checkReminders } from "../domain/reminders.ts";
import { isTimeZone } from "../domain/time.ts";
import type { CalendarRecord } from "../domain/types.ts";
import type { CalendarKey, Page, Repos } from "./ports.ts";
import { productionRepos } from "./repos.ts";

export interface CalendarInput {
  name?: string;
  description?: string | null;
  color?: string;
  timeZone?: string;
  /** Reminders (minutes before start) for new events whose creator names none. */
  defaultReminders?: number[];
}

const COLOR = /^#[0-9a-fA-F]{6}$/;

function check(input: CalendarInput, creating: boolean): void {
  const errors: FieldErrors = {};
  if (creating && input.name === undefined) addError(errors, "name", "can't be blank");
  if (input.name !== undefined && input.name.trim() === "") addError(errors, "name", "can't be blank");
  if (input.name !== undefined && input.name.length > 200) addError(errors, "name", "is too long (maximum is 200 characters)");
  if (input.description && input.description.length > 10_000) addError(errors, "description", "is too long (maximum is 10000 characters)");
  if (input.color !== undefined && !COLOR.test(input.color)) addError(errors, "color", "must be a hex colour like #3b82f6");
  if (input.timeZone !== undefined && !isTimeZone(input.timeZone)) addError(errors, "time_zone", "is not a known IANA time zone");
  if (input.defaultReminders !== undefined) {
    const { reminders, problems } = checkReminders(input.defaultReminders);
    for (const problem of problems) addError(errors, "default_reminders", problem);
    input.defaultReminders = reminders;
  }
  if (Object.keys(errors).length) throw invalid(errors);
}

export function listCalendars(userId: number, page: Page, repos: Repos = productionRepos) {
  return repos.calendars.listOf(userId, page);
}

export async function getCalendar(key: CalendarKey, userId: number, repos: Repos = productionRepos): Promise<CalendarRecord> {
  const calendar = await repos.calendars.find(key, userId);
  if (!calendar || !calendar.role) throw notFound();
  return calendar;
}

/** The calendar's id for event-level routes: participants of an event may reach it without
 * being members (the event's own access rules then decide); unknown calendars are 404. */
export async function calendarForEvents(uuid: string, userId: number, repos: Repos = productionRepos): Promise<CalendarRecord> {
  const calendar = await repos.calendars.find({ uuid }, userId);
  if (!calendar) throw notFound("calendar not found");
  return calendar;
}

/** `davName`: the collection name a CalDAV client chose (MKCALENDAR), stored with the calendar. */
export async function createCalendar(userId: number, input: CalendarInput, defaultTimeZone: string, davName?: string, repos: Repos = productionRepos): Promise<CalendarRecord> {
  check(input, true);
  return repos.transaction(async (tx) => {
    const calendar = await tx.calendars.insert(
      { name: input.name!.trim(), description: input.description ?? null, color: input.color ?? "#3b82f6", timeZone: input.timeZone ?? defaultTimeZone, defaultReminders: input.defaultReminders ?? [] },
      userId,
    );
    if (davName !== undefined && davName !== calendar.uuid) await tx.calendars.setDavName(calendar.id, davName);
    // The owner's live stream starts following the new calendar.
    await tx.changes.recordChange({ calendarId: calendar.id, kind: "access", userId });
    return calendar;
  });
}

export async function updateCalendar(key: CalendarKey, userId: number, input: CalendarInput, repos: Repos = productionRepos): Promise<CalendarRecord> {
  const calendar = await getCalendar(key, userId, repos);
  if (!roleAtLeast(calendar.role, "admin")) throw forbidden("only the calendar's owners and admins may change it");
  check(input, false);
  await repos.transaction(async (tx) => {
    await tx.changes.recordChange({ calendarId: calendar.id, kind: "calendar" });
    await tx.calendars.update(calendar.id, { ...input, ...(input.name !== undefined ? { name: input.name.trim() } : {}) });
  });
  return getCalendar(key, userId, repos);
}

export async function deleteCalendar(key: CalendarKey, userId: number, repos: Repos = productionRepos): Promise<void> {
  const calendar = await getCalendar(key, userId, repos);
  if (calendar.role !== "owner") throw forbidden("only the calendar's owners may delete it");
  await repos.transaction(async (tx) => {
    await tx.calendars.delete(calendar.id);
    await tx.changes.dropCalendar(calendar.id);
  });
}
