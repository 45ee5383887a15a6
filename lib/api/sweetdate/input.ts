// SweetDate wire input → the core's EventInput: dates, recurrence presets, user UUIDs.
import { findUserByUuid } from "../../db/user-repository.ts";
import { STATUS, type StoredStatus } from "../../domain/enums.ts";
import { notFound, type FieldErrors } from "../../domain/errors.ts";
import { addError, type EventInput } from "../../domain/event-rules.ts";
import { DATE_RANGE_TEXT, parseCompactInstant, parseDate, parseDateTime } from "../../domain/time.ts";
import { formatRRule, parseRRule, presetToRule, RecurrenceRuleError, ruleToPreset } from "../../recurrence/index.ts";
import { z } from "zod";
import { pathSegment } from "../route.ts";
import * as wire from "./schemas.ts";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(text: string): boolean {
  return UUID.test(text);
}

/** `uuid` or `uuid_20250821T090000Z`; null when malformed (→ 404). */
export function parseEventId(id: string): { uuid: string; originalStart?: Date } | null {
  const [uuid, suffix, extra] = id.split("_");
  if (!uuid || !isUuid(uuid) || extra !== undefined) return null;
  if (suffix === undefined) return { uuid: uuid.toLowerCase() };
  const originalStart = parseCompactInstant(suffix);
  return originalStart ? { uuid: uuid.toLowerCase(), originalStart } : null;
}

// ---- Path parameters (route contracts): a malformed id is a 404, as an unknown one is --------

const uuid = (message?: string) => pathSegment((text) => (isUuid(text) ? text.toLowerCase() : null), message);
const CALENDAR_ID = "Calendar UUID";
const EVENT_ID = "Event UUID, or an occurrence id `<series uuid>_<20250821T090000Z>`";
const USER_ID = "User UUID";

/** A calendar's own routes and its collections (members, trash, iCalendar). */
export const CalendarPath = z.object({ calendar_id: uuid("calendar not found").describe(CALENDAR_ID) });
/** An event (or occurrence) of a calendar: the event's own access rules decide who reaches it. */
export const EventPath = z.object({ calendar_id: uuid().describe(CALENDAR_ID), id: pathSegment(parseEventId).describe(EVENT_ID) });
export const MemberPath = CalendarPath.extend({ user_id: uuid("user not found").describe(USER_ID) });
export const EventUserPath = EventPath.extend({ user_id: uuid("user not found").describe(USER_ID) });
export const TrashPath = CalendarPath.extend({ id: pathSegment(parseEventId, "no such event in the trash").describe(EVENT_ID) });

/** A user id in a body: an id that is not a UUID names nobody (404, as an unknown one). */
export function userUuid(id: string): string {
  if (!isUuid(id)) throw notFound("user not found");
  return id.toLowerCase();
}

// ---- Bodies (route contracts) ------------------------------------------------------------------

/** Problems found after the schema, reported as its issues (the 422 names each field). */
function report(ctx: z.RefinementCtx, errors: FieldErrors): void {
  for (const [field, messages] of Object.entries(errors)) for (const message of messages) ctx.addIssue({ code: "custom", path: field === "body" ? [] : [field], message });
}

/** An event body → the core's EventInput (dates, recurrence presets, user UUIDs → ids). */
export const EventBody = wire.EventInput.transform(async (raw, ctx) => {
  const errors: FieldErrors = {};
  const input = await toEventInput(raw, errors);
  report(ctx, errors);
  return input;
});

/** A calendar body → the core's CalendarInput, plus a subscription's source URL (create only). */
export const CalendarBody = wire.CalendarInput.transform((raw) => ({
  ...(raw.name !== undefined ? { name: raw.name } : {}),
  ...(raw.description !== undefined ? { description: raw.description } : {}),
  ...(raw.color !== undefined ? { color: raw.color } : {}),
  ...(raw.time_zone !== undefined ? { timeZone: raw.time_zone } : {}),
  ...(raw.source_url !== undefined ? { sourceUrl: raw.source_url } : {}),
  ...(raw.default_reminders !== undefined ? { defaultReminders: raw.default_reminders.map((r) => r.minutes_before) } : {}),
}));

