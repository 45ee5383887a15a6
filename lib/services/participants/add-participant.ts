import type { ParticipantRole, Rsvp } from "../../domain/enums.ts";
import { conflict, forbidden, readOnly } from "../../domain/errors.ts";
import type { Viewer } from "../../domain/types.ts";
import type { EventRef } from "../get-event.ts";
import type { Repos } from "../ports.ts";
import { productionRepos } from "../repos.ts";
import { isSeries, spreadAudience } from "../series-audience.ts";
import { answerForSelf, locked, storedEvent, targetUser, type ParticipantView } from "./participant-rules.ts";

/** Invites a user (editors; a series' overrides follow); an RSVP may only be given for oneself. */
export async function addParticipant(ref: EventRef, viewer: Viewer, userUuid: string, role: ParticipantRole | undefined, rsvp: Rsvp | undefined, repos: Repos = productionRepos): Promise<ParticipantView> {
  const { stored, visible } = await storedEvent(ref, viewer, repos);
  if (stored.icsFeedId !== null) throw readOnly();
  if (!visible.access.write) throw forbidden("you may not change this event's participants");
  const user = await targetUser(userUuid, repos);
  if (rsvp !== undefined && user.id !== viewer.userId) throw answerForSelf();
  const finalRole = role ?? stored.defaultRole;
  await repos.transaction(async (tx) => {
    const before = await locked(stored, tx);
    if (before.participants.some((p) => p.userId === user.id)) throw conflict("the user already takes part in this event");
    await tx.events.setParticipant(stored, user.id, finalRole, rsvp);
    await tx.events.touch(stored.id);
    if (isSeries(before)) await spreadAudience(before, stored.id, tx);
  });
  return { user, role: finalRole, rsvp: rsvp ?? "needs_action" };
}
