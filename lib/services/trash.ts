// The trash of a calendar: events deleted in the last 30 days, which the caller may put back if
// they may change them (creator, editors, the calendar's owners and admins).
import { findEventByUuid, updateEvent } from "../db/event-repository.ts";
import { transaction } from "../db/transaction.ts";
import { findTrashed, findTrashedByUuid, restoreOverride, restoreTrashed, type TrashedEvent } from "../db/trash-repository.ts";
import { eventAccess } from "../domain/access.ts";
import { forbidden, notFound } from "../domain/errors.ts";
import type { Viewer } from "../domain/types.ts";
import { present, type VisibleEvent } from "../domain/visible.ts";
import { getCalendar } from "./manage-calendars.ts";
import { occurrenceOf, overrideInstance } from "./occurrences.ts";

/** How long deleted events stay restorable (the change log keeps their tombstones as long). */
export const TRASH_DAYS = 30;

export interface TrashItem {
  visible: VisibleEvent;
  deletedAt: Date;
}

function cutoff(now = new Date()): Date {
  return new Date(now.getTime() - TRASH_DAYS * 86_400_000);
}

function restorable(trashed: TrashedEvent, viewer: Viewer): VisibleEvent | null {
  if (!eventAccess(trashed.event, viewer).write) return null;
  return present({ event: trashed.event, occurrence: null }, viewer);
}

export async function listTrash(calendarUuid: string, viewer: Viewer, page: { limit: number; offset: number }): Promise<{ items: TrashItem[]; total: number }> {
  const calendar = await getCalendar({ uuid: calendarUuid }, viewer.userId);
  const items: TrashItem[] = [];
  for (const trashed of await findTrashed(calendar.id, cutoff())) {
    const visible = restorable(trashed, viewer);
    if (visible) items.push({ visible, deletedAt: trashed.deletedAt });
  }
  return { items: items.slice(page.offset, page.offset + page.limit), total: items.length };
}

/**
 * Puts a deleted event (single or series, with the overrides deleted with it) back; or, given an
 * occurrence id, an occurrence deleted on its own (`scope=this`): its EXDATE goes, its override
 * (if it had one) comes back. Either way the change log records it.
 */
export async function restoreFromTrash(calendarUuid: string, viewer: Viewer, ref: { uuid: string; originalStart?: Date | undefined }): Promise<VisibleEvent> {
  const calendar = await getCalendar({ uuid: calendarUuid }, viewer.userId);
  const gone = () => notFound("no such event in the trash");
  return transaction(async (tx) => {
    if (ref.originalStart) {
      const series = await findEventByUuid(ref.uuid, tx);
      const start = ref.originalStart.getTime();
      if (!series || series.calendarId !== calendar.id || !series.exdates.some((d) => d.getTime() === start)) throw gone();
      mayRestore(series, viewer, gone);
      const override = await restoreOverride(series.id, series.calendarId, ref.originalStart, tx);
      const updated = await updateEvent(series, { exdates: series.exdates.filter((d) => d.getTime() !== start) }, tx);
      return present(override ? overrideInstance(override, updated) : occurrenceOf(updated, ref.originalStart, null), viewer)!;
    }
    const trashed = await findTrashedByUuid(ref.uuid, tx);
    if (!trashed || trashed.event.calendarId !== calendar.id || trashed.deletedAt < cutoff()) throw gone();
    mayRestore(trashed.event, viewer, gone);
    await restoreTrashed(trashed, tx);
    return present({ event: { ...trashed.event, sequence: trashed.event.sequence + 1 }, occurrence: null }, viewer)!;
  });
}

function mayRestore(event: TrashedEvent["event"], viewer: Viewer, gone: () => Error): void {
  const access = eventAccess(event, viewer);
  if (access.see === "none") throw gone();
  if (!access.write) throw forbidden("you may not restore this event");
}
