// The SweetDate dialect's route table (SPEC §5, seed 004): one entry per handler in app/api/v1 and
// app/api/health. e2e/api/openapi.spec.ts checks that this table and the handlers match.
import { z } from "zod";
import { EventListQuery, PageQuery, ScopeQuery, UserQuery } from "../sweetdate/queries.ts";
import * as wire from "../sweetdate/schemas.ts";
import * as ex from "./sweetdate-examples.ts";
import type { DialectSpec, HeaderSpec, ResponseSpec, RouteSpec } from "./types.ts";

// Query parameters: the route contracts the handlers parse (lib/api/sweetdate/queries.ts).
// Create takes the update schema with its required fields marked (the handler reports them as "can't be blank").
const EventCreateInput = wire.EventInput.required({ title: true, starts_at: true, ends_at: true }).meta({ id: "EventCreateInput", description: "EventInput with title, starts_at and ends_at required" });
const CalendarCreateInput = wire.CalendarInput.required({ name: true }).meta({ id: "CalendarCreateInput", description: "CalendarInput with name required" });

// Answers without a schema of their own in lib/api/sweetdate/schemas.ts.
const AuthStatus = wire.AuthStatus;
const OpenApiJson = z.looseObject({ openapi: z.string(), info: z.looseObject({}), paths: z.record(z.string(), z.unknown()) }).describe("This document");

const CALENDAR = { calendar_id: "Calendar UUID" };
const EVENT = { ...CALENDAR, id: "Event UUID, or an occurrence id `<series uuid>_<20250821T090000Z>`" };
const LOCATION: Record<string, HeaderSpec> = { Location: { description: "URL of the new resource" } };
const ETAG: Record<string, HeaderSpec> = { ETag: { description: 'The event\'s `sequence` in quotes, e.g. "3"; send it back as If-Match' } };
const IF_MATCH = { "If-Match": { description: 'The ETag you read ("3"): the change fails with 412 if the event changed since' } };

const okBody: ResponseSpec = { description: "Done", schema: wire.Ok, example: ex.ok };
const ok = (schema: z.ZodType, example: unknown, description = "OK", headers?: Record<string, HeaderSpec>): ResponseSpec => ({ description, schema, example, ...(headers ? { headers } : {}) });

