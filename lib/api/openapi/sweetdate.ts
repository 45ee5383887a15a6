// The SweetDate dialect's part of the document (SPEC §5, seed 004): its routes are read from the
// handlers' contracts (lib/api/sweetdate/*.ts), so each operation is described where it is handled.
import * as account from "../sweetdate/account.ts";
import * as calendars from "../sweetdate/calendars.ts";
import * as events from "../sweetdate/events.ts";
import * as ical from "../sweetdate/ical.ts";
import * as invitations from "../sweetdate/invitations.ts";
import * as wire from "../sweetdate/schemas.ts";
import * as stream from "../sweetdate/stream.ts";
import * as trash from "../sweetdate/trash.ts";
import * as users from "../sweetdate/users.ts";
import { routesOf } from "./contracts.ts";
import * as openapi from "./handler.ts";
import * as ex from "./sweetdate-examples.ts";
import type { DialectSpec, HeaderSpec } from "./types.ts";

/** The reference's sections, in order (each handler's `doc.group`). */
const GROUPS = ["Events", "Event participants", "Calendars", "Trash", "iCalendar", "Calendar members", "Users", "Accounts", "Administration", "Service"];

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
  routes: routesOf([events, users, calendars, trash, ical, account, invitations, stream, openapi], GROUPS),
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
