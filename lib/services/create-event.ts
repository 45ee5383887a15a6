import { canCreateIn } from "../domain/access.ts";
import type { StoredStatus } from "../domain/enums.ts";
import { forbidden, invalid, notFound, type FieldErrors } from "../domain/errors.ts";
import { addError, type EventInput } from "../domain/event-rules.ts";
import type { CalendarRecord, Viewer } from "../domain/types.ts";
import { present, type VisibleEvent } from "../domain/visible.ts";
import { mergeAndCheck, newEventDefaults, participantsOf } from "./event-fields.ts";
import type { Repos } from "./ports.ts";
import { assertWritableCalendar } from "./read-only.ts";
import { productionRepos } from "./repos.ts";

/** Creates an event in `calendar`; `defaultStatus` is the calling dialect's own default. */
export async function createEvent(viewer: Viewer, calendar: CalendarRecord | null, input: EventInput, defaultStatus: StoredStatus, repos: Repos = productionRepos): Promise<VisibleEvent> {
  if (!calendar || !viewer.roles.has(calendar.id)) throw notFound("calendar not found");
  if (!canCreateIn(calendar.id, viewer)) throw forbidden("creating events in this calendar needs the member role or above");
  await assertWritableCalendar(calendar.id, repos);
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
  const participants = await participantsOf(input, fields.defaultRole, errors, repos.users);
  if (Object.keys(errors).length) throw invalid(errors);
  const event = await repos.insertEventAlone({ ...fields, calendarId: calendar.id, creatorId: viewer.userId, ...(participants ? { participants } : {}) });
  return present({ event, occurrence: null }, viewer)!;
}
