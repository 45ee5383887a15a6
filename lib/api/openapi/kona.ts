// The Kona dialect's route table (SPEC §6, seed 000): /api/calendar_events (also under /api/v1),
// /api/spaces, /api/users, /api/userinfo. e2e/api/openapi.spec.ts checks it against the handlers.
import { z } from "zod";
import * as queries from "../kona/queries.ts";
import * as wire from "../kona/schemas.ts";
import * as ex from "./kona-examples.ts";
import type { DialectSpec, HeaderSpec, ResponseSpec, RouteSpec } from "./types.ts";

// Query parameters: the route contracts the handlers parse (lib/api/kona/queries.ts). The event
// list parses its page first, then either a sync round or the list's own parameters.
const EventListQuery = z.object({
  ...(queries.PageQuery.in as z.ZodObject).shape,
  ...(queries.EventListQuery.in as z.ZodObject).shape,
  sync_token: z.string().optional().describe("Sync (SPEC §11): empty starts a full round of the space's stored events; the last page's `X-Sync-Token` header is the next token. With a token: only what changed since, deletions as `{ id, deleted: true }`. Not with date_range_*/order_by"),
});
const { OccurrenceQuery, ChangeQuery, PageQuery: SpaceListQuery, UserListQuery } = queries;

/** Kona takes one resource as `{ "<plural>": [ {…} ] }`, `{ "<singular>": {…} }` or the bare object. */
function wrappedInput<T extends z.ZodType>(plural: string, singular: string, schema: T) {
  return z.union([z.strictObject({ [plural]: z.array(schema).length(1) }), z.strictObject({ [singular]: schema }), schema]);
}
const EventBody = wrappedInput("calendar_events", "calendar_event", wire.CalendarEventInput);
const SpaceBody = wrappedInput("spaces", "space", wire.SpaceInput);

const PAGING: Record<string, HeaderSpec> = {
  Link: { description: "`<…>; rel=\"next\"`, `prev`, `first`, `last` (absolute URLs)" },
  "X-Total-Count": { description: "Items in all pages" },
};
const LOCATION: Record<string, HeaderSpec> = { Location: { description: "The new resource's href" } };
const ID = { id: "Integer id" };
const events = (list: unknown[]) => ({ calendar_events: list });
const noContent: ResponseSpec = { description: "Deleted (no body)" };

const eventRoutes: RouteSpec[] = [
  {
    method: "GET", path: "/api/calendar_events", operationId: "konaListCalendarEvents", group: "Calendar events",
    summary: "List calendar events",
    description: "Your visible, non-deleted events overlapping the current month in your time zone, or the date_range window; recurring events are expanded (a plain occurrence carries the series' `id` and its `num_in_series`). Paging is always in effect.",
    query: EventListQuery,
    responses: {
      200: {
        description: "OK (with sync_token: KonaSyncEvents, the next token in X-Sync-Token on the last page)",
        schema: z.union([wire.CalendarEvents, wire.SyncEvents]),
        example: events([ex.event, ex.occurrence]),
        headers: { ...PAGING, "X-Sync-Token": { description: "With sync_token, on the last page of a round: the token for the next round" } },
      },
    },
    errors: [410, 422],
  },
  {
    method: "POST", path: "/api/calendar_events", operationId: "konaCreateCalendarEvent", group: "Calendar events",
    summary: "Create a calendar event",
    description: "`start_at` defaults to now and `end_at` to `start_at`; `space_id` may be left out when you can add events to exactly one space. To create an event for everyone, set `stakeholder` to 2.",
    body: { schema: EventBody, example: ex.eventInput },
    responses: { 201: { description: "Created", schema: wire.CalendarEvents, example: events([ex.event]), headers: LOCATION } },
    errors: [403, 404],
  },
  {
    method: "GET", path: "/api/calendar_events/{id}", operationId: "konaGetCalendarEvent", group: "Calendar events",
    summary: "Get a calendar event (or occurrence N)", pathParams: ID, query: OccurrenceQuery,
    responses: { 200: { description: "OK", schema: wire.CalendarEvents, example: events([ex.event]) } },
    errors: [404],
  },
  {
    method: "PUT", path: "/api/calendar_events/{id}", operationId: "konaUpdateCalendarEvent", group: "Calendar events",
    summary: "Update a calendar event (patch)", description: "Only attributes in the payload change; answers with the full resource.",
    pathParams: ID, query: ChangeQuery, body: { schema: EventBody, example: ex.eventUpdate },
    responses: { 200: { description: "OK", schema: wire.CalendarEvents, example: events([{ ...ex.event, location: "Room B", status: 2 }]) } },
    errors: [403, 404, 409],
  },
  {
    method: "DELETE", path: "/api/calendar_events/{id}", operationId: "konaDeleteCalendarEvent", group: "Calendar events",
    summary: "Delete a calendar event", pathParams: ID, query: ChangeQuery,
    responses: { 204: noContent },
    errors: [400, 403, 404, 409],
  },
];

