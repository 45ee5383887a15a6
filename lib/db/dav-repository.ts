// Lookups CalDAV needs beyond the event repository: a resource is a stored series master (or
// single event) named by the href a client PUT it under, else `<uuid>.ics`.
import type { EventRecord } from "../domain/types.ts";
import { db, type Tx } from "./client.ts";
import { inSlices } from "./slices.ts";
import { selectEventRows } from "./event-mapper.ts";
import { readerFor, sql, type Sql } from "./sql.ts";

export interface StoredObject {
  event: EventRecord;
  davHref: string | null;
}

async function findMaster(where: Sql, tx: Tx): Promise<StoredObject | null> {
  const found = (await selectEventRows(readerFor(tx), sql`${where} AND e.series_id IS NULL AND e.deleted_at IS NULL`, sql`ORDER BY e.id LIMIT 1`, ["dav_href"]))[0];
  return found ? { event: found.event, davHref: (found.row.dav_href as string | null) ?? null } : null;
}

/** The live master/single event a resource name addresses in a calendar. */
export async function findObjectRow(calendarId: number, name: string, tx: Tx = db()): Promise<StoredObject | null> {
  const byHref = await findMaster(sql`e.calendar_id = ${calendarId} AND e.dav_href = ${name}`, tx);
  if (byHref) return byHref;
  const uuid = /^([0-9a-f-]{36})\.ics$/i.exec(name)?.[1]?.toLowerCase();
  if (!uuid) return null;
  return findMaster(sql`e.calendar_id = ${calendarId} AND e.uuid = ${uuid} AND e.dav_href IS NULL`, tx);
}

/** The live master holding an iCalendar UID in a calendar (its own uuid when none was given). */
export async function findObjectByUid(calendarId: number, uid: string, tx: Tx = db()): Promise<StoredObject | null> {
  return (
    (await findMaster(sql`e.calendar_id = ${calendarId} AND e.ical_uid = ${uid}`, tx)) ??
    (/^[0-9a-f-]{36}$/i.test(uid) ? await findMaster(sql`e.calendar_id = ${calendarId} AND e.uuid = ${uid.toLowerCase()} AND e.ical_uid IS NULL`, tx) : null)
  );
}

/** Resource names of masters, deleted or not, for rows the change log named (overrides map to their series). */
export async function objectNamesOf(calendarId: number, eventIds: number[], tx: Tx = db()): Promise<{ masterId: number; name: string; deleted: boolean }[]> {
  if (eventIds.length === 0) return [];
  const rows = await inSlices(eventIds, (ids) => tx.event.findMany({ where: { id: { in: ids } }, select: { id: true, seriesId: true } }));
  const masterIds = [...new Set(rows.map((r) => r.seriesId ?? r.id))];
  const masters = await inSlices(masterIds, (ids) => tx.event.findMany({ where: { id: { in: ids }, calendarId }, select: { id: true, uuid: true, davHref: true, deletedAt: true } }));
  return masters.map((m) => ({ masterId: m.id, name: m.davHref ?? `${m.uuid}.ics`, deleted: m.deletedAt !== null }));
}

/** The hrefs of live masters chosen by clients, by event id (most events have none). */
export async function davHrefsOf(eventIds: number[], tx: Tx = db()): Promise<Map<number, string>> {
  if (eventIds.length === 0) return new Map();
  const rows = await inSlices(eventIds, (ids) => tx.event.findMany({ where: { id: { in: ids }, davHref: { not: null } }, select: { id: true, davHref: true } }));
  return new Map(rows.map((r) => [r.id, r.davHref!]));
}

export async function setDavHref(eventId: number, href: string | null, tx: Tx = db()): Promise<void> {
  await tx.event.update({ where: { id: eventId }, data: { davHref: href } });
}

export interface IcalIdentity {
  icalUid: string | null;
  icalSequence: number;
  icalLastModified: Date | null;
  icalHash: string;
  davHref?: string | null;
}

/** What the iCalendar source said of a stored master (UID, SEQUENCE, content hash, CalDAV href). */
export async function setIcalIdentity(eventId: number, identity: IcalIdentity, tx: Tx = db()): Promise<void> {
  await tx.event.update({ where: { id: eventId }, data: identity });
}

/** The calendar of `userId`'s home that a client named `name` with MKCALENDAR. */
export async function calendarIdByDavName(name: string, userId: number, tx: Tx = db()): Promise<number | null> {
  const row = await tx.calendar.findFirst({ where: { davName: name, members: { some: { userId } } }, select: { id: true }, orderBy: { id: "asc" } });
  return row?.id ?? null;
}

/** Collection names chosen by clients, by calendar id (most calendars have none: their uuid). */
export async function davNamesOf(calendarIds: number[], tx: Tx = db()): Promise<Map<number, string>> {
  if (calendarIds.length === 0) return new Map();
  const rows = await tx.calendar.findMany({ where: { id: { in: calendarIds }, davName: { not: null } }, select: { id: true, davName: true } });
  return new Map(rows.map((r) => [r.id, r.davName!]));
}

export async function setCalendarDavName(calendarId: number, name: string, tx: Tx = db()): Promise<void> {
  await tx.calendar.update({ where: { id: calendarId }, data: { davName: name } });
}
