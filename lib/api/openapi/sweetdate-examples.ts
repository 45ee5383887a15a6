// Example bodies for the SweetDate reference, after seed 004's. A unit test parses each with its
// wire schema, so an example can never drift from what the API really sends.
import type { z } from "zod";
import type * as wire from "../sweetdate/schemas.ts";

const CALENDAR_ID = "7f1c2a9e-3b4d-4c5e-8f6a-1b2c3d4e5f60";
const EVENT_ID = "0b9c6f7e-5d4c-4b3a-9e8f-7a6b5c4d3e2f";
const USER_ID = "3e2d1c0b-9a8f-4e7d-8c6b-5a4f3e2d1c0b";

export const user = {
  id: USER_ID,
  email: "ada@example.com",
  name: "Ada Lovelace",
  time_zone: "Europe/London",
  inserted_at: "2025-08-01T08:00:00Z",
  updated_at: "2025-08-01T08:00:00Z",
} satisfies wire.User;

export const calendar = {
  id: CALENDAR_ID,
  name: "Engineering",
  description: "Sprints, releases and on-call",
  color: "#3b82f6",
  time_zone: "Europe/London",
  role: "owner",
  source_url: null,
  default_reminders: [{ minutes_before: 10 }],
  inserted_at: "2025-08-01T08:05:00Z",
  updated_at: "2025-08-01T08:05:00Z",
} satisfies wire.Calendar;

export const eventInput = {
  title: "Sprint Planning",
  starts_at: "2025-08-21T09:00:00Z",
  ends_at: "2025-08-21T10:00:00Z",
  location: "Room A",
  description: "Quarterly planning session",
  status: "tentative",
  reminders: [{ minutes_before: 10 }, { minutes_before: 1440 }],
} satisfies wire.EventInput;

export const event = {
  id: EVENT_ID,
  calendar_id: CALENDAR_ID,
  title: "Sprint Planning",
  description: "Quarterly planning session",
  location: "Room A",
  starts_at: "2025-08-21T09:00:00Z",
  ends_at: "2025-08-21T10:00:00Z",
  all_day: false,
  time_zone: "Europe/London",
  status: "tentative",
  visibility: "public",
  recurrence_rule: "none",
  inserted_at: "2025-08-18T09:20:00Z",
  updated_at: "2025-08-18T09:20:00Z",
  stakeholder: "group",
  default_role: "editor",
  tags: [],
  rrule: null,
  rdates: [],
  recurring_event_id: null,
  original_starts_at: null,
  sequence: 0,
  editable: true,
  ics_feed_id: null,
  rsvp: null,
  reminders: [{ minutes_before: 10 }, { minutes_before: 1440 }],
} satisfies wire.Event;

export const eventUpdate = { title: "Sprint Planning (Updated)", status: "confirmed", location: "Room B" } satisfies wire.EventInput;
export const updatedEvent = { ...event, ...eventUpdate, updated_at: "2025-08-19T10:15:00Z", sequence: 1 } satisfies wire.Event;

const weeklyStart = "2025-08-25T09:30:00Z";
export const occurrence = {
  ...event,
  id: `${EVENT_ID}_20250825T093000Z`,
  title: "Stand-up",
  description: null,
  location: null,
  starts_at: weeklyStart,
  ends_at: "2025-08-25T09:45:00Z",
  status: "scheduled",
  recurrence_rule: "weekly",
  rrule: "FREQ=WEEKLY;BYDAY=MO,WE,FR",
  recurring_event_id: EVENT_ID,
  original_starts_at: weeklyStart,
} satisfies wire.Event;

export const member = { ...user, role: "member" } satisfies wire.Member;
export const eventUser = { ...user, role: "editor", rsvp: "accepted" } satisfies wire.EventUser;

export const token = {
  id: "5c4b3a29-1807-4f6e-9d5c-4b3a29180706",
  name: "laptop scripts",
  prefix: "sd_4f9a",
  inserted_at: "2025-08-01T08:10:00Z",
  last_used_at: null,
  token: "sd_4f9a…(shown once)",
} satisfies z.input<typeof wire.Token>;

export const meta = (total: number, limit = 25, offset = 0) => ({ limit, offset, total });

export const ok = { status: "ok" } as const;

export const errors = {
  400: { status: "error", message: "the request body is not valid JSON", error_code: "BAD_REQUEST" },
  401: { status: "error", message: "authentication required: send `Authorization: Bearer <token>`", error_code: "UNAUTHORIZED" },
  403: { status: "error", message: "you may not change this event", error_code: "FORBIDDEN" },
  404: { status: "error", message: "not found", error_code: "NOT_FOUND" },
  409: { status: "error", message: "the user is already a member of this calendar", error_code: "CONFLICT" },
  410: { status: "error", message: "the sync token is older than the kept change history; start a full sync again with an empty sync_token", error_code: "SYNC_TOKEN_EXPIRED" },
  412: { status: "error", message: "the event has changed since you read it (If-Match does not match)", error_code: "PRECONDITION_FAILED" },
  413: { status: "error", message: "the body is larger than 1 MiB", error_code: "PAYLOAD_TOO_LARGE" },
  415: { status: "error", message: "send the body as JSON with `Content-Type: application/json`", error_code: "UNSUPPORTED_MEDIA_TYPE" },
  422: { status: "error", message: "invalid input", error_code: "VALIDATION_ERROR", fields: { starts_at: ["can't be blank"], ends_at: ["must be after starts_at"] } },
  429: { status: "error", message: "too many requests; slow down", error_code: "RATE_LIMITED" },
  500: { status: "error", message: "internal error (request id 9f0c…)", error_code: "INTERNAL_ERROR" },
} satisfies Record<number, wire.ErrorBody>;

export const icsExample = [
  "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//SweetDate//SweetDate Calendar//EN", "BEGIN:VEVENT",
  `UID:${EVENT_ID}`, "DTSTAMP:20250818T092000Z", "DTSTART;TZID=Europe/Berlin:20250825T113000", "DTEND;TZID=Europe/Berlin:20250825T114500",
  "RRULE:FREQ=WEEKLY;BYDAY=MO,WE,FR", "SUMMARY:Stand-up", "END:VEVENT", "END:VCALENDAR", "",
].join("\r\n");

export const invitation = { id: "5b0f3c1e-8f7a-4d0e-9a51-3c7d2f1e6b42", email: "grace@example.com", state: "open", inserted_at: "2025-08-20T12:00:00Z", expires_at: "2025-08-27T12:00:00Z", used_at: null };
