// Kona spaces (= calendars, integer ids): /api/spaces[/:id]
import * as service from "../../services/manage-calendars.ts";
import { route, type Context } from "../route.ts";
import { parseOr422 } from "../validation.ts";
import { konaDialect, noContent, pageHeaders, pageOf, unwrap, wrapped } from "./envelope.ts";
import { pathId } from "./input.ts";
import { READ_ONLY_SPACE_FIELDS, SpaceInput } from "./schemas.ts";
import { serializeSpace } from "./serialize.ts";

export const konaSpaces = konaDialect({ calendar: "space" });

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
  };
}

// GET /api/spaces – the caller's spaces, paged
export const listSpaces = route(konaSpaces, async (ctx) => {
  const page = pageOf(ctx.url);
  const { calendars, total } = await service.listCalendars(ctx.caller.user.id, page);
  return wrapped("spaces", calendars.map((c) => serializeSpace(c, ctx.url.origin)), 200, pageHeaders(ctx.url, page, total));
});

// POST /api/spaces – create (201 + Location); the caller becomes its owner
export const createSpace = route(konaSpaces, async (ctx) => {
  const space = serializeSpace(await service.createCalendar(ctx.caller.user.id, toInput(await ctx.body()), ctx.caller.user.timeZone), ctx.url.origin);
  return wrapped("spaces", [space], 201, { location: space.href });
});

// GET /api/spaces/:id
export const getSpace = route<Params>(konaSpaces, async (ctx) => wrapped("spaces", [serializeSpace(await service.getCalendar(key(ctx), ctx.caller.user.id), ctx.url.origin)]));

// PUT /api/spaces/:id – partial update (owners and admins), full resource back
export const updateSpace = route<Params>(konaSpaces, async (ctx) => {
  const calendar = await service.updateCalendar(key(ctx), ctx.caller.user.id, toInput(await ctx.body()));
  return wrapped("spaces", [serializeSpace(calendar, ctx.url.origin)]);
});

// DELETE /api/spaces/:id – delete with its events (owners); 204
export const deleteSpace = route<Params>(konaSpaces, async (ctx) => {
  await service.deleteCalendar(key(ctx), ctx.caller.user.id);
  return noContent();
});
