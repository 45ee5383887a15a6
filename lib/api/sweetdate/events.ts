// SweetDate events: /api/v1/calendars/:calendar_id/events[/:id] and the cross-calendar /api/v1/events.
import { AppError, invalid } from "../../domain/errors.ts";
import { formatInstant } from "../../domain/time.ts";
import type { CalendarRecord } from "../../domain/types.ts";
import { syncCalendar, type SyncItem } from "../../services/sync.ts";
import { calendarForEvents, getCalendar } from "../../services/manage-calendars.ts";
import { createEvent } from "../../services/create-event.ts";
import { deleteEvent } from "../../services/delete-event.ts";
import { resolveEvent } from "../../services/get-event.ts";
import { listEvents } from "../../services/list-events.ts";
import { updateEvent } from "../../services/update-event.ts";
import { loadViewer } from "../../services/viewer.ts";
import { z } from "zod";
import type { Caller } from "../auth.ts";
import { route } from "../route.ts";
import { ok, sweetdate } from "./envelope.ts";
import { CalendarPath, EventBody, EventPath } from "./input.ts";
import { EventListQuery, ScopeQuery } from "./queries.ts";
import { eventJson, serializeEvent } from "./serialize.ts";
import { cachedJson } from "../json-text.ts";
import { answer, done, ETAG, EventCreateInput, IF_MATCH, LOCATION } from "./doc.ts";
import * as ex from "../openapi/sweetdate-examples.ts";
import * as wire from "./schemas.ts";

/** The calendar of a collection route: members only (others get 404). */
export async function calendarOf(ctx: { params: { calendar_id: string }; caller: Caller }) {
  return getCalendar({ uuid: ctx.params.calendar_id }, ctx.caller.user.id);
}

/** The calendar of an event route: the event's own access rules decide who reaches it. */
async function eventCalendarOf(ctx: { params: { calendar_id: string }; caller: Caller }) {
  return calendarForEvents(ctx.params.calendar_id, ctx.caller.user.id);
}

/** The event (or occurrence) a path names, in its calendar. */
export async function eventRefOf(ctx: { params: z.output<typeof EventPath>; caller: Caller }) {
  const calendar = await eventCalendarOf(ctx);
  return { ...ctx.params.id, calendarId: calendar.id };
}

const PAGES_KEPT = 8;

async function list(ctx: { caller: Caller; query: z.output<typeof EventListQuery> }, calendar: CalendarRecord | undefined) {
  const { query } = ctx;
  const viewer = await loadViewer(ctx.caller.user.id);
  if (query.sync_token !== undefined) {
    if (!calendar) throw invalid({ sync_token: ["sync is per calendar: use /api/v1/calendars/:calendar_id/events"] });
    const mixed = (["from", "to", "q"] as const).filter((name) => query[name] !== undefined);
    if (mixed.length) throw invalid(Object.fromEntries(mixed.map((name) => [name, ["cannot be combined with sync_token"]])));
    const page = await syncCalendar(viewer, calendar, query.sync_token, { limit: query.limit, offset: query.offset });
    const meta = { limit: query.limit, offset: query.offset, total: page.total, ...(page.nextToken ? { next_sync_token: page.nextToken } : {}) };
    return ok({ events: page.items.map(syncJson), meta });
  }
  const calendarId = calendar?.id;
  const { items, total, shared } = await listEvents({ viewer, calendarId, q: query.q, window: query.window, limit: query.limit, offset: query.offset });
  // A window the read cache keeps is answered page by page from JSON kept beside it: the same page
  // of an unchanged window is one ready text, not a hundred events to look up and splice.
  // (At most PAGES_KEPT pages a window: offsets and limits are the client's to choose.)
  const events = shared ? cachedJson(shared, `sweetdate:${query.offset}:${query.limit}`, () => items.map(eventJson), PAGES_KEPT) : items.map(eventJson);
  return ok({ events, meta: { limit: query.limit, offset: query.offset, total } });
}

// GET /api/v1/calendars/:calendar_id/events – list (paged; with from/to: occurrences in the window)
export const listCalendarEvents = route(sweetdate, {
  params: CalendarPath, query: EventListQuery,
  doc: {
    method: "GET", path: "/api/v1/calendars/{calendar_id}/events", operationId: "listCalendarEvents", group: "Events",
    summary: "List events",
    description: "Without a window: stored events (a series once) by `starts_at`, then `id`, paged. With `from` and `to`: the occurrences overlapping the window, recurring events expanded; an occurrence has `id = <series uuid>_<original start>`, `recurring_event_id` and `original_starts_at`.",
    responses: { 200: answer(z.union([wire.EventsEnvelope, wire.SyncEnvelope]), { status: "ok", events: [ex.event, ex.occurrence], meta: ex.meta(2) }, "OK (with sync_token: a SyncEnvelope)") },
    errors: [404, 410, 422],
  },
}, async (ctx) => list(ctx, await calendarOf(ctx)));

function syncJson(item: SyncItem) {
  if (item.kind === "deleted") return { id: item.key, deleted: true as const };
  return { ...serializeEvent(item.visible), exdates: item.exdates.map(formatInstant) };
}

