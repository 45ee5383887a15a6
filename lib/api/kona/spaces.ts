// Kona spaces (= calendars, integer ids): /api/spaces[/:id]
import * as service from "../../services/manage-calendars.ts";
import { route, type Context } from "../route.ts";
import { parseOr422 } from "../validation.ts";
import { inKona, kona, noContent, pageHeaders, publicUrl, unwrap, wrapped } from "./envelope.ts";
import { pathId } from "./input.ts";
import { PageQuery } from "./queries.ts";
import { READ_ONLY_SPACE_FIELDS, SpaceInput } from "./schemas.ts";
import { serializeSpace } from "./serialize.ts";

const core = inKona({ calendar: "space" });

type Params = { id: string };

const key = (ctx: Context<Params>) => ({ id: pathId(ctx.params.id) });

function toInput(body: unknown): service.CalendarInput {
  const object = { ...unwrap(body, "spaces", "space") };
  for (const field of READ_ONLY_SPACE_FIELDS) delete object[field];
  const raw = parseOr422(SpaceInput, object);
  return {
    ...(raw.name !== undefined ? { name: raw.name } : {}),
    ...(raw.description !== undefined ? { description: raw.description } : {}),
    ...(raw.color !== undefined ? { color: raw.color } : {}),
    ...(raw.time_zone !== undefined ? { timeZone: raw.time_zone } : {}),
    ...(raw.default_reminders !== undefined ? { defaultReminders: raw.default_reminders.map((r) => r.minutes_before) } : {}),
  };
}

// GET /api/spaces – the caller's spaces, paged
export const listSpaces = route(kona, { query: PageQuery }, async (ctx) => {
  const { page } = ctx.query;
  const { calendars, total } = await core(service.listCalendars(ctx.caller.user.id, page));
  const url = publicUrl(ctx.req);
  return wrapped("spaces", calendars.map((c) => serializeSpace(c, url.origin)), 200, pageHeaders(url, page, total));
});

// POST /api/spaces – create (201 + Location); the caller becomes its owner
export const createSpace = route(kona, async (ctx) => {
  const space = serializeSpace(await core(service.createCalendar(ctx.caller.user.id, toInput(await ctx.body()), ctx.caller.user.timeZone)), publicUrl(ctx.req).origin);
  return wrapped("spaces", [space], 201, { location: space.href });
});

// GET /api/spaces/:id
export const getSpace = route<Params>(kona, async (ctx) => wrapped("spaces", [serializeSpace(await core(service.getCalendar(key(ctx), ctx.caller.user.id)), publicUrl(ctx.req).origin)]));

// PUT /api/spaces/:id – partial update (owners and admins), full resource back
export const updateSpace = route<Params>(kona, async (ctx) => {
  const calendar = await core(service.updateCalendar(key(ctx), ctx.caller.user.id, toInput(await ctx.body())));
  return wrapped("spaces", [serializeSpace(calendar, publicUrl(ctx.req).origin)]);
});

// DELETE /api/spaces/:id – delete with its events (owners); 204
export const deleteSpace = route<Params>(kona, async (ctx) => {
  await core(service.deleteCalendar(key(ctx), ctx.caller.user.id));
  return noContent();
});
