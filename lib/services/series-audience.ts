// An override is one occurrence of its series, so it may not keep an audience the series lost:
// when a change for the whole series (or its following part) alters visibility, stakeholder or
// participants, its overrides take the same change. Their own other edits (title, times …) stay.
import type { EventWrite } from "../domain/event-model.ts";
import type { EventRecord } from "../domain/types.ts";
import type { Repos } from "./ports.ts";

type Audience = Pick<EventRecord, "visibility" | "stakeholder" | "participants">;

/** Carries the difference between `before` and series `seriesId` (as stored now) onto its overrides; `tx`: the transaction's repos. */
export async function spreadAudience(before: Audience, seriesId: number, tx: Repos): Promise<void> {
  const after = await tx.events.findById(seriesId);
  if (!after) return;
  const change: Partial<EventWrite> = {};
  if (after.visibility !== before.visibility) change.visibility = after.visibility;
  if (after.stakeholder !== before.stakeholder) change.stakeholder = after.stakeholder;
  const removed = before.participants.filter((p) => !after.participants.some((a) => a.userId === p.userId));
  const changed = after.participants.filter((a) => before.participants.find((p) => p.userId === a.userId)?.role !== a.role);
  if (!Object.keys(change).length && !removed.length && !changed.length) return;
  for (const override of await tx.events.findOverrides([seriesId])) {
    if (override.deleted) continue;
    for (const p of removed) await tx.events.removeParticipant(override, p.userId);
    for (const p of changed) await tx.events.setParticipant(override, p.userId, p.role, undefined);
    // Bumps `sequence` too, so sync clients refetch the occurrence.
    await tx.events.update(override, change);
  }
}

/** Is this stored event the head of a series (the row its overrides hang from)? */
export function isSeries(event: Pick<EventRecord, "rrule" | "seriesId">): boolean {
  return event.rrule !== null && event.seriesId === null;
}
