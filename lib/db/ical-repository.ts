// iCalendar storage: whole-calendar reads for export, bulk writes for import/subscriptions (with
// their change-log rows), private feeds and subscriptions.
import { lockCalendar } from "./change-log.ts";
import { db, type Tx } from "./client.ts";
import { eventInclude, searchTextOf, spanClassOf, toEventColumns, toEventRecord, type EventWrite } from "./event-mapper.ts";
import type { Prisma } from "./generated/sqlite/client.ts";
import type { EventRecord } from "../domain/types.ts";

/** Every stored, non-deleted row of a calendar (series, singles and overrides), series first. */
export async function findCalendarRows(calendarId: number, tx: Tx = db()): Promise<EventRecord[]> {
  const rows = await tx.event.findMany({ where: { calendarId, deletedAt: null }, include: eventInclude, orderBy: [{ startsAt: "asc" }, { id: "asc" }] });
  return rows.map(toEventRecord);
}

/** What an import needs to know about the calendar's existing UIDs. */
export interface StoredSeries {
  id: number;
  uid: string;
  hash: string | null;
  icalSequence: number | null;
  icalLastModified: Date | null;
  sequence: number;
}

export async function findStoredSeries(calendarId: number, tx: Tx = db()): Promise<Map<string, StoredSeries>> {
  const rows = await tx.event.findMany({
    where: { calendarId, deletedAt: null, seriesId: null },
    select: { id: true, uuid: true, icalUid: true, icalHash: true, icalSequence: true, icalLastModified: true, sequence: true },
  });
  return new Map(rows.map((r) => [r.icalUid ?? r.uuid, { id: r.id, uid: r.icalUid ?? r.uuid, hash: r.icalHash, icalSequence: r.icalSequence, icalLastModified: r.icalLastModified, sequence: r.sequence }]));
}

/** One row to write: checked columns plus the iCalendar bookkeeping. */
export interface ImportedRow {
  uuid: string;
  fields: EventWrite;
  uid: string;
  seriesUuid?: string | undefined;
  originalStartsAt?: Date | null | undefined;
  icalSequence: number;
  icalLastModified: Date | null;
  icalHash: string | null;
}

function columns(row: ImportedRow, calendarId: number, creatorId: number, icsFeedId: number | null) {
  return {
    uuid: row.uuid,
    calendarId,
    creatorId,
    ...(toEventColumns(row.fields) as Record<string, never>),
    searchText: searchTextOf(row.fields),
    spanClass: spanClassOf(row.fields),
    originalStartsAt: row.originalStartsAt ?? null,
    icsFeedId,
    icalUid: row.uid,
    icalSequence: row.icalSequence,
    icalLastModified: row.icalLastModified,
    icalHash: row.icalHash,
  };
}

/** Inserts series/singles, then their overrides, in bulk; records one change per row. */
export async function insertImported(
  rows: ImportedRow[],
  target: { calendarId: number; creatorId: number; icsFeedId: number | null },
  tx: Tx,
): Promise<void> {
  if (rows.length === 0) return;
  const version = await lockCalendar(tx, target.calendarId);
  const masters = rows.filter((r) => !r.seriesUuid);
  const overrides = rows.filter((r) => r.seriesUuid);
  await tx.event.createMany({ data: masters.map((r) => columns(r, target.calendarId, target.creatorId, target.icsFeedId)) as Prisma.EventCreateManyInput[] });
  const ids = new Map((await tx.event.findMany({ where: { uuid: { in: masters.map((r) => r.uuid) } }, select: { id: true, uuid: true } })).map((r) => [r.uuid, r.id]));
  if (overrides.length) {
    await tx.event.createMany({
      data: overrides.map((r) => ({ ...columns(r, target.calendarId, target.creatorId, target.icsFeedId), seriesId: ids.get(r.seriesUuid!)! })) as Prisma.EventCreateManyInput[],
    });
    for (const r of await tx.event.findMany({ where: { uuid: { in: overrides.map((o) => o.uuid) } }, select: { id: true, uuid: true } })) ids.set(r.uuid, r.id);
  }
  await tx.changeLog.createMany({ data: rows.map((r) => ({ calendarId: target.calendarId, version, kind: "created", eventId: ids.get(r.uuid)! })) });
}

