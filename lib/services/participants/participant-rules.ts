// Shared by the participant use cases ("event users"): editors change the list; each participant
// answers their own RSVP.
import { forbidden, notFound } from "../../domain/errors.ts";
import type { EventRecord, UserRecord, Viewer } from "../../domain/types.ts";
import type { ParticipantRole, Rsvp } from "../../domain/enums.ts";
import { resolveEvent, type EventRef, type ResolvedEvent } from "../get-event.ts";
import type { Repos } from "../ports.ts";

export interface ParticipantView {
  user: UserRecord;
  role: ParticipantRole;
  rsvp: Rsvp;
}

/** The event behind `ref`, which the caller must see in full (busy blocks have no participants to show). */
export async function storedEvent(ref: EventRef, viewer: Viewer, repos: Repos): Promise<ResolvedEvent> {
  const resolved = await resolveEvent(ref, viewer, repos);
  if (resolved.visible.access.see !== "full") throw notFound();
  return resolved;
}

/** Inside the transaction (`tx`: its repos): locks the event's calendar and reads the event again. */
export async function locked(stored: EventRecord, tx: Repos): Promise<EventRecord> {
  await tx.changes.lockCalendar(stored.calendarId);
  const current = await tx.events.findById(stored.id);
  if (!current) throw notFound();
  return current;
}

export const answerForSelf = () => forbidden("only the participant may answer their own RSVP");

export async function targetUser(uuid: string, repos: Repos): Promise<UserRecord> {
  const user = await repos.users.findByUuid(uuid);
  if (!user) throw notFound("user not found");
  return user;
}
