// Event participants ("event users"): editors change the list; each participant answers their own RSVP.
import * as events from "../db/event-repository.ts";
import { findUserByUuid, findUsersByIds } from "../db/user-repository.ts";
import { lockCalendar } from "../db/change-log.ts";
import { transaction } from "../db/transaction.ts";
import type { ParticipantRole, Rsvp } from "../domain/enums.ts";
import { conflict, forbidden, notFound, readOnly } from "../domain/errors.ts";
import type { EventRecord, UserRecord, Viewer } from "../domain/types.ts";
import type { Tx } from "../db/client.ts";
import { resolveEvent, type EventRef } from "./get-event.ts";
import { isSeries, spreadAudience } from "./series-audience.ts";

export interface ParticipantView {
  user: UserRecord;
  role: ParticipantRole;
  rsvp: Rsvp;
}

async function storedEvent(ref: EventRef, viewer: Viewer) {
  const resolved = await resolveEvent(ref, viewer);
  if (resolved.visible.access.see !== "full") throw notFound();
  return resolved;
}

export async function listParticipants(ref: EventRef, viewer: Viewer): Promise<ParticipantView[]> {
  const { stored } = await storedEvent(ref, viewer);
  const users = new Map((await findUsersByIds(stored.participants.map((p) => p.userId))).map((u) => [u.id, u]));
  return stored.participants.map((p) => ({ user: users.get(p.userId)!, role: p.role, rsvp: p.rsvp }));
}

/** Inside the transaction: locks the event's series (or the event) and reads it again. */
async function locked(stored: EventRecord, tx: Tx): Promise<EventRecord> {
  await lockCalendar(tx, stored.calendarId);
  const current = await events.findEventById(stored.id, tx);
  if (!current) throw notFound();
  return current;
}

const answerForSelf = () => forbidden("only the participant may answer their own RSVP");

async function target(uuid: string) {
  const user = await findUserByUuid(uuid);
  if (!user) throw notFound("user not found");
  return user;
}

export async function addParticipant(ref: EventRef, viewer: Viewer, userUuid: string, role: ParticipantRole | undefined, rsvp: Rsvp | undefined): Promise<ParticipantView> {
  const { stored, visible } = await storedEvent(ref, viewer);
  if (stored.icsFeedId !== null) throw readOnly();
  if (!visible.access.write) throw forbidden("you may not change this event's participants");
  const user = await target(userUuid);
  if (rsvp !== undefined && user.id !== viewer.userId) throw answerForSelf();
  const finalRole = role ?? stored.defaultRole;
  await transaction(async (tx) => {
    const before = await locked(stored, tx);
    if (before.participants.some((p) => p.userId === user.id)) throw conflict("the user already takes part in this event");
    await events.setParticipant(stored.id, user.id, finalRole, rsvp, tx);
    await events.touchEvent(stored.id, tx);
    if (isSeries(before)) await spreadAudience(before, stored.id, tx);
  });
  return { user, role: finalRole, rsvp: rsvp ?? "needs_action" };
}

export async function changeParticipant(ref: EventRef, viewer: Viewer, userUuid: string, change: { role?: ParticipantRole | undefined; rsvp?: Rsvp | undefined }): Promise<ParticipantView> {
  const { stored, visible } = await storedEvent(ref, viewer);
  const user = await target(userUuid);
  if (change.role !== undefined && !visible.access.write) throw forbidden("you may not change participants' roles");
  if (change.rsvp !== undefined && user.id !== viewer.userId) throw answerForSelf();
  return transaction(async (tx) => {
    const before = await locked(stored, tx);
    const current = before.participants.find((p) => p.userId === user.id);
    if (!current) throw notFound("the user does not take part in this event");
    const role = change.role ?? current.role;
    const rsvp = change.rsvp ?? current.rsvp;
    await events.setParticipant(stored.id, user.id, role, rsvp, tx);
    await events.touchEvent(stored.id, tx);
    if (isSeries(before)) await spreadAudience(before, stored.id, tx);
    return { user, role, rsvp };
  });
}

export async function removeParticipant(ref: EventRef, viewer: Viewer, userUuid: string): Promise<void> {
  const { stored, visible } = await storedEvent(ref, viewer);
  const user = await target(userUuid);
  if (user.id !== viewer.userId && !visible.access.write) throw forbidden("you may not change this event's participants");
  await transaction(async (tx) => {
    const before = await locked(stored, tx);
    if (!(await events.removeParticipant(stored.id, user.id, tx))) throw notFound("the user does not take part in this event");
    await events.touchEvent(stored.id, tx);
    if (isSeries(before)) await spreadAudience(before, stored.id, tx);
  });
}