const routes: RouteSpec[] = [
  // ── Events ──────────────────────────────────────────────────────────────────────────────
  {
    method: "GET", path: "/api/v1/calendars/{calendar_id}/events", operationId: "listCalendarEvents", group: "Events",
    summary: "List events",
    description: "Without a window: stored events (a series once) by `starts_at`, then `id`, paged. With `from` and `to`: the occurrences overlapping the window, recurring events expanded; an occurrence has `id = <series uuid>_<original start>`, `recurring_event_id` and `original_starts_at`.",
    pathParams: CALENDAR, query: EventListQuery,
    responses: { 200: ok(z.union([wire.EventsEnvelope, wire.SyncEnvelope]), { status: "ok", events: [ex.event, ex.occurrence], meta: ex.meta(2) }, "OK (with sync_token: a SyncEnvelope)") },
    errors: [404, 410, 422],
  },
  {
    method: "POST", path: "/api/v1/calendars/{calendar_id}/events", operationId: "createCalendarEvent", group: "Events",
    summary: "Create an event",
    description: "`title`, `starts_at` and `ends_at` are required. All-day events may send dates (`2025-08-21`). Unknown fields are a 422; read-only fields are ignored. Needs the `member` role or above.",
    pathParams: CALENDAR, body: { schema: EventCreateInput, example: ex.eventInput },
    responses: { 201: ok(wire.EventEnvelope, { status: "ok", event: ex.event }, "Created", { ...LOCATION, ...ETAG }) },
    errors: [403, 404],
  },
  {
    method: "GET", path: "/api/v1/calendars/{calendar_id}/events/{id}", operationId: "getCalendarEvent", group: "Events",
    summary: "Get an event or occurrence",
    pathParams: EVENT,
    responses: { 200: ok(wire.EventEnvelope, { status: "ok", event: ex.event }, "OK", ETAG) },
    errors: [404],
  },
  {
    method: "PUT", path: "/api/v1/calendars/{calendar_id}/events/{id}", operationId: "updateCalendarEvent", group: "Events",
    summary: "Update an event (partial)",
    description: "Only the fields present change. For a recurring event, `scope` says which occurrences.",
    pathParams: EVENT, query: ScopeQuery, requestHeaders: IF_MATCH, body: { schema: wire.EventInput, example: ex.eventUpdate },
    responses: { 200: ok(wire.EventEnvelope, { status: "ok", event: ex.updatedEvent }, "OK", ETAG) },
    errors: [403, 404, 409, 412],
  },
  {
    method: "DELETE", path: "/api/v1/calendars/{calendar_id}/events/{id}", operationId: "deleteCalendarEvent", group: "Events",
    summary: "Delete an event",
    pathParams: EVENT, query: ScopeQuery, requestHeaders: IF_MATCH,
    responses: { 200: okBody },
    errors: [403, 404, 409, 412, 422],
  },
  {
    method: "GET", path: "/api/v1/events", operationId: "listAllEvents", group: "Events",
    summary: "List events across calendars",
    description: "Every event the caller may see, in every calendar (what the web app's views use); same parameters as the per-calendar list.",
    query: EventListQuery,
    responses: { 200: ok(wire.EventsEnvelope, { status: "ok", events: [ex.event], meta: ex.meta(1) }) },
    errors: [422],
  },
  {
    method: "GET", path: "/api/v1/stream", operationId: "streamChanges", group: "Events",
    summary: "Live changes (Server-Sent Events)",
    description:
      "A `text/event-stream` that stays open: `event: ready` first (its `id` is where a reconnect resumes), then `event: change` with `data: {\"calendar_id\", \"sync_token\"}` whenever a calendar you are a member of changes (`sync_token` is that calendar's token after the change, for `?sync_token=` sync), and a `: ping` comment every 20 s. Reconnect with `Last-Event-ID` (any instance) to get one frame per calendar that changed meanwhile.",
    requestHeaders: { "Last-Event-ID": { description: "The `id` of the last frame you received: resume from there" } },
    responses: {
      200: {
        description: "An open event stream",
        contentType: "text/event-stream",
        schema: z.string(),
        example: 'event: change\nid: MTI6NDM\ndata: {"calendar_id":"6f1c2d0e-…","sync_token":"MTIuNy40Mw.k2…"}\n\n',
      },
    },
  },
  // ── Event participants ──────────────────────────────────────────────────────────────────
  {
    method: "GET", path: "/api/v1/calendars/{calendar_id}/events/{id}/users", operationId: "listEventUsers", group: "Event participants",
    summary: "List an event's participants", pathParams: EVENT,
    responses: { 200: ok(wire.EventUsersEnvelope, { status: "ok", users: [ex.eventUser] }) },
    errors: [404],
  },
  {
    method: "POST", path: "/api/v1/calendars/{calendar_id}/events/{id}/users", operationId: "addEventUser", group: "Event participants",
    summary: "Add a participant", description: "`role` defaults to the event's `default_role`; `rsvp` to `needs_action`.",
    pathParams: EVENT, body: { schema: wire.EventUserInput, example: { user_id: ex.user.id, role: "editor" } },
    responses: { 201: ok(wire.EventUserEnvelope, { status: "ok", user: { ...ex.eventUser, rsvp: "needs_action" } }, "Created", LOCATION) },
    errors: [403, 404, 409],
  },
  {
    method: "PUT", path: "/api/v1/calendars/{calendar_id}/events/{id}/users/{user_id}", operationId: "changeEventUser", group: "Event participants",
    summary: "Change a participant's role or RSVP", description: "Editors change roles; participants answer their own RSVP.",
    pathParams: { ...EVENT, user_id: "User UUID" }, body: { schema: wire.EventUserChange, example: { rsvp: "accepted" } },
    responses: { 200: ok(wire.EventUserEnvelope, { status: "ok", user: ex.eventUser }) },
    errors: [403, 404],
  },
  {
    method: "DELETE", path: "/api/v1/calendars/{calendar_id}/events/{id}/users/{user_id}", operationId: "removeEventUser", group: "Event participants",
    summary: "Remove a participant", pathParams: { ...EVENT, user_id: "User UUID" },
    responses: { 200: okBody },
    errors: [403, 404],
  },
  // ── Calendars ───────────────────────────────────────────────────────────────────────────
  {
    method: "GET", path: "/api/v1/calendars", operationId: "listCalendars", group: "Calendars",
    summary: "List your calendars", query: PageQuery,
    responses: { 200: ok(wire.CalendarsEnvelope, { status: "ok", calendars: [ex.calendar], meta: ex.meta(1) }) },
    errors: [422],
  },
  {
    method: "POST", path: "/api/v1/calendars", operationId: "createCalendar", group: "Calendars",
    summary: "Create a calendar", description: "You become its owner. `name` is required; `time_zone` defaults to yours. With `source_url` (http/https iCalendar URL) the calendar is a **subscription**: read-only (writes → 403 `READ_ONLY`), fetched once before this answers and then refreshed by the server (ETag / If-Modified-Since, the feed's REFRESH-INTERVAL, default hourly); its events carry `ics_feed_id`. Private, loopback and link-local addresses are refused (422).",
    body: { schema: CalendarCreateInput, example: { name: "Engineering", color: "#3b82f6", time_zone: "Europe/London" } },
    responses: { 201: ok(wire.CalendarEnvelope, { status: "ok", calendar: ex.calendar }, "Created", LOCATION) },
  },
  {
    method: "GET", path: "/api/v1/calendars/{calendar_id}", operationId: "getCalendar", group: "Calendars",
    summary: "Get a calendar", pathParams: CALENDAR,
    responses: { 200: ok(wire.CalendarEnvelope, { status: "ok", calendar: ex.calendar }) },
    errors: [404],
  },
  {
    method: "PUT", path: "/api/v1/calendars/{calendar_id}", operationId: "updateCalendar", group: "Calendars",
    summary: "Update a calendar (partial)", description: "Owners and admins.",
    pathParams: CALENDAR, body: { schema: wire.CalendarInput, example: { color: "#10b981" } },
    responses: { 200: ok(wire.CalendarEnvelope, { status: "ok", calendar: { ...ex.calendar, color: "#10b981" } }) },
    errors: [403, 404],
  },
  {
    method: "DELETE", path: "/api/v1/calendars/{calendar_id}", operationId: "deleteCalendar", group: "Calendars",
    summary: "Delete a calendar with its events", description: "Owners only.", pathParams: CALENDAR,
    responses: { 200: okBody },
    errors: [403, 404],
  },
  // ── Trash ───────────────────────────────────────────────────────────────────────────────
  {
    method: "GET", path: "/api/v1/calendars/{calendar_id}/trash", operationId: "listTrash", group: "Trash",
    summary: "List deleted events",
    description: "Single events and series of this calendar deleted in the last 30 days that the caller may change (and so restore), newest deletion first, each with `deleted_at`. Occurrences deleted on their own (`scope=this`) are not listed; restore them by occurrence id.",
    pathParams: CALENDAR, query: PageQuery,
    responses: { 200: ok(wire.TrashEnvelope, { status: "ok", events: [{ ...ex.event, deleted_at: "2025-08-20T08:00:00Z" }], meta: ex.meta(1) }) },
    errors: [404, 422],
  },
  {
    method: "POST", path: "/api/v1/calendars/{calendar_id}/trash/{id}/restore", operationId: "restoreFromTrash", group: "Trash",
    summary: "Restore a deleted event",
    description: "An event or series id brings back the event (a series with the overrides deleted with it). An occurrence id `<series uuid>_<20250821T090000Z>` brings back one occurrence deleted with `scope=this` (its EXDATE goes; its own changes, if any, return). 404 when it is not in the trash or was deleted more than 30 days ago; 403 when you may see but not change it.",
    pathParams: EVENT,
    responses: { 200: ok(wire.EventEnvelope, { status: "ok", event: ex.event }) },
    errors: [403, 404],
  },
  // ── iCalendar ───────────────────────────────────────────────────────────────────────────
  {
    method: "GET", path: "/api/v1/calendars/{calendar_id}/ics", operationId: "exportCalendarIcs", group: "iCalendar",
    summary: "Export a calendar as iCalendar",
    description: "`text/calendar`: one VEVENT per series (RRULE/EXDATE) and one per changed occurrence (RECURRENCE-ID, same UID), TZID times with their VTIMEZONEs, all-day as VALUE=DATE; redacted exactly as the API is (busy blocks titled \"Busy\", private events of others absent). `If-None-Match` with the ETag → 304.",
    pathParams: CALENDAR,
    requestHeaders: { "If-None-Match": { description: "The ETag of an earlier export: 304 when nothing changed" } },
    responses: {
      200: { description: "The calendar", schema: z.string(), contentType: "text/calendar", example: ex.icsExample, headers: { ETag: { description: "Changes whenever the export would" } } },
      304: { description: "Not modified (If-None-Match matched)" },
    },
    errors: [404],
  },
  {
    method: "POST", path: "/api/v1/calendars/{calendar_id}/feed", operationId: "createCalendarFeed", group: "iCalendar",
    summary: "Create or rotate your private feed URL",
    description: "The URL needs no header (calendar apps subscribe to it; `webcal://` works), shows what you may see, and carries REFRESH-INTERVAL / X-PUBLISHED-TTL. Posting again rotates it: the old URL answers 404 at once. Only a hash of the secret is stored.",
    pathParams: CALENDAR,
    responses: { 201: ok(wire.FeedEnvelope, { status: "ok", feed: { url: "https://cal.example.com/feeds/Xq3v9TzK2mWb7RfN4pLs8dYh.ics" } }, "Created") },
    errors: [404],
  },
  {
    method: "DELETE", path: "/api/v1/calendars/{calendar_id}/feed", operationId: "deleteCalendarFeed", group: "iCalendar",
    summary: "Revoke your private feed URL", description: "Its URL then answers 404.", pathParams: CALENDAR,
    responses: { 200: okBody },
    errors: [404],
  },
  {
    method: "POST", path: "/api/v1/calendars/{calendar_id}/import", operationId: "importCalendarIcs", group: "iCalendar",
    summary: "Import an iCalendar file",
    description: "Body: the file as `text/calendar`, up to 50 MiB. Counted per UID (a series with its overrides counts once); idempotent by UID (importing twice changes nothing; a newer SEQUENCE / LAST-MODIFIED updates); TZIDs incl. Windows zone names, floating times in the calendar's zone, all-day, EXDATE; one bad event never fails the file (`failed`). Members and above; a subscribed calendar answers 403 `READ_ONLY`.",
    pathParams: CALENDAR,
    body: { schema: z.string().describe("A VCALENDAR"), contentType: "text/calendar", example: ex.icsExample },
    responses: { 200: ok(wire.ImportEnvelope, { status: "ok", import: { created: 2, updated: 0, unchanged: 0, failed: [], warnings: [] } }) },
    errors: [403, 404],
  },
  {
    method: "POST", path: "/api/v1/calendars/{calendar_id}/refresh", operationId: "refreshCalendar", group: "iCalendar",
    summary: "Refresh a subscribed calendar now",
    description: "Fetches the calendar's `source_url` (conditional: ETag / If-Modified-Since) before answering. The server also refreshes on its own, honouring the feed's REFRESH-INTERVAL (default hourly).",
    pathParams: CALENDAR,
    responses: { 200: ok(wire.RefreshEnvelope, { status: "ok", refresh: { result: "updated", error: null, created: 1, updated: 0, unchanged: 3, deleted: 0, failed: [] } }) },
    errors: [403, 404, 422],
  },
  {
    method: "GET", path: "/feeds/{file}", operationId: "getCalendarFeed", group: "iCalendar", auth: "none",
    summary: "A private feed (`<secret>.ics`)",
    description: "No header needed: the secret in the URL is the credential. What the feed's owner may see now; ETag / If-None-Match → 304; 404 once revoked or rotated.",
    pathParams: { file: "`<secret>.ics` as handed out by POST …/feed" },
    responses: {
      200: { description: "The calendar", schema: z.string(), contentType: "text/calendar", example: ex.icsExample },
      304: { description: "Not modified (If-None-Match matched)" },
    },
    errors: [404],
  },
  // ── Calendar members ────────────────────────────────────────────────────────────────────
  {
    method: "GET", path: "/api/v1/calendars/{calendar_id}/users", operationId: "listMembers", group: "Calendar members",
    summary: "List members with their roles", pathParams: CALENDAR, query: PageQuery,
    responses: { 200: ok(wire.MembersEnvelope, { status: "ok", users: [{ ...ex.member, role: "owner" }], meta: ex.meta(1) }) },
    errors: [404, 422],
  },
  {
    method: "POST", path: "/api/v1/calendars/{calendar_id}/users", operationId: "addMember", group: "Calendar members",
    summary: "Add a member", description: "Owners and admins; `role` defaults to `member`; only owners grant `owner`.",
    pathParams: CALENDAR, body: { schema: wire.MemberInput, example: { user_id: ex.user.id, role: "member" } },
    responses: { 201: ok(wire.MemberEnvelope, { status: "ok", user: ex.member }, "Created", LOCATION) },
    errors: [403, 404, 409],
  },
  {
    method: "PUT", path: "/api/v1/calendars/{calendar_id}/users/{user_id}", operationId: "changeMember", group: "Calendar members",
    summary: "Change a member's role", description: "The last owner cannot be demoted (422).",
    pathParams: { ...CALENDAR, user_id: "User UUID" }, body: { schema: wire.MemberChange, example: { role: "admin" } },
    responses: { 200: ok(wire.MemberEnvelope, { status: "ok", user: { ...ex.member, role: "admin" } }) },
    errors: [403, 404],
  },
  {
    method: "DELETE", path: "/api/v1/calendars/{calendar_id}/users/{user_id}", operationId: "removeMember", group: "Calendar members",
    summary: "Remove a member (or leave)", description: "Anyone may leave; the last owner cannot (409).",
    pathParams: { ...CALENDAR, user_id: "User UUID" },
    responses: { 200: okBody },
    errors: [403, 404, 409],
  },
  // ── Users ───────────────────────────────────────────────────────────────────────────────
  {
    method: "GET", path: "/api/v1/users", operationId: "listUsers", group: "Users",
    summary: "Find users", description: "To add them to calendars and events. Lists you and the people who share a calendar with you; a `q` that is a whole email address also finds that one person, whoever they are.", query: UserQuery,
    responses: { 200: ok(wire.UsersEnvelope, { status: "ok", users: [ex.user], meta: ex.meta(1) }) },
    errors: [422],
  },
  {
    method: "GET", path: "/api/v1/me", operationId: "getMe", group: "Users",
    summary: "The current user",
    responses: { 200: ok(wire.UserEnvelope, { status: "ok", user: ex.user }) },
  },
  {
    method: "PUT", path: "/api/v1/me", operationId: "updateMe", group: "Users",
    summary: "Change your name or time zone", body: { schema: wire.ProfileInput, example: { time_zone: "America/New_York" } },
    responses: { 200: ok(wire.UserEnvelope, { status: "ok", user: { ...ex.user, time_zone: "America/New_York" } }) },
  },
  // ── Accounts ────────────────────────────────────────────────────────────────────────────
  {
    method: "POST", path: "/api/v1/auth/sign-up", operationId: "signUp", group: "Accounts", auth: "none",
    summary: "Create an account", description: "Signs in too: answers with a session cookie (`Set-Cookie: sd_session=…`).",
    body: { schema: wire.SignUpInput, example: { email: "ada@example.com", password: "correct-horse-battery", name: "Ada Lovelace", time_zone: "Europe/London" } },
    responses: { 201: ok(wire.UserEnvelope, { status: "ok", user: ex.user }, "Created; signed in", { "Set-Cookie": { description: "The session cookie" } }) },
    errors: [403, 409],
  },
  {
    method: "POST", path: "/api/v1/auth/sign-in", operationId: "signIn", group: "Accounts", auth: "none",
    summary: "Sign in", description: "Email and password → a session cookie. 10 attempts per 15 minutes per email from one client address, 100 per email from all addresses; a successful sign-in does not count.",
    body: { schema: wire.SignInInput, example: { email: "ada@example.com", password: "correct-horse-battery" } },
    responses: { 200: ok(wire.UserEnvelope, { status: "ok", user: ex.user }, "Signed in", { "Set-Cookie": { description: "The session cookie" } }) },
    errors: [401],
  },
  {
    method: "POST", path: "/api/v1/auth/sign-out", operationId: "signOut", group: "Accounts", auth: "optional",
    summary: "Sign out", description: "Ends the browser session (no body needed).",
    responses: { 200: okBody },
  },
  {
    method: "GET", path: "/api/v1/auth/status", operationId: "authStatus", group: "Accounts", auth: "optional",
    summary: "First-run check, sign-up mode and current user",
    responses: { 200: ok(AuthStatus, { status: "ok", has_users: true, sign_up: "invite", admin: false, user: ex.user }) },
  },
  // ── Administration ──────────────────────────────────────────────────────────────────────
  {
    method: "GET", path: "/api/v1/invitations", operationId: "listInvitations", group: "Administration",
    summary: "List invitations", description: "Instance admin only. Newest first; never their secrets.",
    responses: { 200: ok(wire.InvitationsEnvelope, { status: "ok", invitations: [ex.invitation] }) },
    errors: [403],
  },
  {
    method: "POST", path: "/api/v1/invitations", operationId: "createInvitation", group: "Administration",
    summary: "Create an invitation", description: "Instance admin only. `email` binds it to one address; it expires after `expires_in_days` (1–365, default 14). The secret and the sign-up link are in this answer only.",
    body: { schema: wire.InvitationInput, example: { email: "grace@example.com", expires_in_days: 7 } },
    responses: { 201: ok(wire.InvitationEnvelope, { status: "ok", invitation: { ...ex.invitation, token: "sdi_3q2-7wXr0d…", url: "https://cal.example.com/sign-up?invitation=sdi_3q2-7wXr0d…" } }, "Created") },
    errors: [403],
  },
  {
    method: "DELETE", path: "/api/v1/invitations/{id}", operationId: "revokeInvitation", group: "Administration",
    summary: "Revoke an invitation", pathParams: { id: "Invitation id" }, description: "Instance admin only. A used invitation stays used.",
    responses: { 200: okBody },
    errors: [403, 404],
  },
  {
    method: "GET", path: "/api/v1/settings", operationId: "getSettings", group: "Administration",
    summary: "Instance settings", description: "Instance admin only.",
    responses: { 200: ok(wire.SettingsEnvelope, { status: "ok", settings: { sign_up: "invite", sign_up_pinned: false } }) },
    errors: [403],
  },
  {
    method: "PUT", path: "/api/v1/settings", operationId: "updateSettings", group: "Administration",
    summary: "Change the sign-up mode", description: "Instance admin only. 409 when SIGNUP_MODE in the server's environment pins it.",
    body: { schema: wire.SettingsInput, example: { sign_up: "open" } },
    responses: { 200: ok(wire.SettingsEnvelope, { status: "ok", settings: { sign_up: "open", sign_up_pinned: false } }) },
    errors: [403, 409],
  },
  {
    method: "GET", path: "/api/v1/tokens", operationId: "listTokens", group: "Accounts",
    summary: "List your API tokens", description: "Never their secrets.",
    responses: { 200: ok(wire.TokensEnvelope, { status: "ok", tokens: [{ ...ex.token, token: undefined }] }) },
  },
  {
    method: "POST", path: "/api/v1/tokens", operationId: "createToken", group: "Accounts",
    summary: "Create an API token", description: "The secret (`token`) is in this answer only.",
    body: { schema: wire.TokenInput, example: { name: "laptop scripts" } },
    responses: { 201: ok(wire.TokenEnvelope, { status: "ok", token: ex.token }, "Created") },
  },
  {
    method: "DELETE", path: "/api/v1/tokens/{id}", operationId: "revokeToken", group: "Accounts",
    summary: "Revoke an API token", pathParams: { id: "Token id" },
    responses: { 200: okBody },
    errors: [404],
  },
  // ── Service ─────────────────────────────────────────────────────────────────────────────
  {
    method: "GET", path: "/api/health", operationId: "health", group: "Service", auth: "none",
    summary: "Liveness", responses: { 200: okBody },
  },
  {
    method: "GET", path: "/api/v1/openapi.json", operationId: "openApiDocument", group: "Service", auth: "none",
    summary: "This OpenAPI 3.1 document", description: "Generated from the zod wire schemas; a readable version is at `/docs/api`.",
    responses: { 200: { description: "The OpenAPI document", schema: OpenApiJson } },
  },
];

