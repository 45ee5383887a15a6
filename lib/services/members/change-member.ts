import type { MemberRole } from "../../domain/enums.ts";
import { invalid, notFound } from "../../domain/errors.ts";
import { getCalendar } from "../manage-calendars.ts";
import type { CalendarKey, MemberRecord, Repos } from "../ports.ts";
import { productionRepos } from "../repos.ts";
import { lockedActor, mayAssign, targetUser } from "./membership-rules.ts";

/** Changes a member's role; the last owner cannot be demoted (422). */
export async function changeMember(key: CalendarKey, actorId: number, userUuid: string, role: MemberRole, repos: Repos = productionRepos): Promise<MemberRecord> {
  const calendar = await getCalendar(key, actorId, repos);
  const user = await targetUser(userUuid, repos);
  return repos.transaction(async (tx) => {
    await tx.changes.recordChange({ calendarId: calendar.id, kind: "access", userId: user.id });
    const actor = await lockedActor(calendar, actorId, tx);
    const existing = await tx.calendars.findMember(calendar.id, user.id);
    if (!existing) throw notFound("the user is not a member of this calendar");
    mayAssign(actor, role, existing.role);
    if (existing.role === "owner" && role !== "owner" && (await tx.calendars.countOwners(calendar.id)) <= 1) {
      throw invalid({ role: ["the last owner cannot be demoted; make someone else owner first"] });
    }
    await tx.calendars.upsertMember(calendar.id, user.id, role);
    return (await tx.calendars.findMember(calendar.id, user.id))!;
  });
}
