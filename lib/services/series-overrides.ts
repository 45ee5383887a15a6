// After a change to a whole series (scope=all), its overrides follow: each stays on the same
// occurrence number, and every field the override did not change itself takes the series' new value.
// "Did not change itself" = the override's value equals the series' value before the edit.
import type { EventWrite } from "../domain/event-model.ts";
import type { EventRecord } from "../domain/types.ts";
import { rekey } from "../recurrence/scope.ts";
import { expandInput } from "./occurrences.ts";
import type { Repos } from "./ports.ts";

/** Fields an override inherits from its series unless it set them itself. Times are handled apart;
 * visibility, stakeholder and participants by spreadAudience (an override never keeps a wider audience). */
const INHERITED = ["title", "description", "location", "status", "defaultRole", "timeZone", "externalObject", "reminders"] as const satisfies readonly (keyof EventWrite)[];

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** What `override` takes over from a series that went from `before` to `after`; `newStart` is its new key. */
export function inheritedChange(override: EventRecord, before: EventRecord, after: EventRecord, newStart: Date): Partial<EventWrite> {
  const change: Partial<EventWrite> = {};
  for (const key of INHERITED) {
    if (!same(before[key], after[key]) && same(override[key], before[key])) (change as Record<string, unknown>)[key] = after[key];
  }
  // Times: a start the override left alone moves with its occurrence; an end it left alone keeps the
  // series' (new) length; an end it changed keeps the override's own length.
  if (override.allDay !== after.allDay) return change;
  const original = override.originalStartsAt!.getTime();
  const ownLength = override.endsAt.getTime() - override.startsAt.getTime();
  const startFollows = override.startsAt.getTime() === original;
  const endFollows = override.endsAt.getTime() === original + (before.endsAt.getTime() - before.startsAt.getTime());
  const start = startFollows ? newStart.getTime() : override.startsAt.getTime();
  let end = endFollows ? newStart.getTime() + (after.endsAt.getTime() - after.startsAt.getTime()) : startFollows ? start + ownLength : override.endsAt.getTime();
  if (end < start || (end === start && ownLength > 0)) end = start + ownLength;
  if (start !== override.startsAt.getTime() || end !== override.endsAt.getTime()) {
    change.startsAt = new Date(start);
    change.endsAt = new Date(end);
  }
  return change;
}

/** Keeps overrides and EXDATEs on the same occurrence numbers and passes unchanged fields on. `tx`: the transaction's repos. */
export async function followSeries(before: EventRecord, after: EventRecord, tx: Repos): Promise<void> {
  const overrides = (await tx.events.findOverrides([before.id])).filter((o) => !o.deleted);
  if (after.rrule === null) {
    // No longer a series: its occurrences (and so their overrides and EXDATEs) are gone.
    for (const o of overrides) await tx.events.rekeyOverride(o, null);
    if (before.exdates.length) await tx.events.setExdates(after.id, []);
    return;
  }
  const moved = after.startsAt.getTime() !== before.startsAt.getTime() || after.rrule !== before.rrule || !same(after.rdates, before.rdates);
  const map = (d: Date) => (moved ? rekey(expandInput(before), expandInput(after), d) : d);
  if (moved) await tx.events.setExdates(after.id, before.exdates.map(map).filter((d): d is Date => d !== null));
  // Move the override furthest in the direction of travel first, so keys never collide.
  const later = after.startsAt.getTime() >= before.startsAt.getTime();
  overrides.sort((a, b) => (later ? -1 : 1) * (a.originalStartsAt!.getTime() - b.originalStartsAt!.getTime()));
  const changes = new Map<number, Partial<EventWrite>>();
  for (const o of overrides) {
    const key = map(o.originalStartsAt!);
    if (key === null) {
      await tx.events.rekeyOverride(o, null);
      continue;
    }
    if (key.getTime() !== o.originalStartsAt!.getTime()) await tx.events.rekeyOverride(o, key);
    const change = inheritedChange(o, before, after, key);
    if (Object.keys(change).length) changes.set(o.id, change);
  }
  // Re-keying bumped their sequence: read the overrides to change again, all in one query.
  for (const current of await tx.events.findByIds([...changes.keys()])) await tx.events.update(current, changes.get(current.id)!);
}
