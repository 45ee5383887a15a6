import type { ParticipantRole, Rsvp } from "../../domain/enums.ts";
import { forbidden, notFound } from "../../domain/errors.ts";
import type { Viewer } from "../../domain/types.ts";
import type { EventRef } from "../get-event.ts";
import type { Repos } from "../ports.ts";
import { productionRepos } from "../repos.ts";
import { isSeries, spreadAudience } from "../series-audience.ts";
import { answerForSelf, locked, storedEvent, targetUser, type ParticipantView } from "./participant-rules.ts";

/** Changes a participant's role (editors) or RSVP (the participant themselves only). */
export async function changeParticipant(ref: EventRef, viewer: Viewer, userUuid: string, change: { role?: ParticipantRole | undefined; rsvp?: Rsvp | undefined }, repos: Repos = productionRepos): Promise<ParticipantView> {
  const { stored, visible } = await storedEvent(ref, viewer, repos);
  const user = await targetUser(userUuid, repos);
  if (change.role !== undefined && !visible.access.write) throw forbidden("you may not change participants' roles");
  if (change.rsvp !== undefined && user.id !== viewer.userId) throw answerForSelf();
  return repos.transaction(async (tx) => {
    const before = await locked(stored, tx);
    const current = before.participants.find((p) => p.userId === user.id);
    if (!current) throw notFound("the user does not take part in this event");
    const role = change.role ?? current.role;
    const rsvp = change.rsvp ?? current.rsvp;
    await tx.events.setParticipant(stored, user.id, role, rsvp);
    await tx.events.touch(stored.id);
    if (isSeries(before)) await spreadAudience(before, stored.id, tx);
    return { user, role, rsvp };
  });
}