/** SweetDate status names are stored as themselves. */
function storedStatus(name: wire.EventInput["status"]): StoredStatus | undefined {
  return name && name in STATUS ? (name as StoredStatus) : undefined;
}

function dateField(text: string | undefined, field: string, allDay: boolean | undefined, errors: FieldErrors): { date?: Date; dateOnly: boolean } {
  if (text === undefined) return { dateOnly: false };
  const instant = parseDateTime(text);
  if (instant) return { date: instant, dateOnly: false };
  const date = parseDate(text);
  if (date && allDay !== false) return { date, dateOnly: true };
  addError(errors, field, date ? "must be a date-time like 2025-08-21T09:00:00Z unless all_day is true" : `is not a valid ISO 8601 date-time ${DATE_RANGE_TEXT} (e.g. 2025-08-21T09:00:00Z)`);
  return { dateOnly: false };
}

async function toEventInput(raw: wire.EventInput, errors: FieldErrors): Promise<EventInput> {
  const starts = dateField(raw.starts_at, "starts_at", raw.all_day, errors);
  const ends = dateField(raw.ends_at, "ends_at", raw.all_day, errors);
  const input: EventInput = {};
  if (raw.title !== undefined) input.title = raw.title;
  if (raw.description !== undefined) input.description = raw.description;
  if (raw.location !== undefined) input.location = raw.location;
  if (raw.time_zone !== undefined) input.timeZone = raw.time_zone;
  if (raw.visibility !== undefined) input.visibility = raw.visibility;
  if (raw.stakeholder !== undefined) input.stakeholder = raw.stakeholder;
  if (raw.default_role !== undefined) input.defaultRole = raw.default_role;
  const status = storedStatus(raw.status);
  if (status) input.status = status;
  if (starts.date) input.startsAt = starts.date;
  if (ends.date) input.endsAt = ends.date;
  // Dates without times make an all-day event when the client did not say otherwise.
  if (raw.all_day !== undefined) input.allDay = raw.all_day;
  else if (starts.dateOnly || ends.dateOnly) input.allDay = true;
  if (raw.reminders !== undefined) input.reminders = raw.reminders.map((r) => r.minutes_before);
  const rrule = recurrence(raw, input.startsAt, errors);
  if (rrule !== undefined) input.rrule = rrule;
  if (raw.rdates !== undefined) {
    input.rdates = [];
    for (const text of raw.rdates) {
      const date = dateField(text, "rdates", input.allDay ?? raw.all_day, errors).date;
      if (date) input.rdates.push(date);
    }
  }
  for (const [field, key] of [["participant_ids", "participantIds"], ["editor_ids", "editorIds"]] as const) {
    const uuids = raw[field];
    if (uuids === undefined) continue;
    const ids: number[] = [];
    for (const uuid of uuids) {
      const user = isUuid(uuid) ? await findUserByUuid(uuid.toLowerCase()) : null;
      if (user) ids.push(user.id);
      else addError(errors, field, `contains an unknown user: ${uuid}`);
    }
    input[key] = ids;
  }
  return input;
}

/** `rrule` (full RFC 5545) wins; a preset alone means FREQ with INTERVAL 1; "none" clears. */
function recurrence(raw: wire.EventInput, start: Date | undefined, errors: FieldErrors): string | null | undefined {
  if (raw.rrule !== undefined && raw.rrule !== null && raw.rrule.trim() !== "") {
    try {
      const rule = parseRRule(raw.rrule);
      if (raw.recurrence_rule !== undefined && raw.recurrence_rule !== ruleToPreset(rule)) {
        addError(errors, "recurrence_rule", `does not match the rrule's FREQ (${rule.freq})`);
      }
      return formatRRule(rule);
    } catch (error) {
      if (error instanceof RecurrenceRuleError) addError(errors, "rrule", error.message);
      else throw error;
      return undefined;
    }
  }
  if (raw.rrule === null || raw.rrule?.trim() === "" || raw.recurrence_rule === "none") return null;
  if (raw.recurrence_rule !== undefined) return formatRRule(presetToRule(raw.recurrence_rule, start ?? new Date(), "UTC"));
  return undefined;
}
