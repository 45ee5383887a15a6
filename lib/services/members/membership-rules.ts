// Calendar membership rules shared by the member use cases. Owners/admins manage members; only
// owners make or unmake owners; the last owner cannot leave or be demoted; anyone may leave.
import { roleAtLeast, type MemberRole } from "../../domain/enums.ts";
import { forbidden, notFound } from "../../domain/errors.ts";
import type { CalendarRecord, UserRecord } from "../../domain/types.ts";
import type { Repos } from "../ports.ts";

export async function targetUser(uuid: string, repos: Repos): Promise<UserRecord> {
  const user = await repos.users.findByUuid(uuid);
  if (!user) throw notFound("user not found");
  return user;
}

/**
 * Inside the transaction (`tx`: its repos): takes the calendar's change lock (membership changes of
 * one calendar run one after another, so the last-owner rule holds under concurrency) and reads the
 * actor's role again.
 */
export async function lockedActor(calendar: CalendarRecord, actorId: number, tx: Repos): Promise<CalendarRecord> {
  await tx.changes.lockCalendar(calendar.id);
  const actor = await tx.calendars.findMember(calendar.id, actorId);
  if (!actor) throw notFound("calendar not found");
  return { ...calendar, role: actor.role };
}

/** May `actor` give `role` to a member whose role is `currentRole` (null: not a member yet)? 403 if not. */
export function mayAssign(actor: CalendarRecord, role: MemberRole, currentRole: MemberRole | null): void {
  if (!roleAtLeast(actor.role, "admin")) throw forbidden("only the calendar's owners and admins may manage members");
  if ((role === "owner" || currentRole === "owner") && actor.role !== "owner") throw forbidden("only owners may grant or remove the owner role");
}
