// Calendars and their members.
import crypto from "node:crypto";
import type { MemberRole } from "../domain/enums.ts";
import { remindersFromJson } from "../domain/reminders.ts";
import type { CalendarRecord, UserRecord } from "../domain/types.ts";
import { db, type Tx } from "./client.ts";
import { instantOf } from "../domain/event-model.ts";
import { readerFor, sql } from "./sql.ts";
import { currentSnapshot } from "./request-snapshot.ts";
import { deepFreeze } from "./read-cache.ts";

const calendarSelect = { id: true, uuid: true, name: true, description: true, color: true, timeZone: true, createdAt: true, updatedAt: true, defaultReminders: true } as const;
const readSelect = { ...calendarSelect, subscription: { select: { sourceUrl: true } } } as const;

type CalendarRow = Omit<CalendarRecord, "role" | "sourceUrl" | "defaultReminders"> & { defaultReminders: string; subscription?: { sourceUrl: string } | null };

function withRole({ subscription, defaultReminders, ...row }: CalendarRow, role: string | null): CalendarRecord {
  return { ...row, defaultReminders: remindersFromJson(defaultReminders), role: role as MemberRole | null, sourceUrl: subscription?.sourceUrl ?? null };
}

/** The viewer's role in every calendar they belong to. */
export async function rolesOf(userId: number, tx: Tx = db()): Promise<Map<number, MemberRole>> {
  const snapshot = tx === db() ? currentSnapshot(userId) : null;
  if (snapshot) return new Map([...snapshot.calendars.values()].map((c) => [c.id, c.role]));
  const rows = await readerFor(tx).all(sql`SELECT calendar_id, role FROM calendar_members WHERE user_id = ${userId}`);
  return new Map(rows.map((r) => [Number(r.calendar_id), r.role as MemberRole]));
}

export async function listCalendarsOf(userId: number, page: { limit: number; offset: number }, tx: Tx = db()): Promise<{ calendars: CalendarRecord[]; total: number }> {
  const where = { members: { some: { userId } } };
  const [rows, total] = await Promise.all([
    tx.calendar.findMany({
      where,
      select: { ...readSelect, members: { where: { userId }, select: { role: true } } },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      take: page.limit,
      skip: page.offset,
    }),
    tx.calendar.count({ where }),
  ]);
  return { calendars: rows.map(({ members, ...row }) => withRole(row, members[0]?.role ?? null)), total };
}

// Calendar rows (without the reader's role) as last read, by id: reused while the request's
// snapshot shows the same stamp (lib/db/request-snapshot.ts), so an event route does not read its
// calendar again on every request.
const calendarRows = new Map<number, { stamp: string; record: CalendarRecord }>();

export async function findCalendar(key: { uuid: string } | { id: number }, userId: number, tx: Tx = db()): Promise<CalendarRecord | null> {
  const snapshot = tx === db() ? currentSnapshot(userId) : null;
  const known = snapshot && ("uuid" in key ? snapshot.byUuid.get(key.uuid) : snapshot.calendars.get(key.id));
  const cached = known ? calendarRows.get(known.id) : undefined;
  if (known && cached?.stamp === known.stamp) return { ...cached.record, role: known.role };
  const where = "uuid" in key ? sql`c.uuid = ${key.uuid}` : sql`c.id = ${key.id}`;
  const [r] = await readerFor(tx).all(sql`SELECT c.id, c.uuid, c.name, c.description, c.color, c.time_zone, c.created_at, c.updated_at, c.default_reminders, m.role, s.source_url
    FROM calendars c LEFT JOIN calendar_members m ON m.calendar_id = c.id AND m.user_id = ${userId} LEFT JOIN ics_subscriptions s ON s.calendar_id = c.id WHERE ${where}`);
  if (!r) return null;
  const record: CalendarRecord = {
    id: Number(r.id),
    uuid: r.uuid as string,
    name: r.name as string,
    description: (r.description as string | null) ?? null,
    color: r.color as string,
    timeZone: r.time_zone as string,
    createdAt: instantOf(r.created_at),
    updatedAt: instantOf(r.updated_at),
    role: (r.role as MemberRole | null) ?? null,
    sourceUrl: (r.source_url as string | null) ?? null,
    defaultReminders: remindersFromJson(r.default_reminders as string | null),
  };
  // Read after the snapshot's stamp: never older than it.
  if (known && known.id === record.id) {
    if (calendarRows.size >= 1000) calendarRows.delete(calendarRows.keys().next().value!);
    calendarRows.set(record.id, { stamp: known.stamp, record: deepFreeze({ ...record, role: null }) });
  }
  return record;
}

