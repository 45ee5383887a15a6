// A calendar's trash: /api/v1/calendars/:calendar_id/trash[/:id/restore].
import { formatInstant } from "../../domain/time.ts";
import { notFound } from "../../domain/errors.ts";
import { listTrash, restoreFromTrash } from "../../services/trash.ts";
import { loadViewer } from "../../services/viewer.ts";
import { route } from "../route.ts";
import { ok, sweetdate } from "./envelope.ts";
import { isUuid, parseEventId } from "./input.ts";
import { PageQuery } from "./queries.ts";
import { serializeEvent } from "./serialize.ts";

type CalendarParams = { calendar_id: string };

function calendarUuid(id: string): string {
  if (!isUuid(id)) throw notFound("calendar not found");
  return id.toLowerCase();
}

// GET /api/v1/calendars/:calendar_id/trash – events deleted in the last 30 days that the caller may restore
export const listTrashed = route<CalendarParams, typeof PageQuery>(sweetdate, { query: PageQuery }, async (ctx) => {
  const p = ctx.query;
  const { items, total } = await listTrash(calendarUuid(ctx.params.calendar_id), await loadViewer(ctx.caller.user.id), p);
  return ok({ events: items.map((i) => ({ ...serializeEvent(i.visible), deleted_at: formatInstant(i.deletedAt) })), meta: { ...p, total } });
});

// POST /api/v1/calendars/:calendar_id/trash/:id/restore – put a deleted event (or occurrence) back
export const restoreTrashed = route<CalendarParams & { id: string }>(sweetdate, async (ctx) => {
  const ref = parseEventId(ctx.params.id);
  if (!ref) throw notFound("no such event in the trash");
  const restored = await restoreFromTrash(calendarUuid(ctx.params.calendar_id), await loadViewer(ctx.caller.user.id), ref);
  return ok({ event: serializeEvent(restored) });
});