export const sweetdateDialect: DialectSpec = {
  name: "SweetDate",
  description:
    "The primary API under `/api/v1` (seed 004). Success: `{ \"status\": \"ok\", \"event\": {…} }` / `{ \"status\": \"ok\", \"events\": […], \"meta\": { limit, offset, total } }`; " +
    "errors: `{ \"status\": \"error\", message, error_code, fields? }`. Times are ISO 8601 UTC; enums are strings; every field is always present (null when empty).",
  groups: {
    Events: "Events in a calendar, and occurrences of recurring ones.",
    "Event participants": "Who takes part in an event, with role and RSVP.",
    Calendars: "Calendars you belong to.",
    "Calendar members": "Who belongs to a calendar, with which role.",
    iCalendar: "RFC 5545 in and out: export, private feeds, import, subscribed calendars.",
    Users: "People who share a calendar with you, and you.",
    Accounts: "Sign-up, sign-in and API tokens (used by the web app and scripts).",
    Administration: "Invitations and the sign-up mode (the instance admin: the installation's first account).",
    Service: "Health and this document.",
  },
  routes,
  error: (status) => ({ description: STATUS_DESCRIPTIONS[status] ?? "Error", schema: wire.ErrorBody, example: ex.errors[status as keyof typeof ex.errors], ...(status === 429 ? { headers: RETRY_AFTER } : {}) }),
  defaultErrors(route) {
    const errors = [429, 500];
    if (route.auth !== "none" && route.auth !== "optional") errors.push(401);
    if (route.body) errors.push(400, 413, 415, 422);
    return errors;
  },
};

const RETRY_AFTER: Record<string, HeaderSpec> = { "Retry-After": { description: "Seconds to wait before trying again" } };
const STATUS_DESCRIPTIONS: Record<number, string> = {
  400: "The body is not JSON (or is empty)",
  401: "No valid token or session",
  403: "You can see it but may not do this",
  404: "Unknown, foreign or malformed id (never reveals which)",
  409: "Conflicts with the current state",
  410: "SYNC_TOKEN_EXPIRED: the sync token is unknown, malformed, foreign or expired; start again with `sync_token=`",
  412: "If-Match does not match the event's current ETag",
  413: "The body is larger than 1 MiB",
  415: "The body is not sent as application/json",
  422: "Validation failed; `fields` maps each field to its messages",
  429: "Too many requests; see Retry-After",
  500: "Unexpected failure; the message carries a request id",
};
