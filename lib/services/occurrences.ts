// Series → occurrences for a window, and occurrence addressing (by original start or by number).
import { expand, indexOf, MAX_WINDOW_OCCURRENCES, occurrenceAt, parseRRule, type ExpandInput } from "../recurrence/index.ts";
import { invalid } from "../domain/errors.ts";
import { splitSeries, type SeriesSplit } from "../recurrence/scope.ts";
import type { EventRecord } from "../domain/types.ts";
import type { EventInstance } from "../domain/visible.ts";

// The instance types live in the domain (lib/domain/visible.ts); re-exported for the services.
export type { EventInstance, OccurrenceInfo } from "../domain/visible.ts";

export function expandInput(series: EventRecord): Omit<ExpandInput, "from" | "to"> {
  return {
    rule: parseRRule(series.rrule!),
    start: series.startsAt,
    timeZone: series.timeZone,
    allDay: series.allDay,
    exdates: series.exdates,
    rdates: series.rdates,
    durationMs: series.endsAt.getTime() - series.startsAt.getTime(),
  };
}

/** The occurrence of `series` starting at `start`, as an event with its own times. */
export function occurrenceOf(series: EventRecord, start: Date, index: number | null): EventInstance {
  const duration = series.endsAt.getTime() - series.startsAt.getTime();
  return {
    event: { ...series, startsAt: start, endsAt: new Date(start.getTime() + duration) },
    occurrence: { seriesId: series.id, seriesUuid: series.uuid, originalStartsAt: start, index, seriesStartsAt: series.startsAt },
  };
}

/**
 * Occurrences of `series` overlapping [from, to), minus those replaced by overrides. More than
 * MAX_WINDOW_OCCURRENCES (e.g. FREQ=SECONDLY over a month) is a 422, never a truncated list.
 */
export function expandSeries(series: EventRecord, overriddenStarts: Set<number>, window: { from: Date; to: Date }): EventInstance[] {
  const found = expand({ ...expandInput(series), from: window.from, to: window.to, limit: MAX_WINDOW_OCCURRENCES + 1 });
  if (found.length > MAX_WINDOW_OCCURRENCES) {
    throw invalid(
      { rrule: [`the series ${series.uuid} (id ${series.id}, ${series.rrule}) has more than ${MAX_WINDOW_OCCURRENCES} occurrences in the requested window; ask for a shorter window`] },
      "too many occurrences in the window",
    );
  }
  return found
    .filter((o) => !overriddenStarts.has(o.start.getTime()))
    .map((o) => occurrenceOf(series, o.start, o.index));
}

export function isOccurrenceStart(series: EventRecord, start: Date): boolean {
  if (series.exdates.some((d) => d.getTime() === start.getTime())) return false;
  return indexOf(expandInput(series), start) !== null;
}

export function occurrenceIndex(series: EventRecord, start: Date): number | null {
  return indexOf(expandInput(series), start);
}

export function nthOccurrence(series: EventRecord, n: number): Date | null {
  return occurrenceAt(expandInput(series), n);
}

/** An override shown as the occurrence it replaces. */
export function overrideInstance(override: EventRecord, series: EventRecord): EventInstance {
  return {
    event: override,
    occurrence: {
      seriesId: series.id,
      seriesUuid: series.uuid,
      originalStartsAt: override.originalStartsAt!,
      index: occurrenceIndex(series, override.originalStartsAt!),
      seriesStartsAt: series.startsAt,
    },
  };
}

/** scope=following at the occurrence starting at `cut` (lib/recurrence/scope.ts does the arithmetic). */
export function splitAt(series: EventRecord, cut: Date): SeriesSplit {
  return splitSeries({ ...series, rrule: series.rrule! }, cut, occurrenceIndex(series, cut) ?? 1);
}
