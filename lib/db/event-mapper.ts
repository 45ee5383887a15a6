// Row ↔ domain mapping for events. The wire never sees rows: dialect serializers read EventRecord.
import { remindersFromJson } from "../domain/reminders.ts";
import { searchKey } from "../domain/search.ts";
import type { EventRecord } from "../domain/types.ts";
import type { ParticipantRole, Rsvp, Stakeholder, StoredStatus, Visibility } from "../domain/enums.ts";

export const eventInclude = {
  calendar: { select: { uuid: true } },
  series: { select: { uuid: true } },
  participants: { select: { userId: true, role: true, rsvp: true, user: { select: { uuid: true } } }, orderBy: { createdAt: "asc" } },
} as const;

interface EventRow {
  id: number;
  uuid: string;
  calendarId: number;
  creatorId: number;
  title: string;
  description: string | null;
  location: string | null;
  allDay: boolean;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  status: string;
  visibility: string;
  stakeholder: string;
  defaultRole: string;
  rrule: string | null;
  exdates: string;
  rdates: string;
  reminders: string;
  recurrenceEndsAt: Date | null;
  seriesId: number | null;
  originalStartsAt: Date | null;
  externalId: string | null;
  externalName: string | null;
  externalUrl: string | null;
  icsFeedId: number | null;
  icalUid: string | null;
  sequence: number;
  deletedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  calendar: { uuid: string };
  series: { uuid: string } | null;
  participants: { userId: number; role: string; rsvp: string; user: { uuid: string } }[];
}

export function toEventRecord(row: EventRow): EventRecord {
  return {
    id: row.id,
    uuid: row.uuid,
    calendarId: row.calendarId,
    calendarUuid: row.calendar.uuid,
    creatorId: row.creatorId,
    title: row.title,
    description: row.description,
    location: row.location,
    allDay: row.allDay,
    startsAt: row.startsAt,
    endsAt: row.endsAt,
    timeZone: row.timeZone,
    status: row.status as StoredStatus,
    visibility: row.visibility as Visibility,
    stakeholder: row.stakeholder as Stakeholder,
    defaultRole: row.defaultRole as ParticipantRole,
    rrule: row.rrule,
    exdates: (JSON.parse(row.exdates) as string[]).map((s) => new Date(s)),
    rdates: (JSON.parse(row.rdates) as string[]).map((s) => new Date(s)),
    recurrenceEndsAt: row.recurrenceEndsAt,
    reminders: remindersFromJson(row.reminders),
    seriesId: row.seriesId,
    seriesUuid: row.series?.uuid ?? null,
    originalStartsAt: row.originalStartsAt,
    externalObject:
      row.externalId !== null
        ? { id: row.externalId, name: row.externalName ?? "", ...(row.externalUrl ? { url: row.externalUrl } : {}) }
        : null,
    icsFeedId: row.icsFeedId,
    icalUid: row.icalUid,
    sequence: row.sequence,
    deleted: row.deletedAt !== null,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    participants: row.participants.map((p) => ({
      userId: p.userId,
      userUuid: p.user.uuid,
      role: p.role as ParticipantRole,
      rsvp: p.rsvp as Rsvp,
    })),
  };
}

/** The writable columns of an event, as services hand them to the repository. */
export interface EventWrite {
  title: string;
  description: string | null;
  location: string | null;
  allDay: boolean;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  status: StoredStatus;
  visibility: Visibility;
  stakeholder: Stakeholder;
  defaultRole: ParticipantRole;
  rrule: string | null;
  exdates: Date[];
  /** RFC 5545 RDATEs: extra occurrence starts of a series (see lib/services/event-fields.ts). */
  rdates: Date[];
  recurrenceEndsAt: Date | null;
  externalObject: { id: string; name: string; url?: string | undefined } | null;
  /** Minutes before the start, ascending (lib/domain/reminders.ts). */
  reminders: number[];
}

export function toEventColumns(w: Partial<EventWrite>) {
  const columns: Record<string, unknown> = {};
  for (const key of ["title", "description", "location", "allDay", "startsAt", "endsAt", "timeZone", "status", "visibility", "stakeholder", "defaultRole", "rrule", "recurrenceEndsAt"] as const) {
    if (w[key] !== undefined) columns[key] = w[key];
  }
  if (w.exdates !== undefined) columns.exdates = JSON.stringify(w.exdates.map((d) => d.toISOString()));
  if (w.rdates !== undefined) columns.rdates = JSON.stringify(w.rdates.map((d) => d.toISOString()));
  if (w.reminders !== undefined) columns.reminders = JSON.stringify(w.reminders);
  if (w.externalObject !== undefined) {
    columns.externalId = w.externalObject?.id ?? null;
    columns.externalName = w.externalObject?.name ?? null;
    columns.externalUrl = w.externalObject?.url ?? null;
  }
  return columns;
}

export const SHORT_SPAN_MS = 7 * 86_400_000;

/** See the `spanClass` column: 0 short single, 1 long single, 2 series. */
export function spanClassOf(e: { rrule: string | null; startsAt: Date; endsAt: Date }): number {
  if (e.rrule) return 2;
  return e.endsAt.getTime() - e.startsAt.getTime() > SHORT_SPAN_MS ? 1 : 0;
}

/** Stored through searchKey (lib/domain/search.ts) so every query path matches it literally. */
export function searchTextOf(e: { title: string; description: string | null; location: string | null }): string {
  return searchKey([e.title, e.description ?? "", e.location ?? ""].join("\n"));
}