// GET /api/v1/events – every event the caller may see, across calendars (web app extension)
export const listAllEvents = route(sweetdate, {
  query: EventListQuery,
  doc: {
    method: "GET", path: "/api/v1/events", operationId: "listAllEvents", group: "Events",
    summary: "List events across calendars",
    description: "Every event the caller may see, in every calendar (what the web app's views use); same parameters as the per-calendar list.",
    responses: { 200: answer(wire.EventsEnvelope, { status: "ok", events: [ex.event], meta: ex.meta(1) }) },
    errors: [422],
  },
}, async (ctx) => list(ctx, undefined));

// POST /api/v1/calendars/:calendar_id/events – create (201 + Location)
export const createCalendarEvent = route(sweetdate, {
  params: CalendarPath, body: { schema: EventBody, readOnly: wire.READ_ONLY_EVENT_FIELDS },
  doc: {
    method: "POST", path: "/api/v1/calendars/{calendar_id}/events", operationId: "createCalendarEvent", group: "Events",
    summary: "Create an event",
    description: "`title`, `starts_at` and `ends_at` are required. All-day events may send dates (`2025-08-21`). Unknown fields are a 422; read-only fields are ignored. Needs the `member` role or above.",
    body: { schema: EventCreateInput, example: ex.eventInput },
    responses: { 201: answer(wire.EventEnvelope, { status: "ok", event: ex.event }, "Created", { ...LOCATION, ...ETAG }) },
    errors: [403, 404],
  },
}, async (ctx) => {
  const calendar = await calendarOf(ctx);
  const created = await createEvent(await loadViewer(ctx.caller.user.id), calendar, ctx.input, "scheduled");
  const event = serializeEvent(created);
  return ok({ event }, 201, { location: `${ctx.url.origin}/api/v1/calendars/${calendar.uuid}/events/${event.id}`, etag: `"${event.sequence}"` });
});

function ifMatch(req: Request): number | undefined {
  const header = req.headers.get("if-match");
  if (header === null || header.trim() === "*") return undefined;
  const match = /^(?:W\/)?"?(\d+)"?$/.exec(header.trim());
  if (!match) throw new AppError("PRECONDITION_FAILED", "If-Match must be the event's ETag, e.g. \"3\"");
  return Number(match[1]);
}

// GET /api/v1/calendars/:calendar_id/events/:id – one event or occurrence
export const getCalendarEvent = route(sweetdate, {
  params: EventPath,
  doc: {
    method: "GET", path: "/api/v1/calendars/{calendar_id}/events/{id}", operationId: "getCalendarEvent", group: "Events",
    summary: "Get an event or occurrence",
    responses: { 200: answer(wire.EventEnvelope, { status: "ok", event: ex.event }, "OK", ETAG) },
    errors: [404],
  },
}, async (ctx) => {
  const { visible } = await resolveEvent(await eventRefOf(ctx), await loadViewer(ctx.caller.user.id));
  const event = serializeEvent(visible);
  return ok({ event }, 200, { etag: `"${event.sequence}"` });
});

// PUT /api/v1/calendars/:calendar_id/events/:id – partial update (?scope=this|following|all)
export const updateCalendarEvent = route(sweetdate, {
  params: EventPath, query: ScopeQuery, body: { schema: EventBody, readOnly: wire.READ_ONLY_EVENT_FIELDS },
  doc: {
    method: "PUT", path: "/api/v1/calendars/{calendar_id}/events/{id}", operationId: "updateCalendarEvent", group: "Events",
    summary: "Update an event (partial)",
    description: "Only the fields present change. For a recurring event, `scope` says which occurrences.",
    requestHeaders: IF_MATCH, body: { example: ex.eventUpdate },
    responses: { 200: answer(wire.EventEnvelope, { status: "ok", event: ex.updatedEvent }, "OK", ETAG) },
    errors: [403, 404, 409, 412],
  },
}, async (ctx) => {
  const ref = await eventRefOf(ctx);
  const updated = await updateEvent(ref, await loadViewer(ctx.caller.user.id), ctx.input, ctx.query.scope, ifMatch(ctx.req));
  const event = serializeEvent(updated);
  return ok({ event }, 200, { etag: `"${event.sequence}"` });
});

// DELETE /api/v1/calendars/:calendar_id/events/:id – delete (?scope=this|following|all)
export const deleteCalendarEvent = route(sweetdate, {
  params: EventPath, query: ScopeQuery,
  doc: {
    method: "DELETE", path: "/api/v1/calendars/{calendar_id}/events/{id}", operationId: "deleteCalendarEvent", group: "Events",
    summary: "Delete an event",
    requestHeaders: IF_MATCH,
    responses: { 200: done },
    errors: [403, 404, 409, 412, 422],
  },
}, async (ctx) => {
  await deleteEvent(await eventRefOf(ctx), await loadViewer(ctx.caller.user.id), ctx.query.scope, ifMatch(ctx.req));
  return ok({});
});
