// Deleting: a single event or series (soft, so sync clients learn of it), or one occurrence
// (an EXDATE), or this-and-following (the series ends before it).
import type { Viewer } from "../domain/types.ts";
import type { EventRef } from "./get-event.ts";
import { splitAt } from "./occurrences.ts";
import type { Repos } from "./ports.ts";
import { productionRepos } from "./repos.ts";
import { guard, resolveLocked, resolveWritable, type Scope } from "./write-guard.ts";

export async function deleteEvent(ref: EventRef, viewer: Viewer, scope: Scope | undefined, ifMatch?: number, repos: Repos = productionRepos): Promise<void> {
  const seen = await resolveWritable(ref, viewer, ifMatch, repos);
  await guard(ifMatch, () =>
    repos.transaction(async (tx) => {
      const resolved = await resolveLocked(ref, viewer, seen, ifMatch, tx);
      const occurrence = resolved.visible.occurrence;
      const series = resolved.series;
      const effective: Scope = scope ?? (occurrence ? "this" : "all");
      if (!occurrence || !series || effective === "all" || (effective === "following" && occurrence.index === 1)) {
        await tx.events.softDelete(series ?? resolved.stored);
        return;
      }
      const cut = occurrence.originalStartsAt;
      if (effective === "this") {
        if (resolved.stored.id !== series.id) await tx.events.softDelete(resolved.stored);
        await tx.events.update(series, { exdates: [...series.exdates, cut] });
        return;
      }
      await tx.events.update(series, splitAt(series, cut).head);
      for (const o of await tx.events.findOverrides([series.id])) if (o.originalStartsAt! >= cut && !o.deleted) await tx.events.softDelete(o);
    }),
  );
}
