// Example bodies for the Kona reference, after seed 000. A unit test parses each with its wire
// schema, so an example can never drift from what the API really sends.
import type { z } from "zod";
import type * as wire from "../kona/schemas.ts";

const HOST = "https://cal.example.com";

export const event = {
  id: 4711,
  name: "Sprint Planning #planning",
  href: `${HOST}/api/calendar_events/4711`,
  location: "Room A",
  details: "Quarterly planning session",
  all_day: false,
  start_at: 1755766800000,
  end_at: 1755770400000,
  time_zone: "Europe/London",
  space_id: 12,
  creator_id: 7,
  status: 1,
  visibility: 2,
  stakeholder: 1,
  default_role: 1,
  tags: ["planning"],
  ics_feed_id: null,
  series_id: null,
  num_in_series: null,
  period: 0,
  frequency: 0,
  sel_days: null,
  series_end_at: null,
  rrule: null,
  rdates: [],
  external_object: { id: "JIRA-42", name: "Planning ticket", url: "https://jira.example.com/browse/JIRA-42" },
  reminders: [{ minutes_before: 15 }],
  created_at: 1755508800000,
  updated_at: 1755598500000,
} satisfies wire.CalendarEvent;

export const occurrence = {
  ...event,
  id: 4712,
  name: "Stand-up",
  href: `${HOST}/api/calendar_events/4712?num_in_series=3`,
  location: null,
  details: null,
  tags: [],
  start_at: 1756114200000,
  end_at: 1756115100000,
  series_id: 4712,
  num_in_series: 3,
  period: 2,
  frequency: 1,
  sel_days: [1, 3, 5],
  external_object: null,
} satisfies wire.CalendarEvent;

export const eventInput = {
  calendar_events: [
    { name: "Sprint Planning #planning", start_at: 1755766800000, end_at: "2025-08-21 10:00:00.000", location: "Room A", details: "Quarterly planning session", space_id: 12, participant_ids: [8, 9], status: 1, external_object: { id: "JIRA-42", name: "Planning ticket", url: "https://jira.example.com/browse/JIRA-42" } },
  ],
} satisfies { calendar_events: z.input<typeof wire.CalendarEventInput>[] };

export const eventUpdate = { calendar_events: [{ location: "Room B", status: "complete" }] } satisfies { calendar_events: z.input<typeof wire.CalendarEventInput>[] };

export const space = {
  id: 12,
  name: "Engineering",
  description: "Sprints, releases and on-call",
  color: "#3b82f6",
  time_zone: "Europe/London",
  role: "owner",
  href: `${HOST}/api/spaces/12`,
  default_reminders: [{ minutes_before: 15 }],
  created_at: 1754035500000,
  updated_at: 1754035500000,
} satisfies wire.Space;

export const user = { id: 7, name: "Ada Lovelace", email: "ada@example.com", time_zone: "Europe/London", created_at: 1754035200000, updated_at: 1754035200000 } satisfies wire.User;

const problem = (anchor: string, title: string, details: string) => ({ problemType: `${HOST}/docs/api#kona-errors-${anchor}`, title, details });

export const errors = {
  400: problem("bad-request", "Bad request", "per_page must be an integer between 1 and 100"),
  401: { error: "invalid_token", error_description: "the token is invalid or has been revoked" },
  403: problem("forbidden", "Forbidden", "you may not change this event"),
  404: problem("not-found", "Not found", "not found"),
  409: problem("conflict", "Conflict", "the event was changed at the same time; read it again and retry"),
  410: problem("sync-token-expired", "Sync token expired", "the sync token is older than the kept change history; start a full sync again with an empty sync_token"),
  412: problem("precondition-failed", "Precondition failed", "the event has changed since you read it"),
  413: problem("payload-too-large", "Payload too large", "the body is larger than 1 MiB"),
  415: problem("unsupported-media-type", "Unsupported media type", "send the body as JSON with `Content-Type: application/json`"),
  422: { ...problem("validation", "Validation failed", "end_at must be after start_at"), invalid_params: [{ name: "end_at", reason: "must be after start_at" }] },
  429: problem("rate-limited", "Too many requests", "too many requests; slow down"),
  500: problem("internal", "Internal server error", "internal error (request id 9f0c…)"),
} satisfies Record<number, wire.Problem | z.input<typeof wire.OAuthError>>;
