import { notFound } from "../../domain/errors.ts";
import type { Viewer } from "../../domain/types.ts";
import { present, type VisibleEvent } from "../../domain/visible.ts";
import { getCalendar } from "../manage-calendars.ts";
import { occurrenceOf, overrideInstance } from "../occurrences.ts";
import type { Repos } from "../ports.ts";
import { productionRepos } from "../repos.ts";
import { mayRestore, trashCutoff } from "./trash-rules.ts";

/**
 * Puts a deleted event (single or series, with the overrides deleted with it) back; or, given an
 * occurrence id, an occurrence deleted on its own (`scope=this`): its EXDATE goes, its override
 * (if it had one) comes back. Either way the change log records it.
 */
export async function restoreFromTrash(calendarUuid: string, viewer: Viewer, ref: { uuid: string; originalStart?: Date | undefined }, repos: Repos = productionRepos): Promise<VisibleEvent> {
  const calendar = await getCalendar({ uuid: calendarUuid }, viewer.userId, repos);
  const gone = () => notFound("no such event in the trash");
  return repos.transaction(async (tx) => {
    if (ref.originalStart) {
      const series = await tx.events.findByUuid(ref.uuid);
      const start = ref.originalStart.getTime();
      if (!series || series.calendarId !== calendar.id || !series.exdates.some((d) => d.getTime() === start)) throw gone();
      mayRestore(series, viewer, gone);
      const override = await tx.trash.restoreOverride(series.id, series.calendarId, ref.originalStart);
      const updated = await tx.events.update(series, { exdates: series.exdates.filter((d) => d.getTime() !== start) });
      return present(override ? overrideInstance(override, updated) : occurrenceOf(updated, ref.originalStart, null), viewer)!;
    }
    const trashed = await tx.trash.findByUuid(ref.uuid);
    if (!trashed || trashed.event.calendarId !== calendar.id || trashed.deletedAt < trashCutoff()) throw gone();
    mayRestore(trashed.event, viewer, gone);
    await tx.trash.restore(trashed);
    return present({ event: { ...trashed.event, sequence: trashed.event.sequence + 1 }, occurrence: null }, viewer)!;
  });
}
