// SweetDate calendars: /api/v1/calendars[/:id]
import { invalid } from "../../domain/errors.ts";
import { createSubscription } from "../../services/subscriptions.ts";
import * as service from "../../services/manage-calendars.ts";
import { route } from "../route.ts";
import { ok, sweetdate } from "./envelope.ts";
import { CalendarBody, CalendarPath } from "./input.ts";
import { PageQuery } from "./queries.ts";
import { serializeCalendar } from "./serialize.ts";
import { answer, CalendarCreateInput, done, LOCATION } from "./doc.ts";
import * as ex from "../openapi/sweetdate-examples.ts";
import * as wire from "./schemas.ts";

const key = (ctx: { params: { calendar_id: string } }) => ({ uuid: ctx.params.calendar_id });

// GET /api/v1/calendars – the caller's calendars
export const listCalendars = route(sweetdate, {
  query: PageQuery,
  doc: {
    method: "GET", path: "/api/v1/calendars", operationId: "listCalendars", group: "Calendars",
    summary: "List your calendars", responses: { 200: answer(wire.CalendarsEnvelope, { status: "ok", calendars: [ex.calendar], meta: ex.meta(1) }) },
    errors: [422],
  },
}, async (ctx) => {
  const p = ctx.query;
  const { calendars, total } = await service.listCalendars(ctx.caller.user.id, p);
  return ok({ calendars: calendars.map(serializeCalendar), meta: { ...p, total } });
});

// POST /api/v1/calendars – create; the caller becomes its owner
export const createCalendar = route(sweetdate, {
  body: { schema: CalendarBody, readOnly: wire.READ_ONLY_CALENDAR_FIELDS },
  doc: {
    method: "POST", path: "/api/v1/calendars", operationId: "createCalendar", group: "Calendars",
    summary: "Create a calendar", description: "You become its owner. `name` is required; `time_zone` defaults to yours. With `source_url` (http/https iCalendar URL) the calendar is a **subscription**: read-only (writes → 403 `READ_ONLY`), fetched once before this answers and then refreshed by the server (ETag / If-Modified-Since, the feed's REFRESH-INTERVAL, default hourly); its events carry `ics_feed_id`. Private, loopback and link-local addresses are refused (422).",
    body: { schema: CalendarCreateInput, example: { name: "Engineering", color: "#3b82f6", time_zone: "Europe/London" } },
    responses: { 201: answer(wire.CalendarEnvelope, { status: "ok", calendar: ex.calendar }, "Created", LOCATION) },
  },
}, async (ctx) => {
  const { sourceUrl, ...input } = ctx.input;
  const calendar =
    sourceUrl !== undefined
      ? await createSubscription(ctx.caller.user.id, { ...input, sourceUrl }, ctx.caller.user.timeZone)
      : await service.createCalendar(ctx.caller.user.id, input, ctx.caller.user.timeZone);
  return ok({ calendar: serializeCalendar(calendar) }, 201, { location: `${ctx.url.origin}/api/v1/calendars/${calendar.uuid}` });
});

// GET /api/v1/calendars/:id
export const getCalendar = route(sweetdate, {
  params: CalendarPath,
  doc: {
    method: "GET", path: "/api/v1/calendars/{calendar_id}", operationId: "getCalendar", group: "Calendars",
    summary: "Get a calendar", responses: { 200: answer(wire.CalendarEnvelope, { status: "ok", calendar: ex.calendar }) },
    errors: [404],
  },
}, async (ctx) => ok({ calendar: serializeCalendar(await service.getCalendar(key(ctx), ctx.caller.user.id)) }));

// PUT /api/v1/calendars/:id – partial update (owners and admins)
export const updateCalendar = route(sweetdate, {
  params: CalendarPath, body: { schema: CalendarBody, readOnly: wire.READ_ONLY_CALENDAR_FIELDS },
  doc: {
    method: "PUT", path: "/api/v1/calendars/{calendar_id}", operationId: "updateCalendar", group: "Calendars",
    summary: "Update a calendar (partial)", description: "Owners and admins.",
    body: { example: { color: "#10b981" } },
    responses: { 200: answer(wire.CalendarEnvelope, { status: "ok", calendar: { ...ex.calendar, color: "#10b981" } }) },
    errors: [403, 404],
  },
}, async (ctx) => {
  const { sourceUrl, ...input } = ctx.input;
  if (sourceUrl !== undefined) throw invalid({ source_url: ["can only be given when the calendar is created"] });
  const calendar = await service.updateCalendar(key(ctx), ctx.caller.user.id, input);
  return ok({ calendar: serializeCalendar(calendar) });
});

// DELETE /api/v1/calendars/:id – delete with its events (owners)
export const deleteCalendar = route(sweetdate, {
  params: CalendarPath,
  doc: {
    method: "DELETE", path: "/api/v1/calendars/{calendar_id}", operationId: "deleteCalendar", group: "Calendars",
    summary: "Delete a calendar with its events", description: "Owners only.", responses: { 200: done },
    errors: [403, 404],
  },
}, async (ctx) => {
  await service.deleteCalendar(key(ctx), ctx.caller.user.id);
  return ok({});
});
