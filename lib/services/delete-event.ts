// Deleting: a single event or series (soft, so sync clients learn of it), or one occurrence
// (an EXDATE), or this-and-following (the series ends before it).
import * as events from "../db/event-repository.ts";
import { transaction } from "../db/transaction.ts";
import type { Viewer } from "../domain/types.ts";
import type { EventRef } from "./get-event.ts";
import { guard, resolveLocked, resolveWritable, splitAt, type Scope } from "./update-event.ts";

export async function deleteEvent(ref: EventRef, viewer: Viewer, scope: Scope | undefined, ifMatch?: number): Promise<void> {
  const seen = await resolveWritable(ref, viewer, ifMatch);
  await guard(ifMatch, () =>
    transaction(async (tx) => {
      const resolved = await resolveLocked(ref, viewer, seen, ifMatch, tx);
      const occurrence = resolved.visible.occurrence;
      const series = resolved.series;
      const effective: Scope = scope ?? (occurrence ? "this" : "all");
      if (!occurrence || !series || effective === "all" || (effective === "following" && occurrence.index === 1)) {
        await events.softDeleteEvent(series ?? resolved.stored, tx);
        return;
      }
      const cut = occurrence.originalStartsAt;
      if (effective === "this") {
        if (resolved.stored.id !== series.id) await events.softDeleteEvent(resolved.stored, tx);
        await events.updateEvent(series, { exdates: [...series.exdates, cut] }, tx);
        return;
      }
      await events.updateEvent(series, splitAt(series, cut).head, tx);
      for (const o of await events.findOverrides([series.id], tx)) if (o.originalStartsAt! >= cut && !o.deleted) await events.softDeleteEvent(o, tx);
    }),
  );
}
