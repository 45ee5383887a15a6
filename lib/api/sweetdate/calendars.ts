// SweetDate calendars: /api/v1/calendars[/:id]
import { invalid } from "../../domain/errors.ts";
import { createSubscription } from "../../services/subscriptions.ts";
import * as service from "../../services/manage-calendars.ts";
import { route } from "../route.ts";
import { ok, sweetdate } from "./envelope.ts";
import { CalendarBody, CalendarPath } from "./input.ts";
import { PageQuery } from "./queries.ts";
import { READ_ONLY_CALENDAR_FIELDS } from "./schemas.ts";
import { serializeCalendar } from "./serialize.ts";

const key = (ctx: { params: { calendar_id: string } }) => ({ uuid: ctx.params.calendar_id });

// GET /api/v1/calendars – the caller's calendars
export const listCalendars = route(sweetdate, { query: PageQuery }, async (ctx) => {
  const p = ctx.query;
  const { calendars, total } = await service.listCalendars(ctx.caller.user.id, p);
  return ok({ calendars: calendars.map(serializeCalendar), meta: { ...p, total } });
});

// POST /api/v1/calendars – create; the caller becomes its owner
export const createCalendar = route(sweetdate, { body: { schema: CalendarBody, readOnly: READ_ONLY_CALENDAR_FIELDS } }, async (ctx) => {
  const { sourceUrl, ...input } = ctx.input;
  const calendar =
    sourceUrl !== undefined
      ? await createSubscription(ctx.caller.user.id, { ...input, sourceUrl }, ctx.caller.user.timeZone)
      : await service.createCalendar(ctx.caller.user.id, input, ctx.caller.user.timeZone);
  return ok({ calendar: serializeCalendar(calendar) }, 201, { location: `${ctx.url.origin}/api/v1/calendars/${calendar.uuid}` });
});

// GET /api/v1/calendars/:id
export const getCalendar = route(sweetdate, { params: CalendarPath }, async (ctx) => ok({ calendar: serializeCalendar(await service.getCalendar(key(ctx), ctx.caller.user.id)) }));

// PUT /api/v1/calendars/:id – partial update (owners and admins)
export const updateCalendar = route(sweetdate, { params: CalendarPath, body: { schema: CalendarBody, readOnly: READ_ONLY_CALENDAR_FIELDS } }, async (ctx) => {
  const { sourceUrl, ...input } = ctx.input;
  if (sourceUrl !== undefined) throw invalid({ source_url: ["can only be given when the calendar is created"] });
  const calendar = await service.updateCalendar(key(ctx), ctx.caller.user.id, input);
  return ok({ calendar: serializeCalendar(calendar) });
});

// DELETE /api/v1/calendars/:id – delete with its events (owners)
export const deleteCalendar = route(sweetdate, { params: CalendarPath }, async (ctx) => {
  await service.deleteCalendar(key(ctx), ctx.caller.user.id);
  return ok({});
});
