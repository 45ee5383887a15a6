// A calendar's trash: /api/v1/calendars/:calendar_id/trash[/:id/restore].
import { formatInstant } from "../../domain/time.ts";
import { listTrash, restoreFromTrash } from "../../services/trash/index.ts";
import { loadViewer } from "../../services/viewer.ts";
import { route } from "../route.ts";
import { ok, sweetdate } from "./envelope.ts";
import { CalendarPath, TrashPath } from "./input.ts";
import { PageQuery } from "./queries.ts";
import { serializeEvent } from "./serialize.ts";

// GET /api/v1/calendars/:calendar_id/trash – events deleted in the last 30 days that the caller may restore
export const listTrashed = route(sweetdate, { params: CalendarPath, query: PageQuery }, async (ctx) => {
  const p = ctx.query;
  const { items, total } = await listTrash(ctx.params.calendar_id, await loadViewer(ctx.caller.user.id), p);
  return ok({ events: items.map((i) => ({ ...serializeEvent(i.visible), deleted_at: formatInstant(i.deletedAt) })), meta: { ...p, total } });
});

// POST /api/v1/calendars/:calendar_id/trash/:id/restore – put a deleted event (or occurrence) back
export const restoreTrashed = route(sweetdate, { params: TrashPath }, async (ctx) => {
  const restored = await restoreFromTrash(ctx.params.calendar_id, await loadViewer(ctx.caller.user.id), ctx.params.id);
  return ok({ event: serializeEvent(restored) });
});
