// Kona calendar events: /api/calendar_events[/:id], also answered under /api/v1/calendar_events.
import { DEFAULT_STATUS, roleAtLeast } from "../../domain/enums.ts";
import { AppError, invalid, type FieldErrors } from "../../domain/errors.ts";
import { monthWindow } from "../../domain/time.ts";
import type { Viewer } from "../../domain/types.ts";
import { createEvent } from "../../services/create-event.ts";
import { deleteEvent } from "../../services/delete-event.ts";
import { resolveEvent, type EventRef } from "../../services/get-event.ts";
import { listEvents } from "../../services/list-events.ts";
import { syncCalendar, type SyncItem } from "../../services/sync.ts";
import { getCalendar } from "../../services/manage-calendars.ts";
import { updateEvent } from "../../services/update-event.ts";
import { resolveWritable } from "../../services/write-guard.ts";
import { loadViewer } from "../../services/viewer.ts";
import type { Caller } from "../auth.ts";
import { parseQuery, route } from "../route.ts";
import { apiBase, konaResource, noContent, pageHeaders, publicUrl, wrapped } from "./envelope.ts";
import { eventChange, IdPath, parseId } from "./input.ts";
import { ChangeQuery, EventListQuery, OccurrenceQuery, PageQuery, type Page } from "./queries.ts";
import * as ex from "../openapi/kona-examples.ts";
import { deleted, EventListDocQuery, listed, ListedOrSynced, LOCATION, PAGING, WrappedEventInput } from "./doc.ts";
import * as wire from "./schemas.ts";
import { serializeEvent } from "./serialize.ts";

/** Kona events: bodies wrap one calendar_event; errors from the core name Kona's fields. */
const konaEvents = konaResource("calendar_events", "calendar_event", { title: "name", description: "details", starts_at: "start_at", ends_at: "end_at", calendar_id: "space_id" });
const EventBody = { schema: wire.CalendarEventInput, readOnly: wire.READ_ONLY_EVENT_FIELDS };

/** `num_in_series` picks one occurrence of a series. */
function eventRef(id: number, numInSeries: number | undefined): EventRef {
  return numInSeries === undefined ? { id } : { id, numInSeries };
}

/** space_id may be left out when the caller can create events in exactly one space. */
async function targetSpace(viewer: Viewer, spaceId: number | undefined, userId: number) {
  if (spaceId === undefined) {
    const writable = [...viewer.roles].filter(([, role]) => roleAtLeast(role, "member")).map(([id]) => id);
    if (writable.length !== 1) throw invalid({ space_id: [`can't be blank (you may add events to ${writable.length} spaces; say which)`] });
    spaceId = writable[0]!;
  }
  try {
    return await getCalendar({ id: spaceId }, userId);
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") throw invalid({ space_id: ["does not exist or you are not a member of it"] });
    throw error;
  }
}

const one = (ctx: { req: Request }, visible: Parameters<typeof serializeEvent>[0]) => [serializeEvent(visible, apiBase(publicUrl(ctx.req)))];

// GET /api/calendar_events – visible events overlapping the current month (or date_range_start/_end), paged
export const listCalendarEvents = route(konaEvents, {
  query: PageQuery,
  doc: {
    method: "GET", path: "/api/calendar_events", operationId: "konaListCalendarEvents", group: "Calendar events",
    summary: "List calendar events",
    description: "Your visible, non-deleted events overlapping the current month in your time zone, or the date_range window; recurring events are expanded (a plain occurrence carries the series' `id` and its `num_in_series`). Paging is always in effect.",
    query: EventListDocQuery,
    responses: {
      200: {
        description: "OK (with sync_token: KonaSyncEvents, the next token in X-Sync-Token on the last page)",
        schema: ListedOrSynced,
        example: listed([ex.event, ex.occurrence]),
        headers: { ...PAGING, "X-Sync-Token": { description: "With sync_token, on the last page of a round: the token for the next round" } },
      },
    },
    errors: [410, 422],
  },
}, async (ctx) => {
  const { page } = ctx.query;
  if (ctx.url.searchParams.has("sync_token")) return sync(ctx, page);
  const query = parseQuery(konaEvents, EventListQuery, ctx.url);
  const window = query.window ?? monthWindow(new Date(), ctx.caller.user.timeZone);
  const viewer = await loadViewer(ctx.caller.user.id);
  const { items, total } = await listEvents({ viewer, calendarId: query.space_id, window, ...(query.order_by ? { orderBy: query.order_by } : {}), limit: page.limit, offset: page.offset });
  const url = publicUrl(ctx.req);
  const base = apiBase(url);
  return wrapped("calendar_events", items.map((item) => serializeEvent(item, base)), 200, pageHeaders(url, page, total));
});

