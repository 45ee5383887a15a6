// Kona wire input → the core's EventInput: wrapping, datetimes, integer enums (names too),
// integer user ids, external objects and the recurrence fields.
import { z } from "zod";
import { invalid, type FieldErrors } from "../../domain/errors.ts";
import { addError, type EventInput } from "../../domain/event-rules.ts";
import type { EventRecord } from "../../domain/types.ts";
import { inClientNames, pathSegment } from "../route.ts";
import { isObject } from "./envelope.ts";
import { konaDefaultRole, konaStakeholder, konaStatus, konaVisibility, type KonaEnum } from "./enums.ts";
import { recurrenceOf } from "./recurrence.ts";
import { CalendarEventInput, MAX_INT } from "./schemas.ts";
import { DATETIME_HINT, parseKonaDateTime } from "./time.ts";

/** A positive integer id from a number or a numeric string; null when it is not one. */
export function parseId(value: unknown): number | null {
  const n = typeof value === "number" ? value : typeof value === "string" && /^\d+$/.test(value.trim()) ? Number(value.trim()) : NaN;
  return Number.isInteger(n) && n >= 1 && n <= MAX_INT ? n : null;
}

/** A resource's path (route contract): a malformed id is as unknown as a missing one (404). */
export const IdPath = z.object({ id: pathSegment((text) => (/^\d+$/.test(text) ? parseId(text) : null)).describe("Integer id") });

function enumValue<K extends string>(kind: KonaEnum<K>, value: number | string, field: string, errors: FieldErrors): K | undefined {
  const stored = kind.parse(value);
  if (stored === undefined) addError(errors, field, `is invalid (expected one of ${kind.codes.join(", ")} or ${kind.names.join(", ")})`);
  return stored;
}

function ids(value: unknown, field: string, errors: FieldErrors): number[] {
  const list = Array.isArray(value) ? value : [value];
  const bad = list.filter((v) => parseId(v) === null);
  if (bad.length) addError(errors, field, `contains invalid ids: ${bad.map((v) => JSON.stringify(v)).join(", ")}`);
  return [...new Set(list.map(parseId).filter((v): v is number => v !== null))];
}

/** The stored event an update starts from (undefined on create). */
export type CurrentEvent = Pick<EventRecord, "status" | "visibility" | "rrule" | "calendarId" | "participants">;

export interface KonaEventChange {
  input: EventInput;
  /** `space_id` as sent (create: the target space). */
  spaceId?: number;
}

/**
 * A parsed event body (the route contract's CalendarEventInput) → the core's EventInput; on update
 * relative to the stored event (`current`), so echoing a read changes nothing.
 */
