// Calendar membership. Owners/admins manage members; only owners make or unmake owners;
// the last owner cannot leave or be demoted; anyone may leave (a non-last owner included).
import * as calendars from "../db/calendar-repository.ts";
import { findUserByUuid } from "../db/user-repository.ts";
import type { Tx } from "../db/client.ts";
import { lockCalendar, recordChange } from "../db/change-log.ts";
import { transaction } from "../db/transaction.ts";
import { roleAtLeast, type MemberRole } from "../domain/enums.ts";
import { conflict, forbidden, invalid, notFound } from "../domain/errors.ts";
import type { CalendarRecord } from "../domain/types.ts";
import { getCalendar } from "./manage-calendars.ts";

type CalendarKey = { uuid: string } | { id: number };

export async function listMembers(key: CalendarKey, userId: number, page: { limit: number; offset: number }) {
  const calendar = await getCalendar(key, userId);
  return { calendar, ...(await calendars.listMembers(calendar.id, page)) };
}

async function targetUser(uuid: string) {
  const user = await findUserByUuid(uuid);
  if (!user) throw notFound("user not found");
  return user;
}

/**
 * Inside the transaction: locks the calendar row (membership changes of one calendar run one after
 * another, so the last-owner rule holds under concurrency) and reads the actor's role again.
 */
async function lockedActor(calendar: CalendarRecord, actorId: number, tx: Tx): Promise<CalendarRecord> {
  await lockCalendar(tx, calendar.id);
  const actor = await calendars.findMember(calendar.id, actorId, tx);
  if (!actor) throw notFound("calendar not found");
  return { ...calendar, role: actor.role };
}

function mayAssign(actor: CalendarRecord, role: MemberRole, currentRole: MemberRole | null): void {
  if (!roleAtLeast(actor.role, "admin")) throw forbidden("only the calendar's owners and admins may manage members");
  if ((role === "owner" || currentRole === "owner") && actor.role !== "owner") throw forbidden("only owners may grant or remove the owner role");
}

export async function addMember(key: CalendarKey, actorId: number, userUuid: string, role: MemberRole) {
  const calendar = await getCalendar(key, actorId);
  const user = await targetUser(userUuid);
  return transaction(async (tx) => {
    // Membership decides what the user sees in this calendar: their sync tokens for it expire.
    await recordChange(tx, { calendarId: calendar.id, kind: "access", userId: user.id });
    const actor = await lockedActor(calendar, actorId, tx);
    if (await calendars.findMember(calendar.id, user.id, tx)) throw conflict("the user is already a member of this calendar");
    mayAssign(actor, role, null);
    await calendars.upsertMember(calendar.id, user.id, role, tx);
    return (await calendars.findMember(calendar.id, user.id, tx))!;
  });
}

export async function changeMember(key: CalendarKey, actorId: number, userUuid: string, role: MemberRole) {
  const calendar = await getCalendar(key, actorId);
  const user = await targetUser(userUuid);
  return transaction(async (tx) => {
    await recordChange(tx, { calendarId: calendar.id, kind: "access", userId: user.id });
    const actor = await lockedActor(calendar, actorId, tx);
    const existing = await calendars.findMember(calendar.id, user.id, tx);
    if (!existing) throw notFound("the user is not a member of this calendar");
    mayAssign(actor, role, existing.role);
    if (existing.role === "owner" && role !== "owner" && (await calendars.countOwners(calendar.id, tx)) <= 1) {
      throw invalid({ role: ["the last owner cannot be demoted; make someone else owner first"] });
    }
    await calendars.upsertMember(calendar.id, user.id, role, tx);
    return (await calendars.findMember(calendar.id, user.id, tx))!;
  });
}

export async function removeMember(key: CalendarKey, actorId: number, userUuid: string) {
  const calendar = await getCalendar(key, actorId);
  const user = await targetUser(userUuid);
  await transaction(async (tx) => {
    await recordChange(tx, { calendarId: calendar.id, kind: "access", userId: user.id });
    const actor = await lockedActor(calendar, actorId, tx);
    const existing = await calendars.findMember(calendar.id, user.id, tx);
    if (!existing) throw notFound("the user is not a member of this calendar");
    if (user.id !== actorId) mayAssign(actor, existing.role, existing.role);
    if (existing.role === "owner" && (await calendars.countOwners(calendar.id, tx)) <= 1) {
      throw conflict("the last owner cannot leave the calendar; make someone else owner first");
    }
    await calendars.removeMember(calendar.id, user.id, tx);
  });
}
