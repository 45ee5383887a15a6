// Event participants ("event users"): editors change the list; each participant answers their own RSVP.
import type { ParticipantRole, Rsvp } from "../domain/enums.ts";
import { conflict, forbidden, notFound, readOnly } from "../domain/errors.ts";
import type { EventRecord, UserRecord, Viewer } from "../domain/types.ts";
import { resolveEvent, type EventRef } from "./get-event.ts";
import type { Repos } from "./ports.ts";
import { productionRepos } from "./repos.ts";
import { isSeries, spreadAudience } from "./series-audience.ts";

export interface ParticipantView {
  user: UserRecord;
  role: ParticipantRole;
  rsvp: Rsvp;
}

async function storedEvent(ref: EventRef, viewer: Viewer, repos: Repos) {
  const resolved = await resolveEvent(ref, viewer, repos);
  if (resolved.visible.access.see !== "full") throw notFound();
  return resolved;
}

export async function listParticipants(ref: EventRef, viewer: Viewer, repos: Repos = productionRepos): Promise<ParticipantView[]> {
  const { stored } = await storedEvent(ref, viewer, repos);
  const users = new Map((await repos.users.findByIds(stored.participants.map((p) => p.userId))).map((u) => [u.id, u]));
  return stored.participants.map((p) => ({ user: users.get(p.userId)!, role: p.role, rsvp: p.rsvp }));
}

/** Inside the transaction: locks the event's series (or the event) and reads it again. */
async function locked(stored: EventRecord, tx: Repos): Promise<EventRecord> {
  await tx.changes.lockCalendar(stored.calendarId);
  const current = await tx.events.findById(stored.id);
  if (!current) throw notFound();
  return current;
}

const answerForSelf = () => forbidden("only the participant may answer their own RSVP");

async function target(uuid: string, repos: Repos) {
  const user = await repos.users.findByUuid(uuid);
  if (!user) throw notFound("user not found");
  return user;
}

export async function addParticipant(ref: EventRef, viewer: Viewer, userUuid: string, role: ParticipantRole | undefined, rsvp: Rsvp | undefined, repos: Repos = productionRepos): Promise<ParticipantView> {
  const { stored, visible } = await storedEvent(ref, viewer, repos);
  if (stored.icsFeedId !== null) throw readOnly();
  if (!visible.access.write) throw forbidden("you may not change this event's participants");
  const user = await target(userUuid, repos);
  if (rsvp !== undefined && user.id !== viewer.userId) throw answerForSelf();
  const finalRole = role ?? stored.defaultRole;
  await repos.transaction(async (tx) => {
    const before = await locked(stored, tx);
    if (before.participants.some((p) => p.userId === user.id)) throw conflict("the user already takes part in this event");
    await tx.events.setParticipant(stored.id, user.id, finalRole, rsvp);
    await tx.events.touch(stored.id);
    if (isSeries(before)) await spreadAudience(before, stored.id, tx);
  });
  return { user, role: finalRole, rsvp: rsvp ?? "needs_action" };
}

export async function changeParticipant(ref: EventRef, viewer: Viewer, userUuid: string, change: { role?: ParticipantRole | undefined; rsvp?: Rsvp | undefined }, repos: Repos = productionRepos): Promise<ParticipantView> {
  const { stored, visible } = await storedEvent(ref, viewer, repos);
  const user = await target(userUuid, repos);
  if (change.role !== undefined && !visible.access.write) throw forbidden("you may not change participants' roles");
  if (change.rsvp !== undefined && user.id !== viewer.userId) throw answerForSelf();
  return repos.transaction(async (tx) => {
    const before = await locked(stored, tx);
    const current = before.participants.find((p) => p.userId === user.id);
    if (!current) throw notFound("the user does not take part in this event");
    const role = change.role ?? current.role;
    const rsvp = change.rsvp ?? current.rsvp;
    await tx.events.setParticipant(stored.id, user.id, role, rsvp);
    await tx.events.touch(stored.id);
    if (isSeries(before)) await spreadAudience(before, stored.id, tx);
    return { user, role, rsvp };
  });
}

export async function removeParticipant(ref: EventRef, viewer: Viewer, userUuid: string, repos: Repos = productionRepos): Promise<void> {
  const { stored, visible } = await storedEvent(ref, viewer, repos);
  const user = await target(userUuid, repos);
  if (user.id !== viewer.userId && !visible.access.write) throw forbidden("you may not change this event's participants");
  await repos.transaction(async (tx) => {
    const before = await locked(stored, tx);
    if (!(await tx.events.removeParticipant(stored.id, user.id))) throw notFound("the user does not take part in this event");
    await tx.events.touch(stored.id);
    if (isSeries(before)) await spreadAudience(before, stored.id, tx);
  });
}
