// Domain → Kona wire, field by field (a whitelist: nothing else leaves the server).
import { deriveTags } from "../../domain/tags.ts";
import type { CalendarRecord, UserRecord } from "../../domain/types.ts";
import type { VisibleEvent } from "../../domain/visible.ts";
import { konaDefaultRole, konaStakeholder, konaStatus, konaVisibility } from "./enums.ts";
import { konaFieldsOf } from "./recurrence.ts";
import type * as wire from "./schemas.ts";

/**
 * `base` is the absolute API prefix (`https://host/api`). A plain occurrence of a series has the
 * series' id and its num_in_series; an overridden occurrence has its own id; both name the series
 * in series_id. A single event has neither (null).
 */
export function serializeEvent({ event, occurrence, access }: VisibleEvent, base: string): wire.CalendarEvent {
  const plainOccurrence = occurrence !== null && occurrence.seriesId === event.id;
  const numInSeries = occurrence?.index ?? null;
  const query = plainOccurrence && numInSeries !== null ? `?num_in_series=${numInSeries}` : "";
  return {
    id: event.id,
    name: event.title,
    href: `${base}/calendar_events/${event.id}${query}`,
    location: event.location,
    details: event.description,
    all_day: event.allDay,
    start_at: event.startsAt.getTime(),
    end_at: event.endsAt.getTime(),
    time_zone: event.timeZone,
    space_id: event.calendarId,
    creator_id: event.creatorId,
    status: konaStatus.code(event.status),
    visibility: konaVisibility.code(event.visibility),
    stakeholder: konaStakeholder.code(event.stakeholder),
    default_role: konaDefaultRole.code(event.defaultRole),
    tags: access.see === "full" ? deriveTags(event.title, event.description) : [],
    ics_feed_id: event.icsFeedId,
    series_id: occurrence?.seriesId ?? (event.rrule ? event.id : null),
    num_in_series: numInSeries,
    ...konaFieldsOf(event, occurrence),
    rdates: event.rrule ? event.rdates.map((d) => d.getTime()) : [],
    reminders: access.see === "full" ? event.reminders.map((minutes) => ({ minutes_before: minutes })) : [],
    external_object: event.externalObject ? { id: event.externalObject.id, name: event.externalObject.name, ...(event.externalObject.url ? { url: event.externalObject.url } : {}) } : null,
    created_at: event.createdAt.getTime(),
    updated_at: event.updatedAt.getTime(),
  };
}

export function serializeSpace(c: CalendarRecord, origin: string): wire.Space {
  return {
    id: c.id,
    name: c.name,
    description: c.description,
    color: c.color,
    time_zone: c.timeZone,
    role: c.role ?? "guest",
    href: `${origin}/api/spaces/${c.id}`,
    default_reminders: c.defaultReminders.map((minutes) => ({ minutes_before: minutes })),
    created_at: c.createdAt.getTime(),
    updated_at: c.updatedAt.getTime(),
  };
}

export function serializeUser(u: UserRecord): wire.User {
  return { id: u.id, name: u.name, email: u.email, time_zone: u.timeZone, created_at: u.createdAt.getTime(), updated_at: u.updatedAt.getTime() };
}
