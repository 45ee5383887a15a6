// SweetDate calendars: /api/v1/calendars[/:id]
import { invalid, notFound } from "../../domain/errors.ts";
import { createSubscription } from "../../services/subscriptions.ts";
import * as service from "../../services/manage-calendars.ts";
import { route, type Context } from "../route.ts";
import { ok, sweetdate } from "./envelope.ts";
import { isUuid, parseBodyObject } from "./input.ts";
import { PageQuery } from "./queries.ts";
import { CalendarInput, READ_ONLY_CALENDAR_FIELDS } from "./schemas.ts";
import { serializeCalendar } from "./serialize.ts";

type Params = { calendar_id: string };

function key(ctx: Context<Params>) {
  if (!isUuid(ctx.params.calendar_id)) throw notFound("calendar not found");
  return { uuid: ctx.params.calendar_id.toLowerCase() };
}

function toInput(body: unknown): service.CalendarInput & { sourceUrl?: string } {
  const raw = parseBodyObject(CalendarInput, body, READ_ONLY_CALENDAR_FIELDS);
  return {
    ...(raw.name !== undefined ? { name: raw.name } : {}),
    ...(raw.description !== undefined ? { description: raw.description } : {}),
    ...(raw.color !== undefined ? { color: raw.color } : {}),
    ...(raw.time_zone !== undefined ? { timeZone: raw.time_zone } : {}),
    ...(raw.source_url !== undefined ? { sourceUrl: raw.source_url } : {}),
    ...(raw.default_reminders !== undefined ? { defaultReminders: raw.default_reminders.map((r) => r.minutes_before) } : {}),
  };
}

// GET /api/v1/calendars – the caller's calendars
export const listCalendars = route(sweetdate, { query: PageQuery }, async (ctx) => {
  const p = ctx.query;
  const { calendars, total } = await service.listCalendars(ctx.caller.user.id, p);
  return ok({ calendars: calendars.map(serializeCalendar), meta: { ...p, total } });
});

// POST /api/v1/calendars – create; the caller becomes its owner
export const createCalendar = route(sweetdate, async (ctx) => {
  const { sourceUrl, ...input } = toInput(await ctx.body());
  const calendar =
    sourceUrl !== undefined
      ? await createSubscription(ctx.caller.user.id, { ...input, sourceUrl }, ctx.caller.user.timeZone)
      : await service.createCalendar(ctx.caller.user.id, input, ctx.caller.user.timeZone);
  return ok({ calendar: serializeCalendar(calendar) }, 201, { location: `${ctx.url.origin}/api/v1/calendars/${calendar.uuid}` });
});

// GET /api/v1/calendars/:id
export const getCalendar = route<Params>(sweetdate, async (ctx) => ok({ calendar: serializeCalendar(await service.getCalendar(key(ctx), ctx.caller.user.id)) }));

// PUT /api/v1/calendars/:id – partial update (owners and admins)
export const updateCalendar = route<Params>(sweetdate, async (ctx) => {
  const { sourceUrl, ...input } = toInput(await ctx.body());
  if (sourceUrl !== undefined) throw invalid({ source_url: ["can only be given when the calendar is created"] });
  const calendar = await service.updateCalendar(key(ctx), ctx.caller.user.id, input);
  return ok({ calendar: serializeCalendar(calendar) });
});

// DELETE /api/v1/calendars/:id – delete with its events (owners)
export const deleteCalendar = route<Params>(sweetdate, async (ctx) => {
  await service.deleteCalendar(key(ctx), ctx.caller.user.id);
  return ok({});
});
