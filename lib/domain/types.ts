import type { MemberRole } from "./enums.ts";

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

export type { EventRecord, EventWrite, ExternalObject, ParticipantRecord } from "./event-model.ts";

/** An API token as its owner sees it (the secret itself is never stored). */
export interface ApiTokenRecord {
  uuid: string;
  name: string;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
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
