// A calendar's trash: /api/v1/calendars/:calendar_id/trash[/:id/restore].
import { formatInstant } from "../../domain/time.ts";
import { listTrash, restoreFromTrash } from "../../services/trash/index.ts";
import { loadViewer } from "../../services/viewer.ts";
import { route } from "../route.ts";
import { ok, sweetdate } from "./envelope.ts";
import { CalendarPath, TrashPath } from "./input.ts";
import { PageQuery } from "./queries.ts";
import { serializeEvent } from "./serialize.ts";
import { answer } from "./doc.ts";
import * as ex from "../openapi/sweetdate-examples.ts";
import * as wire from "./schemas.ts";

// GET /api/v1/calendars/:calendar_id/trash – events deleted in the last 30 days that the caller may restore
export const listTrashed = route(sweetdate, {
  params: CalendarPath, query: PageQuery,
  doc: {
    method: "GET", path: "/api/v1/calendars/{calendar_id}/trash", operationId: "listTrash", group: "Trash",
    summary: "List deleted events",
    description: "Single events and series of this calendar deleted in the last 30 days that the caller may change (and so restore), newest deletion first, each with `deleted_at`. Occurrences deleted on their own (`scope=this`) are not listed; restore them by occurrence id.",
    responses: { 200: answer(wire.TrashEnvelope, { status: "ok", events: [{ ...ex.event, deleted_at: "2025-08-20T08:00:00Z" }], meta: ex.meta(1) }) },
    errors: [404, 422],
  },
}, async (ctx) => {
  const p = ctx.query;
  const { items, total } = await listTrash(ctx.params.calendar_id, await loadViewer(ctx.caller.user.id), p);
  return ok({ events: items.map((i) => ({ ...serializeEvent(i.visible), deleted_at: formatInstant(i.deletedAt) })), meta: { ...p, total } });
});

// POST /api/v1/calendars/:calendar_id/trash/:id/restore – put a deleted event (or occurrence) back
export const restoreTrashed = route(sweetdate, {
  params: TrashPath,
  doc: {
    method: "POST", path: "/api/v1/calendars/{calendar_id}/trash/{id}/restore", operationId: "restoreFromTrash", group: "Trash",
    summary: "Restore a deleted event",
    description: "An event or series id brings back the event (a series with the overrides deleted with it). An occurrence id `<series uuid>_<20250821T090000Z>` brings back one occurrence deleted with `scope=this` (its EXDATE goes; its own changes, if any, return). 404 when it is not in the trash or was deleted more than 30 days ago; 403 when you may see but not change it.",
    responses: { 200: answer(wire.EventEnvelope, { status: "ok", event: ex.event }) },
    errors: [403, 404],
  },
}, async (ctx) => {
  const restored = await restoreFromTrash(ctx.params.calendar_id, await loadViewer(ctx.caller.user.id), ctx.params.id);
  return ok({ event: serializeEvent(restored) });
});
