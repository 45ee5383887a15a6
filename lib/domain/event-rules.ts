// Invariants of an event, independent of dialect. Field names in errors are the canonical
// (SweetDate) names; a dialect renames them on the way out.
import { addError, type FieldErrors } from "./errors.ts";
import type { ExternalObject } from "./types.ts";
import type { ParticipantRole, Stakeholder, StoredStatus, Visibility } from "./enums.ts";
import { DATE_RANGE_TEXT, DAY_MS, inDateRange, isTimeZone } from "./time.ts";

export const TITLE_MAX = 500;
export const TEXT_MAX = 10_000;

/** An event change as a dialect hands it to the core: only present keys change. */
export interface EventInput {
  title?: string;
  description?: string | null;
  location?: string | null;
  allDay?: boolean;
  startsAt?: Date;
  endsAt?: Date;
  timeZone?: string;
  status?: StoredStatus;
  visibility?: Visibility;
  stakeholder?: Stakeholder;
  defaultRole?: ParticipantRole;
  /** RFC 5545 RRULE text (null = not recurring). */
  rrule?: string | null;
  /** RFC 5545 RDATEs (extra occurrence starts); only for a series (see lib/services/event-fields.ts). */
  rdates?: Date[];
  externalObject?: ExternalObject | null;
  /** Minutes before the start (lib/domain/reminders.ts); [] removes them. */
  reminders?: number[];
  participantIds?: number[];
  editorIds?: number[];
  /** Dialect policy, not a column: a timed event may end when it starts (Kona's end_at defaults to start_at). */
  allowZeroLength?: boolean;
}

export interface EventShape {
  title: string;
  description: string | null;
  location: string | null;
  allDay: boolean;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
}

export { addError };

/** Checks the merged event; returns it normalised (all-day end ≤ start → start + 1 day). */
export function checkEvent(event: EventShape, errors: FieldErrors, options: { allowZeroLength?: boolean | undefined } = {}): EventShape {
  if (event.title.trim() === "") addError(errors, "title", "can't be blank");
  else if (event.title.length > TITLE_MAX) addError(errors, "title", `is too long (maximum is ${TITLE_MAX} characters)`);
  for (const field of ["description", "location"] as const) {
    if ((event[field]?.length ?? 0) > TEXT_MAX) addError(errors, field, `is too long (maximum is ${TEXT_MAX} characters)`);
  }
  if (!isTimeZone(event.timeZone)) addError(errors, "time_zone", "is not a known IANA time zone");
  let { startsAt, endsAt } = event;
  if (event.allDay) {
    startsAt = utcMidnight(startsAt);
    endsAt = utcMidnight(endsAt);
    if (endsAt.getTime() <= startsAt.getTime()) endsAt = new Date(startsAt.getTime() + DAY_MS);
  } else if (endsAt.getTime() < startsAt.getTime() || (endsAt.getTime() === startsAt.getTime() && !options.allowZeroLength)) {
    addError(errors, "ends_at", "must be after starts_at");
  }
  for (const [field, date] of [["starts_at", startsAt], ["ends_at", endsAt]] as const) {
    if (!inDateRange(date)) addError(errors, field, `must be ${DATE_RANGE_TEXT}`);
  }
  return { ...event, startsAt, endsAt };
}

function utcMidnight(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
}