/** Another database (tests, the CLI): forget the rows read from this one. */
export function clearCalendarRows(): void {
  calendarRows.clear();
}

export interface CalendarWrite {
  name: string;
  description: string | null;
  color: string;
  timeZone: string;
  defaultReminders?: number[];
}

function calendarColumns<T extends Partial<CalendarWrite>>({ defaultReminders, ...rest }: T): Omit<T, "defaultReminders"> & { defaultReminders?: string } {
  return { ...rest, ...(defaultReminders !== undefined ? { defaultReminders: JSON.stringify(defaultReminders) } : {}) };
}

export async function insertCalendar(data: CalendarWrite, ownerId: number, tx: Tx = db()): Promise<CalendarRecord> {
  const row = await tx.calendar.create({
    data: { uuid: crypto.randomUUID(), ...calendarColumns(data), members: { create: { userId: ownerId, role: "owner" } } },
    select: calendarSelect,
  });
  return withRole(row, "owner");
}

export async function updateCalendar(id: number, data: Partial<CalendarWrite>, tx: Tx = db()): Promise<void> {
  await tx.calendar.update({ where: { id }, data: calendarColumns(data) });
}

export async function deleteCalendar(id: number, tx: Tx = db()): Promise<void> {
  await tx.calendar.delete({ where: { id } });
}

export interface MemberRecord {
  user: UserRecord;
  role: MemberRole;
  createdAt: Date;
}

const userSelect = { id: true, uuid: true, email: true, name: true, timeZone: true, createdAt: true, updatedAt: true } as const;

export async function listMembers(calendarId: number, page: { limit: number; offset: number }, tx: Tx = db()): Promise<{ members: MemberRecord[]; total: number }> {
  const [rows, total] = await Promise.all([
    tx.calendarMember.findMany({
      where: { calendarId },
      select: { role: true, createdAt: true, user: { select: userSelect } },
      orderBy: [{ createdAt: "asc" }, { userId: "asc" }],
      take: page.limit,
      skip: page.offset,
    }),
    tx.calendarMember.count({ where: { calendarId } }),
  ]);
  return { members: rows.map((r) => ({ ...r, role: r.role as MemberRole })), total };
}

export async function findMember(calendarId: number, userId: number, tx: Tx = db()): Promise<MemberRecord | null> {
  const row = await tx.calendarMember.findUnique({
    where: { calendarId_userId: { calendarId, userId } },
    select: { role: true, createdAt: true, user: { select: userSelect } },
  });
  return row ? { ...row, role: row.role as MemberRole } : null;
}

export async function upsertMember(calendarId: number, userId: number, role: MemberRole, tx: Tx = db()): Promise<void> {
  await tx.calendarMember.upsert({
    where: { calendarId_userId: { calendarId, userId } },
    create: { calendarId, userId, role },
    update: { role },
  });
}

export async function removeMember(calendarId: number, userId: number, tx: Tx = db()): Promise<void> {
  await tx.calendarMember.deleteMany({ where: { calendarId, userId } });
}

export async function countOwners(calendarId: number, tx: Tx = db()): Promise<number> {
  return tx.calendarMember.count({ where: { calendarId, role: "owner" } });
}
