// The one place that decides who sees and changes an event (SPEC §3). Every read and write path
// in every dialect goes through eventAccess(); repositories pre-filter with the same rule in SQL
// (lib/db/event-repository.ts `visibleTo`) so counts and pages stay exact.
import { roleAtLeast } from "./enums.ts";
import type { EventAccess, EventRecord, Viewer } from "./types.ts";

type AccessFacts = Pick<EventRecord, "creatorId" | "calendarId" | "stakeholder" | "visibility" | "participants"> & { icsFeedId?: number | null };

export function eventAccess(event: AccessFacts, viewer: Viewer): EventAccess {
  const access = decide(event, viewer);
  // Events of a subscribed calendar come from its source URL: nobody edits them here.
  return event.icsFeedId != null && access.write ? { ...access, write: false } : access;
}

function decide(event: AccessFacts, viewer: Viewer): EventAccess {
  const participant = event.participants.find((p) => p.userId === viewer.userId);
  const memberRole = viewer.roles.get(event.calendarId) ?? null;
  // Admin power covers the calendar's group/everyone events only; a just_me event is its creator's.
  const calendarAdmin = roleAtLeast(memberRole, "admin") && event.stakeholder !== "just_me";

  if (event.creatorId === viewer.userId) return { see: "full", write: true };
  if (participant) return { see: "full", write: participant.role === "editor" || calendarAdmin };
  const inAudience =
    event.stakeholder === "everyone" || (event.stakeholder === "group" && memberRole !== null);
  if (!inAudience) return { see: "none", write: false };
  if (calendarAdmin) return { see: "full", write: true };
  if (event.visibility === "private") return { see: "none", write: false };
  return { see: event.visibility === "busy" ? "busy" : "full", write: false };
}

/** May the viewer create events in this calendar? (member or above) */
export function canCreateIn(calendarId: number, viewer: Viewer): boolean {
  return roleAtLeast(viewer.roles.get(calendarId), "member");
}

export const BUSY_TITLE = "Busy";

/** The event as a viewer with `busy` access sees it: times only. */
export function redactBusy<T extends EventRecord>(event: T): T {
  return {
    ...event,
    title: BUSY_TITLE,
    description: null,
    location: null,
    participants: [],
    externalObject: null,
    reminders: [],
  };
}