/** The same handlers answer under /api/v1/calendar_events (SPEC §6). */
const v1EventRoutes: RouteSpec[] = eventRoutes.map((route) => ({
  ...route,
  path: route.path.replace(/^\/api\//, "/api/v1/"),
  operationId: `${route.operationId}V1`,
  summary: `${route.summary} (under /api/v1)`,
}));

const routes: RouteSpec[] = [
  ...eventRoutes,
  ...v1EventRoutes,
  {
    method: "GET", path: "/api/spaces", operationId: "konaListSpaces", group: "Spaces",
    summary: "List your spaces", query: SpaceListQuery,
    responses: { 200: { description: "OK", schema: wire.Spaces, example: { spaces: [ex.space] }, headers: PAGING } },
  },
  {
    method: "POST", path: "/api/spaces", operationId: "konaCreateSpace", group: "Spaces",
    summary: "Create a space", description: "You become its owner.",
    body: { schema: SpaceBody, example: { spaces: [{ name: "Engineering", color: "#3b82f6" }] } },
    responses: { 201: { description: "Created", schema: wire.Spaces, example: { spaces: [ex.space] }, headers: LOCATION } },
  },
  {
    method: "GET", path: "/api/spaces/{id}", operationId: "konaGetSpace", group: "Spaces",
    summary: "Get a space", pathParams: ID,
    responses: { 200: { description: "OK", schema: wire.Spaces, example: { spaces: [ex.space] } } },
    errors: [404],
  },
  {
    method: "PUT", path: "/api/spaces/{id}", operationId: "konaUpdateSpace", group: "Spaces",
    summary: "Update a space (patch)", description: "Owners and admins; answers with the full resource.",
    pathParams: ID, body: { schema: SpaceBody, example: { spaces: [{ color: "#10b981" }] } },
    responses: { 200: { description: "OK", schema: wire.Spaces, example: { spaces: [{ ...ex.space, color: "#10b981" }] } } },
    errors: [403, 404],
  },
  {
    method: "DELETE", path: "/api/spaces/{id}", operationId: "konaDeleteSpace", group: "Spaces",
    summary: "Delete a space with its events", description: "Owners only.", pathParams: ID,
    responses: { 204: noContent },
    errors: [403, 404],
  },
  {
    method: "GET", path: "/api/users", operationId: "konaListUsers", group: "Users",
    summary: "Find users", description: "You and the people who share a space with you (`like`: a prefix of name or email); a `like` that is a whole email address also finds that one person.", query: UserListQuery,
    responses: { 200: { description: "OK", schema: wire.Users, example: { users: [ex.user] }, headers: PAGING } },
    errors: [400, 404],
  },
  {
    method: "GET", path: "/api/userinfo", operationId: "konaUserinfo", group: "Users",
    summary: "The authenticated user",
    responses: { 200: { description: "OK", schema: wire.Users, example: { users: [ex.user] } } },
  },
];

const PROBLEM_DESCRIPTIONS: Record<number, string> = {
  400: "Bad request: unparsable JSON or an invalid query parameter",
  401: "OAuth 2.0 bearer error: missing, invalid or revoked token",
  403: "You may not change this",
  404: "Unknown id, or not visible to you",
  409: "Conflicts with the current state",
  410: "The sync token is unknown, malformed, foreign or expired: start a full sync again (`sync_token=`)",
  412: "The event changed since you read it",
  413: "The body is larger than 1 MiB",
  415: "The body is not sent as application/json",
  422: "Business rule or validation problems, every one in `details` (and `invalid_params`)",
  429: "Too many requests; see Retry-After",
  500: "Unexpected failure",
};

export const konaDialect: DialectSpec = {
  name: "Kona",
  description:
    "Kona-compatible API under `/api` (seed 000), so existing Kona clients work unchanged. Resources travel in an array under their plural name " +
    "(`{ \"calendar_events\": [ {…} ] }`), times are Unix epoch milliseconds, enums are integers (names are accepted on input). " +
    "Errors are problems `{ problemType, title, details }`; a 401 follows OAuth 2.0 `{ error: \"invalid_token\", error_description }`.",
  groups: {
    "Calendar events": "Events and occurrences of recurring ones; `period`/`frequency`/`sel_days`/`series_end_at` describe recurrence.",
    Spaces: "Spaces are SweetDate's calendars, by integer id.",
    Users: "People on this installation, and you.",
  },
  routes,
  error(status): ResponseSpec {
    const description = PROBLEM_DESCRIPTIONS[status] ?? "Error";
    const example = ex.errors[status as keyof typeof ex.errors];
    if (status === 401) return { description, schema: wire.OAuthError, example, headers: { "WWW-Authenticate": { description: 'Bearer realm="SweetDate", error="invalid_token", …' } } };
    return { description, schema: wire.Problem, contentType: "application/problem+json", example, ...(status === 429 ? { headers: { "Retry-After": { description: "Seconds to wait" } } } : {}) };
  },
  defaultErrors(route) {
    const errors = [401, 429, 500];
    if (route.query) errors.push(400);
    if (route.body) errors.push(400, 413, 415, 422);
    return errors;
  },
};
