import type { MemberRole } from "../../domain/enums.ts";
import { conflict } from "../../domain/errors.ts";
import { getCalendar } from "../manage-calendars.ts";
import type { CalendarKey, MemberRecord, Repos } from "../ports.ts";
import { productionRepos } from "../repos.ts";
import { lockedActor, mayAssign, targetUser } from "./membership-rules.ts";

/** Adds a user to the calendar with `role` (owners/admins; only owners add owners); 409 for a member. */
export async function addMember(key: CalendarKey, actorId: number, userUuid: string, role: MemberRole, repos: Repos = productionRepos): Promise<MemberRecord> {
  const calendar = await getCalendar(key, actorId, repos);
  const user = await targetUser(userUuid, repos);
  return repos.transaction(async (tx) => {
    // Membership decides what the user sees in this calendar: their sync tokens for it expire.
    await tx.changes.recordChange({ calendarId: calendar.id, kind: "access", userId: user.id });
    const actor = await lockedActor(calendar, actorId, tx);
    if (await tx.calendars.findMember(calendar.id, user.id)) throw conflict("the user is already a member of this calendar");
    mayAssign(actor, role, null);
    await tx.calendars.upsertMember(calendar.id, user.id, role);
    return (await tx.calendars.findMember(calendar.id, user.id))!;
  });
}