/** Removes rows for good (an import that dropped overrides, a feed that dropped events). */
export async function deleteRows(ids: number[], calendarId: number, tx: Tx): Promise<void> {
  if (ids.length === 0) return;
  await lockCalendar(tx, calendarId);
  const overrides = await tx.event.findMany({ where: { seriesId: { in: ids } }, select: { id: true } });
  const all = [...ids, ...overrides.map((o) => o.id)];
  await tx.event.deleteMany({ where: { id: { in: all } } });
  await recordRows(tx, calendarId, all, "deleted");
}

/** Marks every event of a subscribed calendar as coming from its feed (rows the shared series writer added). */
export async function stampFeed(calendarId: number, icsFeedId: number, tx: Tx): Promise<void> {
  await tx.event.updateMany({ where: { calendarId, icsFeedId: null }, data: { icsFeedId } });
}

async function recordRows(tx: Tx, calendarId: number, eventIds: number[], kind: "updated" | "deleted"): Promise<void> {
  const version = await lockCalendar(tx, calendarId);
  await tx.changeLog.createMany({ data: eventIds.map((eventId) => ({ calendarId, version, kind, eventId })) });
}

// Private feeds -------------------------------------------------------------------------------

export async function upsertFeed(calendarId: number, userId: number, secretHash: string, tx: Tx = db()): Promise<void> {
  await tx.calendarFeed.upsert({
    where: { calendarId_userId: { calendarId, userId } },
    create: { calendarId, userId, secretHash },
    update: { secretHash, createdAt: new Date() },
  });
}

export async function deleteFeed(calendarId: number, userId: number, tx: Tx = db()): Promise<boolean> {
  return (await tx.calendarFeed.deleteMany({ where: { calendarId, userId } })).count > 0;
}

export async function findFeed(secretHash: string, tx: Tx = db()): Promise<{ calendarId: number; userId: number } | null> {
  return tx.calendarFeed.findUnique({ where: { secretHash }, select: { calendarId: true, userId: true } });
}

export async function hasFeed(calendarId: number, userId: number, tx: Tx = db()): Promise<boolean> {
  return (await tx.calendarFeed.count({ where: { calendarId, userId } })) > 0;
}

// Subscriptions -------------------------------------------------------------------------------

export interface SubscriptionRecord {
  id: number;
  calendarId: number;
  sourceUrl: string;
  etag: string | null;
  lastModified: string | null;
  refreshIntervalSeconds: number;
  lastFetchedAt: Date | null;
  nextFetchAt: Date;
  lastError: string | null;
}

export async function insertSubscription(calendarId: number, sourceUrl: string, tx: Tx = db()): Promise<SubscriptionRecord> {
  return tx.icsSubscription.create({ data: { calendarId, sourceUrl } });
}

export async function findSubscription(calendarId: number, tx: Tx = db()): Promise<SubscriptionRecord | null> {
  return tx.icsSubscription.findUnique({ where: { calendarId } });
}

export async function updateSubscription(id: number, data: Partial<Omit<SubscriptionRecord, "id" | "calendarId" | "sourceUrl">>, tx: Tx = db()): Promise<void> {
  await tx.icsSubscription.update({ where: { id }, data });
}

/** Subscriptions due for a refresh, each claimed (its next fetch moved on) so one instance takes it. */
export async function claimDueSubscriptions(now: Date, leaseMs: number, tx: Tx = db()): Promise<SubscriptionRecord[]> {
  const due = await tx.icsSubscription.findMany({ where: { nextFetchAt: { lte: now } }, orderBy: { nextFetchAt: "asc" }, take: 10 });
  const claimed: SubscriptionRecord[] = [];
  for (const s of due) {
    const result = await tx.icsSubscription.updateMany({ where: { id: s.id, nextFetchAt: s.nextFetchAt }, data: { nextFetchAt: new Date(now.getTime() + leaseMs) } });
    if (result.count === 1) claimed.push(s);
  }
  return claimed;
}

export async function findOwnerId(calendarId: number, tx: Tx = db()): Promise<number | null> {
  const owner = await tx.calendarMember.findFirst({ where: { calendarId, role: "owner" }, orderBy: { createdAt: "asc" }, select: { userId: true } });
  return owner?.userId ?? null;
}
