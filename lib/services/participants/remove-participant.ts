import { forbidden, notFound } from "../../domain/errors.ts";
import type { Viewer } from "../../domain/types.ts";
import type { EventRef } from "../get-event.ts";
import type { Repos } from "../ports.ts";
import { productionRepos } from "../repos.ts";
import { isSeries, spreadAudience } from "../series-audience.ts";
import { locked, storedEvent, targetUser } from "./participant-rules.ts";

/** Removes a participant (editors), or the caller themselves (anyone may leave an event). */
export async function removeParticipant(ref: EventRef, viewer: Viewer, userUuid: string, repos: Repos = productionRepos): Promise<void> {
  const { stored, visible } = await storedEvent(ref, viewer, repos);
  const user = await targetUser(userUuid, repos);
  if (user.id !== viewer.userId && !visible.access.write) throw forbidden("you may not change this event's participants");
  await repos.transaction(async (tx) => {
    const before = await locked(stored, tx);
    if (!(await tx.events.removeParticipant(stored, user.id))) throw notFound("the user does not take part in this event");
    await tx.events.touch(stored.id);
    if (isSeries(before)) await spreadAudience(before, stored.id, tx);
  });
}
