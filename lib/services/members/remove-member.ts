import { conflict, notFound } from "../../domain/errors.ts";
import { getCalendar } from "../manage-calendars.ts";
import type { CalendarKey, Repos } from "../ports.ts";
import { productionRepos } from "../repos.ts";
import { lockedActor, mayAssign, targetUser } from "./membership-rules.ts";

/** Removes a member (anyone may leave; owners/admins remove others); the last owner cannot leave (409). */
export async function removeMember(key: CalendarKey, actorId: number, userUuid: string, repos: Repos = productionRepos): Promise<void> {
  const calendar = await getCalendar(key, actorId, repos);
  const user = await targetUser(userUuid, repos);
  await repos.transaction(async (tx) => {
    await tx.changes.recordChange({ calendarId: calendar.id, kind: "access", userId: user.id });
    const actor = await lockedActor(calendar, actorId, tx);
    const existing = await tx.calendars.findMember(calendar.id, user.id);
    if (!existing) throw notFound("the user is not a member of this calendar");
    if (user.id !== actorId) mayAssign(actor, existing.role, existing.role);
    if (existing.role === "owner" && (await tx.calendars.countOwners(calendar.id)) <= 1) {
      throw conflict("the last owner cannot leave the calendar; make someone else owner first");
    }
    await tx.calendars.removeMember(calendar.id, user.id);
  });
}
