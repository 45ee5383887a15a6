// Public types, all inferred from the server's wire schemas (copied into ./generated/).
import type { z } from "zod";
import type * as wire from "./generated/schemas.ts";

export type Event = wire.Event;
export type CalendarData = wire.Calendar;
export type User = wire.User;
export type Member = wire.Member;
export type EventUser = wire.EventUser;
export type ErrorBody = wire.ErrorBody;
export type Meta = z.output<typeof wire.Meta>;

export type EventStatus = z.output<typeof wire.Status>;
export type Visibility = z.output<typeof wire.Visibility>;
export type RecurrencePreset = z.output<typeof wire.RecurrencePreset>;
export type Stakeholder = z.output<typeof wire.Stakeholder>;
export type ParticipantRole = z.output<typeof wire.ParticipantRole>;
export type MemberRole = z.output<typeof wire.MemberRole>;
export type Rsvp = z.output<typeof wire.Rsvp>;
export type Scope = z.output<typeof wire.Scope>;

/** Fields accepted by `updateEvent` (partial: only fields present change). */
export type EventAttrs = z.input<typeof wire.EventInput>;
/** Fields accepted by `createEvent`: title, starts_at and ends_at are required. */
export type CreateEventAttrs = EventAttrs & { title: string; starts_at: string; ends_at: string };
/** Fields accepted by `SD.Calendar.create` and `calendar.update`. */
export type CalendarAttrs = z.input<typeof wire.CalendarInput>;
export type CreateCalendarAttrs = CalendarAttrs & { name: string };

export interface Page {
  /** 1–100 (default 25). */
  limit?: number;
  /** ≥ 0 (default 0). */
  offset?: number;
}

export interface ListEventsOptions extends Page {
  /** Case-insensitive match in title, description and location. */
  q?: string;
  /** With `to`: list occurrences overlapping [from, to) (ISO 8601), recurring events expanded. */
  from?: string;
  to?: string;
}

export interface EventPage {
  events: Event[];
  meta: Meta;
}

export interface ChangeOptions {
  /** For recurring events: `this` occurrence, `following` ones, or `all` (defaults per SPEC §5). */
  scope?: Scope;
  /** The event's `sequence` as you last read it; the call fails with 412 if it has changed since. */
  ifMatch?: number | string;
}

export interface Ok {
  status: "ok";
}

/** What sync reports for an event that was deleted or that you may no longer see: `{ id, deleted: true }`. */
export type DeletedEvent = z.output<typeof wire.DeletedEvent>;
/** A stored event as sync sends it: an {@link Event} plus `exdates` (a series' removed occurrences). */
export type SyncEvent = z.output<typeof wire.SyncEvent>;

/** The outcome of `calendar.sync(token)`: what changed since `token` (everything when it was absent). */
export interface SyncResult {
  /** Events and deletions in the server's order. */
  changes: (SyncEvent | DeletedEvent)[];
  /** The changed or new events: series masters and overrides as stored (not expanded occurrences). */
  events: SyncEvent[];
  /** Ids of events deleted or no longer visible to you. */
  deleted: string[];
  /** Pass it to the next `sync()`. */
  nextSyncToken: string;
  /** True for a full sync (no token given): `events` is then the whole calendar. */
  full: boolean;
}

export interface SyncOptions {
  /** Page size inside the sync round (1–100, default 100); every page is fetched. */
  limit?: number;
}
