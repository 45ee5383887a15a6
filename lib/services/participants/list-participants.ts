import type { Viewer } from "../../domain/types.ts";
import type { EventRef } from "../get-event.ts";
import type { Repos } from "../ports.ts";
import { productionRepos } from "../repos.ts";
import { storedEvent, type ParticipantView } from "./participant-rules.ts";

/** The participants of an event the caller sees in full, with their users (one query for all). */
export async function listParticipants(ref: EventRef, viewer: Viewer, repos: Repos = productionRepos): Promise<ParticipantView[]> {
  const { stored } = await storedEvent(ref, viewer, repos);
  const users = new Map((await repos.users.findByIds(stored.participants.map((p) => p.userId))).map((u) => [u.id, u]));
  return stored.participants.map((p) => ({ user: users.get(p.userId)!, role: p.role, rsvp: p.rsvp }));
}
