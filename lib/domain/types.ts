import type { MemberRole, ParticipantRole, Rsvp, Stakeholder, StoredStatus, Visibility } from "./enums.ts";

export interface UserRecord {
  id: number;
  uuid: string;
  email: string;
  name: string;
  timeZone: string;
  createdAt: Date;
  updatedAt: Date;
}

export interface CalendarRecord {
  id: number;
  uuid: string;
  name: string;
  description: string | null;
  color: string;
  timeZone: string;
  createdAt: Date;
  updatedAt: Date;
  /** The caller's membership role (null when the caller is not a member). */
  role: MemberRole | null;
  /** A subscribed calendar's iCalendar URL (read-only calendar), else null/absent. */
  sourceUrl?: string | null;
  /** Reminders (minutes before start) a new event gets when its creator names none. */
  defaultReminders: number[];
}

export interface ExternalObject {
  id: string;
  name: string;
  url?: string | undefined;
}

export interface ParticipantRecord {
  userId: number;
  userUuid: string;
  role: ParticipantRole;
  rsvp: Rsvp;
}

export interface EventRecord {
  id: number;
  uuid: string;
  calendarId: number;
  calendarUuid: string;
  creatorId: number;
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
  /** Extra occurrence starts of a series (RFC 5545 RDATE), sorted, none before startsAt. */
  rdates: Date[];
  recurrenceEndsAt: Date | null;
  /** Minutes before the start at which to remind, ascending (lib/domain/reminders.ts). */
  reminders: number[];
  seriesId: number | null;
  seriesUuid: string | null;
  originalStartsAt: Date | null;
  externalObject: ExternalObject | null;
  icsFeedId: number | null;
  /** The iCalendar UID it was imported or PUT with; null = its uuid (see lib/ical). */
  icalUid: string | null;
  sequence: number;
  deleted: boolean;
  createdAt: Date;
  updatedAt: Date;
  participants: ParticipantRecord[];
}

/** What a caller may do with one event, decided by lib/domain/access.ts. */
export interface EventAccess {
  see: "full" | "busy" | "none";
  write: boolean;
}

/** The caller's standing: user id plus their role in each calendar they belong to. */
export interface Viewer {
  userId: number;
  roles: ReadonlyMap<number, MemberRole>;
}
