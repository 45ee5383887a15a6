// The arithmetic of changing a series by scope, pure: where `following` splits a series, how `all`
// turns one occurrence's new times into the series' new times, and which occurrence an override or
// EXDATE lands on after the series moved. lib/services applies them inside its transactions.
import { indexOf, occurrenceAt } from "./expand.ts";
import { formatRRule, parseRRule } from "./parse.ts";
import type { SeriesInput } from "./types.ts";

/** What the split needs of a stored series. */
export interface SeriesTimes {
  rrule: string;
  startsAt: Date;
  endsAt: Date;
  exdates: Date[];
  rdates: Date[];
}

export interface SeriesSplit {
  /** The series as it stays: occurrences before the cut only. */
  head: { rrule: string; exdates: Date[]; rdates: Date[]; recurrenceEndsAt: Date };
  /** The new series from the cut on: the rest of the count (or the open rule), starting at the cut. */
  tail: { rrule: string; startsAt: Date; endsAt: Date; exdates: Date[]; rdates: Date[] };
}

/**
 * scope=following at the occurrence starting at `cut`, which is number `index` (1-based) of the
 * series: a COUNT is shared out (index − 1 before, the rest after); an open or UNTIL rule ends one
 * second before the cut and the tail keeps the rule. EXDATEs and RDATEs go to the side they fall on.
 */
export function splitSeries(series: SeriesTimes, cut: Date, index: number): SeriesSplit {
  const rule = parseRRule(series.rrule);
  const head = rule.count ? { ...rule, count: index - 1 } : { ...rule, until: new Date(cut.getTime() - 1000) };
  const tail = rule.count ? { ...rule, count: rule.count - index + 1 } : rule;
  const before = (d: Date) => d.getTime() < cut.getTime();
  return {
    head: { rrule: formatRRule(head), exdates: series.exdates.filter(before), rdates: series.rdates.filter(before), recurrenceEndsAt: cut },
    tail: {
      rrule: formatRRule(tail),
      startsAt: cut,
      endsAt: new Date(cut.getTime() + series.endsAt.getTime() - series.startsAt.getTime()),
      exdates: series.exdates.filter((d) => !before(d)),
      rdates: series.rdates.filter((d) => !before(d)),
    },
  };
}

/**
 * scope=all addressed through one occurrence (original start `occurrenceStart`): the times a client
 * gave for that occurrence become the series' own, shifted by the same amount. Given neither, the
 * series keeps its times (an empty result). The length is the one given (end − start, or end − the
 * occurrence's start when only the end is given), else the series'.
 */
export function shiftSeries(series: { startsAt: Date; endsAt: Date }, occurrenceStart: Date, change: { startsAt?: Date | undefined; endsAt?: Date | undefined }): { startsAt?: Date; endsAt?: Date } {
  if (!change.startsAt && !change.endsAt) return {};
  const delta = (change.startsAt ?? occurrenceStart).getTime() - occurrenceStart.getTime();
  const length = change.endsAt
    ? change.endsAt.getTime() - (change.startsAt ?? occurrenceStart).getTime()
    : series.endsAt.getTime() - series.startsAt.getTime();
  const startsAt = new Date(series.startsAt.getTime() + delta);
  return { startsAt, endsAt: new Date(startsAt.getTime() + length) };
}

/** RDATEs are instants: a series whose start moved by `shiftMs` takes them along. */
export function shiftDates(dates: Date[], shiftMs: number): Date[] {
  return dates.map((d) => new Date(d.getTime() + shiftMs));
}

/**
 * The re-key of a series change: the occurrence of `after` with the same number as the occurrence
 * of `before` starting at `start` (null when `start` is not one of `before`'s, or `after` has no
 * occurrence with that number). Overrides and EXDATEs keep their occurrence numbers this way.
 */
export function rekey(before: SeriesInput, after: SeriesInput, start: Date): Date | null {
  const index = indexOf(before, start);
  return index === null ? null : occurrenceAt(after, index);
}
