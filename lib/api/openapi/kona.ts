// The Kona dialect's part of the document (SPEC §6, seed 000): /api/calendar_events (also under
// /api/v1), /api/spaces, /api/users, /api/userinfo — read from the handlers' contracts (lib/api/kona/*.ts).
import * as events from "../kona/events.ts";
import * as wire from "../kona/schemas.ts";
import * as spaces from "../kona/spaces.ts";
import * as users from "../kona/users.ts";
import { routesOf } from "./contracts.ts";
import * as ex from "./kona-examples.ts";
import type { DialectSpec, ResponseSpec, RouteSpec } from "./types.ts";

const handled = routesOf([events, spaces, users], ["Calendar events", "Spaces", "Users"]);

/** The event handlers answer under /api/v1/calendar_events too (SPEC §6): the same operations, listed again there. */
const underV1: RouteSpec[] = handled
  .filter((route) => route.path.startsWith("/api/calendar_events"))
  .map((route) => ({ ...route, path: route.path.replace(/^\/api\//, "/api/v1/"), operationId: `${route.operationId}V1`, summary: `${route.summary} (under /api/v1)` }));

const routes: RouteSpec[] = [...handled.filter((route) => route.group === "Calendar events"), ...underV1, ...handled.filter((route) => route.group !== "Calendar events")];

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