/** `?sync_token=&space_id=N` (SPEC §11): what changed in the space since the token, the next token in X-Sync-Token. */
async function sync(ctx: { req: Request; url: URL; caller: Caller }, page: Page) {
  const params = ctx.url.searchParams;
  const fields: FieldErrors = {};
  for (const name of ["date_range_start", "date_range_end", "order_by", "q"]) if (params.has(name)) fields[name] = ["cannot be combined with sync_token"];
  const spaceId = params.has("space_id") ? parseId(params.get("space_id")!) : null;
  if (spaceId === null) fields.space_id = ["is required with sync_token (sync is per space) and must be an integer id"];
  if (Object.keys(fields).length) throw invalid(fields);
  const viewer = await loadViewer(ctx.caller.user.id);
  const space = await getCalendar({ id: spaceId! }, ctx.caller.user.id);
  const result = await syncCalendar(viewer, space, params.get("sync_token")!, { limit: page.limit, offset: page.offset }, { formerKeys: false });
  const url = publicUrl(ctx.req);
  const base = apiBase(url);
  const item = (i: SyncItem) => (i.kind === "deleted" ? { id: i.eventId!, deleted: true as const } : { ...serializeEvent(i.visible, base), exdates: i.exdates.map((d) => d.getTime()) });
  return wrapped("calendar_events", result.items.map(item), 200, { ...pageHeaders(url, page, result.total), ...(result.nextToken ? { "x-sync-token": result.nextToken } : {}) });
}

// POST /api/calendar_events – create (201 + Location); start_at/end_at default to now / start_at
export const createCalendarEvent = route(konaEvents, {
  body: EventBody,
  doc: {
    method: "POST", path: "/api/calendar_events", operationId: "konaCreateCalendarEvent", group: "Calendar events",
    summary: "Create a calendar event",
    description: "`start_at` defaults to now and `end_at` to `start_at`; `space_id` may be left out when you can add events to exactly one space. To create an event for everyone, set `stakeholder` to 2.",
    body: { schema: WrappedEventInput, example: ex.eventInput },
    responses: { 201: { description: "Created", schema: wire.CalendarEvents, example: listed([ex.event]), headers: LOCATION } },
    errors: [403, 404],
  },
}, async (ctx) => {
  const { input, spaceId } = eventChange(ctx.input);
  const viewer = await loadViewer(ctx.caller.user.id);
  const space = await targetSpace(viewer, spaceId, ctx.caller.user.id);
  input.startsAt ??= new Date();
  input.endsAt ??= input.startsAt;
  const created = await createEvent(viewer, space, input, DEFAULT_STATUS.kona);
  const [event] = one(ctx, created);
  return wrapped("calendar_events", [event], 201, { location: event!.href });
});

// GET /api/calendar_events/:id[?num_in_series=N] – one event, or occurrence N of a series
export const getCalendarEvent = route(konaEvents, {
  params: IdPath, query: OccurrenceQuery,
  doc: {
    method: "GET", path: "/api/calendar_events/{id}", operationId: "konaGetCalendarEvent", group: "Calendar events",
    summary: "Get a calendar event (or occurrence N)", responses: { 200: { description: "OK", schema: wire.CalendarEvents, example: listed([ex.event]) } },
    errors: [404],
  },
}, async (ctx) => {
  const { visible } = await resolveEvent(eventRef(ctx.params.id, ctx.query.num_in_series), await loadViewer(ctx.caller.user.id));
  return wrapped("calendar_events", one(ctx, visible));
});

// PUT /api/calendar_events/:id[?num_in_series=N&apply_to=this|following|all] – partial update, full resource back
export const updateCalendarEvent = route(konaEvents, {
  params: IdPath, query: ChangeQuery, body: EventBody,
  doc: {
    method: "PUT", path: "/api/calendar_events/{id}", operationId: "konaUpdateCalendarEvent", group: "Calendar events",
    summary: "Update a calendar event (patch)", description: "Only attributes in the payload change; answers with the full resource.",
    body: { schema: WrappedEventInput, example: ex.eventUpdate },
    responses: { 200: { description: "OK", schema: wire.CalendarEvents, example: listed([{ ...ex.event, location: "Room B", status: 2 }]) } },
    errors: [403, 404, 409],
  },
}, async (ctx) => {
  const ref = eventRef(ctx.params.id, ctx.query.num_in_series);
  const viewer = await loadViewer(ctx.caller.user.id);
  const { stored } = await resolveWritable(ref, viewer);
  const { input } = eventChange(ctx.input, stored);
  const updated = await updateEvent(ref, viewer, input, ctx.query.apply_to);
  return wrapped("calendar_events", one(ctx, updated));
});

// DELETE /api/calendar_events/:id[?num_in_series=N&apply_to=…] – 204
export const deleteCalendarEvent = route(konaEvents, {
  params: IdPath, query: ChangeQuery,
  doc: {
    method: "DELETE", path: "/api/calendar_events/{id}", operationId: "konaDeleteCalendarEvent", group: "Calendar events",
    summary: "Delete a calendar event", responses: { 204: deleted },
    errors: [400, 403, 404, 409],
  },
}, async (ctx) => {
  const ref = eventRef(ctx.params.id, ctx.query.num_in_series);
  await deleteEvent(ref, await loadViewer(ctx.caller.user.id), ctx.query.apply_to);
  return noContent();
});