export function eventChange(raw: CalendarEventInput, current?: CurrentEvent): KonaEventChange {
  const errors: FieldErrors = {};
  // Kona's end_at defaults to start_at: an event may be an instant.
  const input: EventInput = { allowZeroLength: true };
  if (raw.name !== undefined) input.title = raw.name;
  if (raw.details !== undefined) input.description = raw.details;
  if (raw.location !== undefined) input.location = raw.location;
  if (raw.all_day !== undefined) input.allDay = raw.all_day;
  if (raw.time_zone !== undefined) input.timeZone = raw.time_zone;
  for (const [field, key] of [["start_at", "startsAt"], ["end_at", "endsAt"]] as const) {
    const value = raw[field];
    if (value === undefined) continue;
    const date = parseKonaDateTime(value);
    if (date) input[key] = date;
    else addError(errors, field, DATETIME_HINT);
  }
  // A code naming what is already stored keeps the stored value: echoing a read changes nothing
  // (SweetDate's `confirmed` reads as 1 and stays `confirmed` when a Kona client sends 1 back).
  if (raw.status !== undefined) {
    const status = enumValue(konaStatus, raw.status, "status", errors);
    if (status && !(current && konaStatus.code(current.status) === konaStatus.code(status))) input.status = status;
  }
  if (raw.visibility !== undefined) {
    const visibility = enumValue(konaVisibility, raw.visibility, "visibility", errors);
    if (visibility && !(current && konaVisibility.code(current.visibility) === konaVisibility.code(visibility))) input.visibility = visibility;
  }
  if (raw.stakeholder !== undefined) {
    const stakeholder = enumValue(konaStakeholder, raw.stakeholder, "stakeholder", errors);
    if (stakeholder) input.stakeholder = stakeholder;
  }
  if (raw.default_role !== undefined) {
    const role = enumValue(konaDefaultRole, raw.default_role, "default_role", errors);
    if (role) input.defaultRole = role;
  }
  const change: KonaEventChange = { input };
  if (raw.space_id !== undefined) {
    const spaceId = parseId(raw.space_id);
    if (spaceId === null) addError(errors, "space_id", "must be an integer id");
    else if (current && spaceId !== current.calendarId) addError(errors, "space_id", "cannot be changed: moving an event to another space is not supported");
    else change.spaceId = spaceId;
  }
  participants(raw, input, current, errors);
  externalObject(raw, input, errors);
  const rrule = recurrenceOf(raw, current?.rrule ?? null, errors);
  if (rrule !== undefined) input.rrule = rrule;
  if (raw.reminders !== undefined) input.reminders = raw.reminders.map((r) => r.minutes_before);
  if (raw.rdates !== undefined) {
    input.rdates = [];
    for (const value of raw.rdates) {
      const date = parseKonaDateTime(value);
      if (date) input.rdates.push(date);
      else addError(errors, "rdates", DATETIME_HINT);
    }
  }
  // Kona's own names already: route() must not rename them (a `contains invalid ids: "title"` stays).
  if (Object.keys(errors).length) throw inClientNames(invalid(errors));
  return change;
}

/**
 * participant_ids (with default_role) and editor_ids (as editors) each replace their own set; on
 * update the set not sent keeps its current members (editors = participants whose role is editor).
 */
function participants(raw: CalendarEventInput, input: EventInput, current: CurrentEvent | undefined, errors: FieldErrors): void {
  if (raw.participant_ids === undefined && raw.editor_ids === undefined) return;
  const currentEditors = current?.participants.filter((p) => p.role === "editor").map((p) => p.userId) ?? [];
  const currentOthers = current?.participants.filter((p) => p.role !== "editor").map((p) => p.userId) ?? [];
  input.participantIds = raw.participant_ids !== undefined ? ids(raw.participant_ids, "participant_ids", errors) : currentOthers;
  input.editorIds = raw.editor_ids !== undefined ? ids(raw.editor_ids, "editor_ids", errors) : currentEditors;
}

/** `external_object` ({} or null removes it) or the seed's `external_objects` (at most one; [] removes). */
function externalObject(raw: CalendarEventInput, input: EventInput, errors: FieldErrors): void {
  if (raw.external_object !== undefined && raw.external_objects !== undefined) {
    addError(errors, "external_objects", "cannot be sent together with external_object");
    return;
  }
  const field = raw.external_objects !== undefined ? "external_objects" : "external_object";
  const value = raw.external_objects !== undefined ? (raw.external_objects[0] ?? null) : raw.external_object;
  if (value === undefined) return;
  if (value === null || (isObject(value) && Object.keys(value).length === 0)) {
    input.externalObject = null;
    return;
  }
  const id = value.id === undefined ? "" : String(value.id).trim();
  const name = value.name?.trim() ?? "";
  if (id === "") addError(errors, `${field}.id`, "can't be blank");
  if (name === "") addError(errors, `${field}.name`, "can't be blank");
  if (id.length > 500) addError(errors, `${field}.id`, "is too long (maximum is 500 characters)");
  if (name.length > 500) addError(errors, `${field}.name`, "is too long (maximum is 500 characters)");
  const url = value.url?.trim() || undefined;
  if (url !== undefined && !/^https?:\/\/\S+$/i.test(url)) addError(errors, `${field}.url`, "must be an http(s) URL");
  input.externalObject = { id, name, ...(url ? { url } : {}) };
}
