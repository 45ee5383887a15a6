// SweetDate events: /api/v1/calendars/:calendar_id/events[/:id] and the cross-calendar /api/v1/events.
import { AppError, invalid, notFound } from "../../domain/errors.ts";
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
import type { z } from "zod";
import { route, type Context } from "../route.ts";
import { ok, sweetdate } from "./envelope.ts";
import { isUuid, parseEventId, toEventInput } from "./input.ts";
import { EventListQuery, ScopeQuery } from "./queries.ts";
import { eventJson, serializeEvent } from "./serialize.ts";

type CalendarParams = { calendar_id: string };
type EventParams = CalendarParams & { id: string };

/** The calendar of a collection route: members only (others get 404). */
export async function calendarOf(ctx: Context<CalendarParams>) {
  if (!isUuid(ctx.params.calendar_id)) throw notFound("calendar not found");
  return getCalendar({ uuid: ctx.params.calendar_id.toLowerCase() }, ctx.caller.user.id);
}

/** The calendar of an event route: the event's own access rules decide who reaches it. */
export async function eventCalendarOf(ctx: Context<CalendarParams>) {
  if (!isUuid(ctx.params.calendar_id)) throw notFound();
  return calendarForEvents(ctx.params.calendar_id.toLowerCase(), ctx.caller.user.id);
}

async function list(ctx: Context<unknown> & { query: z.output<typeof EventListQuery> }, calendar: CalendarRecord | undefined) {
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
  const { items, total } = await listEvents({ viewer, calendarId, q: query.q, window: query.window, limit: query.limit, offset: query.offset });
  return ok({ events: items.map(eventJson), meta: { limit: query.limit, offset: query.offset, total } });
}

// GET /api/v1/calendars/:calendar_id/events – list (paged; with from/to: occurrences in the window)
export const listCalendarEvents = route<CalendarParams, typeof EventListQuery>(sweetdate, { query: EventListQuery }, async (ctx) => list(ctx, await calendarOf(ctx)));

function syncJson(item: SyncItem) {
  if (item.kind === "deleted") return { id: item.key, deleted: true as const };
  return { ...serializeEvent(item.visible), exdates: item.exdates.map(formatInstant) };
}

// GET /api/v1/events – every event the caller may see, across calendars (web app extension)
export const listAllEvents = route(sweetdate, { query: EventListQuery }, async (ctx) => list(ctx, undefined));

// POST /api/v1/calendars/:calendar_id/events – create (201 + Location)
export const createCalendarEvent = route<CalendarParams>(sweetdate, async (ctx) => {
  const calendar = await calendarOf(ctx);
  const input = await toEventInput(await ctx.body());
  const created = await createEvent(await loadViewer(ctx.caller.user.id), calendar, input, "scheduled");
  const event = serializeEvent(created);
  return ok({ event }, 201, { location: `${ctx.url.origin}/api/v1/calendars/${calendar.uuid}/events/${event.id}`, etag: `"${event.sequence}"` });
});

function eventRef(ctx: Context<EventParams>, calendarId: number) {
  const ref = parseEventId(ctx.params.id);
  if (!ref) throw notFound();
  return { ...ref, calendarId };
}

function ifMatch(req: Request): number | undefined {
  const header = req.headers.get("if-match");
  if (header === null || header.trim() === "*") return undefined;
  const match = /^(?:W\/)?"?(\d+)"?$/.exec(header.trim());
  if (!match) throw new AppError("PRECONDITION_FAILED", "If-Match must be the event's ETag, e.g. \"3\"");
  return Number(match[1]);
}

// GET /api/v1/calendars/:calendar_id/events/:id – one event or occurrence
export const getCalendarEvent = route<EventParams>(sweetdate, async (ctx) => {
  const calendar = await eventCalendarOf(ctx);
  const { visible } = await resolveEvent(eventRef(ctx, calendar.id), await loadViewer(ctx.caller.user.id));
  const event = serializeEvent(visible);
  return ok({ event }, 200, { etag: `"${event.sequence}"` });
});

// PUT /api/v1/calendars/:calendar_id/events/:id – partial update (?scope=this|following|all)
export const updateCalendarEvent = route<EventParams, typeof ScopeQuery>(sweetdate, { query: ScopeQuery }, async (ctx) => {
  const calendar = await eventCalendarOf(ctx);
  const ref = eventRef(ctx, calendar.id);
  const { scope } = ctx.query;
  const input = await toEventInput(await ctx.body());
  const updated = await updateEvent(ref, await loadViewer(ctx.caller.user.id), input, scope, ifMatch(ctx.req));
  const event = serializeEvent(updated);
  return ok({ event }, 200, { etag: `"${event.sequence}"` });
});

// DELETE /api/v1/calendars/:calendar_id/events/:id – delete (?scope=this|following|all)
export const deleteCalendarEvent = route<EventParams, typeof ScopeQuery>(sweetdate, { query: ScopeQuery }, async (ctx) => {
  const calendar = await eventCalendarOf(ctx);
  await deleteEvent(eventRef(ctx, calendar.id), await loadViewer(ctx.caller.user.id), ctx.query.scope, ifMatch(ctx.req));
  return ok({});
});
