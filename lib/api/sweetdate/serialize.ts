// Domain → SweetDate wire, field by field (a whitelist: nothing else leaves the server).
import { STATUS } from "../../domain/enums.ts";
import { deriveTags } from "../../domain/tags.ts";
import { compactInstant, formatInstant } from "../../domain/time.ts";
import type { CalendarRecord, UserRecord } from "../../domain/types.ts";
import { invitationState, type InvitationRecord, type SignUpSetting } from "../../services/invitations.ts";
import type { ApiTokenRecord } from "../../domain/types.ts";
import { parseRRule, ruleToPreset } from "../../recurrence/index.ts";
import type { VisibleEvent } from "../../domain/visible.ts";
import type { ParticipantView } from "../../services/participants/index.ts";
import type * as wire from "./schemas.ts";
import { cachedJson, type JsonText } from "../json-text.ts";

export function occurrenceId(seriesUuid: string, originalStart: Date): string {
  return `${seriesUuid}_${compactInstant(originalStart)}`;
}

export function serializeEvent({ event, occurrence, access, rsvp }: VisibleEvent): wire.Event {
  const rrule = event.rrule ?? null;
  return {
    id: occurrence ? occurrenceId(occurrence.seriesUuid, occurrence.originalStartsAt) : event.uuid,
    calendar_id: event.calendarUuid,
    title: event.title,
    description: event.description,
    location: event.location,
    starts_at: formatInstant(event.startsAt),
    ends_at: formatInstant(event.endsAt),
    all_day: event.allDay,
    time_zone: event.timeZone,
    status: STATUS[event.status].sweetdate,
    visibility: event.visibility,
    recurrence_rule: rrule ? ruleToPreset(parseRRule(rrule)) : "none",
    inserted_at: formatInstant(event.createdAt),
    updated_at: formatInstant(event.updatedAt),
    stakeholder: event.stakeholder,
    default_role: event.defaultRole,
    tags: access.see === "full" ? deriveTags(event.title, event.description) : [],
    rrule,
    rdates: rrule ? event.rdates.map(formatInstant) : [],
    recurring_event_id: occurrence?.seriesUuid ?? null,
    original_starts_at: occurrence ? formatInstant(occurrence.originalStartsAt) : null,
    sequence: event.sequence,
    editable: access.write,
    ics_feed_id: event.icsFeedId,
    rsvp,
    reminders: access.see === "full" ? event.reminders.map((minutes) => ({ minutes_before: minutes })) : [],
  };
}

/**
 * The event's JSON. Listed records and occurrences are frozen and shared while their calendar is
 * unchanged (lib/db/read-cache.ts), so their JSON is kept beside them per way of seeing them; a
 * busy block is redacted afresh each time and simply serialized.
 */
export function eventJson(visible: VisibleEvent): wire.Event | JsonText {
  if (!Object.isFrozen(visible.event)) return serializeEvent(visible);
  return cachedJson(visible.event, `${visible.access.see}:${visible.access.write}:${visible.rsvp}`, () => serializeEvent(visible));
}

export function serializeCalendar(c: CalendarRecord): wire.Calendar {
  return {
    id: c.uuid,
    name: c.name,
    description: c.description,
    color: c.color,
    time_zone: c.timeZone,
    role: c.role ?? "guest",
    source_url: c.sourceUrl ?? null,
    default_reminders: c.defaultReminders.map((minutes) => ({ minutes_before: minutes })),
    inserted_at: formatInstant(c.createdAt),
    updated_at: formatInstant(c.updatedAt),
  };
}

export function serializeUser(u: UserRecord): wire.User {
  return { id: u.uuid, email: u.email, name: u.name, time_zone: u.timeZone, inserted_at: formatInstant(u.createdAt), updated_at: formatInstant(u.updatedAt) };
}

export function serializeParticipant(p: ParticipantView): wire.EventUser {
  return { ...serializeUser(p.user), role: p.role, rsvp: p.rsvp };
}

export function serializeToken(t: ApiTokenRecord & { token?: string }) {
  return {
    id: t.uuid,
    name: t.name,
    prefix: t.prefix,
    inserted_at: formatInstant(t.createdAt),
    last_used_at: t.lastUsedAt ? formatInstant(t.lastUsedAt) : null,
    ...(t.token ? { token: t.token } : {}),
  };
}

export function serializeInvitation(i: InvitationRecord, secret?: { token: string; url: string }) {
  return {
    id: i.uuid,
    email: i.email,
    state: invitationState(i),
    inserted_at: formatInstant(i.createdAt),
    expires_at: formatInstant(i.expiresAt),
    used_at: i.usedAt ? formatInstant(i.usedAt) : null,
    ...(secret ?? {}),
  };
}

export function serializeSettings(s: SignUpSetting) {
  return { sign_up: s.mode, sign_up_pinned: s.pinned };
}
