// The trash of a calendar: events deleted in the last 30 days, which the caller may put back if
// they may change them (creator, editors, the calendar's owners and admins).
import { eventAccess } from "../../domain/access.ts";
import { forbidden } from "../../domain/errors.ts";
import type { EventRecord, Viewer } from "../../domain/types.ts";

/** How long deleted events stay restorable (the change log keeps their tombstones as long). */
export const TRASH_DAYS = 30;

export function trashCutoff(now = new Date()): Date {
  return new Date(now.getTime() - TRASH_DAYS * 86_400_000);
}

/** 404 (`gone`) for what the caller does not see, 403 for what they see but may not change. */
export function mayRestore(event: EventRecord, viewer: Viewer, gone: () => Error): void {
  const access = eventAccess(event, viewer);
  if (access.see === "none") throw gone();
  if (!access.write) throw forbidden("you may not restore this event");
}
