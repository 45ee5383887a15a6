import type { EventWrite } from "../domain/event-model.ts";
import { insertEvent } from "../db/event-repository.ts";
import { writeTransaction } from "../db/transaction.ts";
import { canCreateIn } from "../domain/access.ts";
import { DEFAULTS, type StoredStatus } from "../domain/enums.ts";
import { forbidden, invalid, notFound, type FieldErrors } from "../domain/errors.ts";
import { addError, type EventInput } from "../domain/event-rules.ts";
import type { CalendarRecord, Viewer } from "../domain/types.ts";
import { mergeAndCheck, participantsOf } from "./event-fields.ts";
import { present, type VisibleEvent } from "./list-events.ts";
import { assertWritableCalendar } from "./read-only.ts";

/** Creates an event in `calendar`; `defaultStatus` is the calling dialect's own default. */
export async function createEvent(viewer: Viewer, calendar: CalendarRecord | null, input: EventInput, defaultStatus: StoredStatus): Promise<VisibleEvent> {
  if (!calendar || !viewer.roles.has(calendar.id)) throw notFound("calendar not found");
  if (!canCreateIn(calendar.id, viewer)) throw forbidden("creating events in this calendar needs the member role or above");
  await assertWritableCalendar(calendar.id);
  const errors: FieldErrors = {};
  if (input.startsAt === undefined) addError(errors, "starts_at", "can't be blank");
  if (input.endsAt === undefined) addError(errors, "ends_at", "can't be blank");
  if (input.title === undefined) addError(errors, "title", "can't be blank");
  if (Object.keys(errors).length) {
    // Report every problem at once: run the remaining checks on placeholder values.
    const placeholder = new Date(0);
    try {
      mergeAndCheck(newEventDefaults(calendar, defaultStatus, placeholder), { ...input, title: input.title ?? "x", startsAt: input.startsAt ?? placeholder, endsAt: input.endsAt ?? new Date(input.startsAt ? input.startsAt.getTime() + 1 : 1) }, errors);
    } catch {
      /* collected in errors */
    }
    throw invalid(errors);
  }
  const fields = mergeAndCheck(newEventDefaults(calendar, defaultStatus, input.startsAt!), input, errors);
  const participants = await participantsOf(input, fields.defaultRole, errors);
  if (Object.keys(errors).length) throw invalid(errors);
  const event = await writeTransaction((tx) =>
    insertEvent({ ...fields, calendarId: calendar.id, creatorId: viewer.userId, ...(participants ? { participants } : {}) }, tx),
  );
  return present({ event, occurrence: null }, viewer)!;
}

/** A new event's columns before the caller's input is merged over them. */
export function newEventDefaults(calendar: CalendarRecord, status: StoredStatus, start: Date): EventWrite {
  return {
    title: "",
    description: null,
    location: null,
    allDay: false,
    startsAt: start,
    endsAt: start,
    timeZone: calendar.timeZone,
    status,
    visibility: DEFAULTS.visibility,
    stakeholder: DEFAULTS.stakeholder,
    defaultRole: DEFAULTS.defaultRole,
    rrule: null,
    exdates: [],
    rdates: [],
    recurrenceEndsAt: null,
    externalObject: null,
    reminders: calendar.defaultReminders,
  };
}
