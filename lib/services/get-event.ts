// Finding one event the caller may see: a single event, a series, an override, or an occurrence
// addressed by its original start (SweetDate) or its number in the series (Kona).
import { notFound } from "../domain/errors.ts";
import type { EventRecord, Viewer } from "../domain/types.ts";
import { present, type VisibleEvent } from "../domain/visible.ts";
import { isOccurrenceStart, nthOccurrence, occurrenceIndex, occurrenceOf, overrideInstance, type EventInstance } from "./occurrences.ts";
import type { EventRepository, Repos } from "./ports.ts";
import { productionRepos } from "./repos.ts";

export type EventRef =
  | { uuid: string; originalStart?: Date | undefined; calendarId?: number | undefined }
  | { id: number; numInSeries?: number | undefined; calendarId?: number | undefined };

export interface ResolvedEvent {
  /** What the caller addressed, as they see it. */
  visible: VisibleEvent;
  /** The stored row behind it (unredacted): the event, the override, or the series of a plain occurrence. */
  stored: EventRecord;
  /** The series, when the target belongs to one. */
  series: EventRecord | null;
}

/** Inside a write transaction (after locking the calendar), pass its repos to see what it may change. */
export async function resolveEvent(ref: EventRef, viewer: Viewer, repos: Pick<Repos, "events"> = productionRepos): Promise<ResolvedEvent> {
  const events = repos.events;
  const base = "uuid" in ref ? await events.findByUuid(ref.uuid) : await events.findById(ref.id);
  if (!base || (ref.calendarId !== undefined && base.calendarId !== ref.calendarId)) throw notFound();
  const instance = await instanceOf(base, ref, events);
  const visible = present(instance.instance, viewer);
  if (!visible) throw notFound();
  return { visible, stored: instance.stored, series: instance.series };
}

async function instanceOf(base: EventRecord, ref: EventRef, events: EventRepository): Promise<{ instance: EventInstance; stored: EventRecord; series: EventRecord | null }> {
  let start: Date | null | undefined = "originalStart" in ref ? ref.originalStart : undefined;
  if ("numInSeries" in ref && ref.numInSeries !== undefined) {
    if (base.rrule === null) {
      if (ref.numInSeries !== 1) throw notFound();
    } else {
      start = nthOccurrence(base, ref.numInSeries);
      if (!start) throw notFound();
    }
  }
  if (base.seriesId !== null) {
    const series = await events.findById(base.seriesId);
    if (!series) throw notFound();
    return { instance: overrideInstance(base, series), stored: base, series };
  }
  if (start === undefined || base.rrule === null) {
    if (start !== undefined && base.rrule === null && start.getTime() !== base.startsAt.getTime()) throw notFound();
    return { instance: { event: base, occurrence: null }, stored: base, series: base.rrule ? base : null };
  }
  const override = (await events.findOverrides([base.id])).find((o) => o.originalStartsAt!.getTime() === start.getTime());
  if (override) {
    if (override.deleted) throw notFound();
    return { instance: overrideInstance(override, base), stored: override, series: base };
  }
  if (!isOccurrenceStart(base, start)) throw notFound();
  return { instance: occurrenceOf(base, start, occurrenceIndex(base, start)), stored: base, series: base };
}
