// Kona spaces (= calendars, integer ids): /api/spaces[/:id]
import * as service from "../../services/manage-calendars.ts";
import { route } from "../route.ts";
import { konaResource, noContent, pageHeaders, publicUrl, wrapped } from "./envelope.ts";
import { IdPath } from "./input.ts";
import { PageQuery } from "./queries.ts";
import { serializeSpace } from "./serialize.ts";
import { deleted, LOCATION, PAGING, WrappedSpaceInput } from "./doc.ts";
import * as ex from "../openapi/kona-examples.ts";
import * as wire from "./schemas.ts";

const key = (ctx: { params: { id: number } }) => ({ id: ctx.params.id });

/** A space body → the core's CalendarInput. */
const SpaceBody = {
  schema: wire.SpaceInput.transform(
    (raw): service.CalendarInput => ({
      ...(raw.name !== undefined ? { name: raw.name } : {}),
      ...(raw.description !== undefined ? { description: raw.description } : {}),
      ...(raw.color !== undefined ? { color: raw.color } : {}),
      ...(raw.time_zone !== undefined ? { timeZone: raw.time_zone } : {}),
      ...(raw.default_reminders !== undefined ? { defaultReminders: raw.default_reminders.map((r) => r.minutes_before) } : {}),
    }),
  ),
  readOnly: wire.READ_ONLY_SPACE_FIELDS,
};

const konaSpaces = konaResource("spaces", "space");

// GET /api/spaces – the caller's spaces, paged
export const listSpaces = route(konaSpaces, {
  query: PageQuery,
  doc: {
    method: "GET", path: "/api/spaces", operationId: "konaListSpaces", group: "Spaces",
    summary: "List your spaces", responses: { 200: { description: "OK", schema: wire.Spaces, example: { spaces: [ex.space] }, headers: PAGING } },
  },
}, async (ctx) => {
  const { page } = ctx.query;
  const { calendars, total } = await service.listCalendars(ctx.caller.user.id, page);
  const url = publicUrl(ctx.req);
  return wrapped("spaces", calendars.map((c) => serializeSpace(c, url.origin)), 200, pageHeaders(url, page, total));
});

// POST /api/spaces – create (201 + Location); the caller becomes its owner
export const createSpace = route(konaSpaces, {
  body: SpaceBody,
  doc: {
    method: "POST", path: "/api/spaces", operationId: "konaCreateSpace", group: "Spaces",
    summary: "Create a space", description: "You become its owner.",
    body: { schema: WrappedSpaceInput, example: { spaces: [{ name: "Engineering", color: "#3b82f6" }] } },
    responses: { 201: { description: "Created", schema: wire.Spaces, example: { spaces: [ex.space] }, headers: LOCATION } },
  },
}, async (ctx) => {
  const space = serializeSpace(await service.createCalendar(ctx.caller.user.id, ctx.input, ctx.caller.user.timeZone), publicUrl(ctx.req).origin);
  return wrapped("spaces", [space], 201, { location: space.href });
});

// GET /api/spaces/:id
export const getSpace = route(konaSpaces, {
  params: IdPath,
  doc: {
    method: "GET", path: "/api/spaces/{id}", operationId: "konaGetSpace", group: "Spaces",
    summary: "Get a space", responses: { 200: { description: "OK", schema: wire.Spaces, example: { spaces: [ex.space] } } },
    errors: [404],
  },
}, async (ctx) => wrapped("spaces", [serializeSpace(await service.getCalendar(key(ctx), ctx.caller.user.id), publicUrl(ctx.req).origin)]));

// PUT /api/spaces/:id – partial update (owners and admins), full resource back
export const updateSpace = route(konaSpaces, {
  params: IdPath, body: SpaceBody,
  doc: {
    method: "PUT", path: "/api/spaces/{id}", operationId: "konaUpdateSpace", group: "Spaces",
    summary: "Update a space (patch)", description: "Owners and admins; answers with the full resource.",
    body: { schema: WrappedSpaceInput, example: { spaces: [{ color: "#10b981" }] } },
    responses: { 200: { description: "OK", schema: wire.Spaces, example: { spaces: [{ ...ex.space, color: "#10b981" }] } } },
    errors: [403, 404],
  },
}, async (ctx) => {
  const calendar = await service.updateCalendar(key(ctx), ctx.caller.user.id, ctx.input);
  return wrapped("spaces", [serializeSpace(calendar, publicUrl(ctx.req).origin)]);
});

// DELETE /api/spaces/:id – delete with its events (owners); 204
export const deleteSpace = route(konaSpaces, {
  params: IdPath,
  doc: {
    method: "DELETE", path: "/api/spaces/{id}", operationId: "konaDeleteSpace", group: "Spaces",
    summary: "Delete a space with its events", description: "Owners only.", responses: { 204: deleted },
    errors: [403, 404],
  },
}, async (ctx) => {
  await service.deleteCalendar(key(ctx), ctx.caller.user.id);
  return noContent();
});
