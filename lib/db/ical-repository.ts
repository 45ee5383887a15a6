// iCalendar storage: whole-calendar reads for export, bulk writes for import/subscriptions (with
// their change-log rows), private feeds and subscriptions.
import { lockCalendar } from "./change-log.ts";
import { db, provider, type Tx } from "./client.ts";
import { instantOf, snakeCase, type EventWrite } from "../domain/event-model.ts";
import { searchTextOf, selectEvents, spanClassOf, toEventColumns } from "./event-mapper.ts";
import { currentSnapshot } from "./request-snapshot.ts";
import { readerFor, sql } from "./sql.ts";
import type { EventRecord } from "../domain/types.ts";

/** Every stored, non-deleted row of a calendar (series, singles and overrides), by start. */
export async function findCalendarRows(calendarId: number, tx: Tx = db()): Promise<EventRecord[]> {
  return selectEvents(readerFor(tx), sql`e.calendar_id = ${calendarId} AND e.deleted_at IS NULL`, sql`ORDER BY e.starts_at, e.id`);
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

function columns(row: ImportedRow, calendarId: number, creatorId: number, icsFeedId: number | null, now: Date): Record<string, unknown> {
  return {
    uuid: row.uuid,
    calendarId,
    creatorId,
    ...toEventColumns(row.fields),
    searchText: searchTextOf(row.fields),
    spanClass: spanClassOf(row.fields),
    originalStartsAt: row.originalStartsAt ?? null,
    icsFeedId,
    icalUid: row.uid,
    icalSequence: row.icalSequence,
    icalLastModified: row.icalLastModified,
    icalHash: row.icalHash,
    createdAt: now,
    updatedAt: now,
  };
}

// Bulk writes go around Prisma's createMany: its query compiler builds a plan holding every row
// (≈0.1 s per few hundred events), which made a 20,000-event import take tens of seconds. Rows go
// to the database as one JSON parameter per chunk, unpacked there (SQLite json_each, PostgreSQL
// json_populate_recordset with the table's own column types), so the engine handles one value,
// not thousands. Instants are written as each adapter writes them for Prisma's own queries.
const ROWS_PER_STATEMENT = 2_000;

function jsonValue(value: unknown, postgres: boolean): unknown {
  if (value instanceof Date) return postgres ? value.toISOString() : value.toISOString().replace("Z", "+00:00");
  if (typeof value === "boolean" && !postgres) return value ? 1 : 0;
  return value ?? null;
}

/** Inserts rows (keyed by field name) in chunks; returns uuid → id when asked. */
async function insertRows(tx: Tx, table: string, rows: Record<string, unknown>[], returning: boolean): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  if (rows.length === 0) return ids;
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))].map((field) => [field, snakeCase(field)] as const);
  const postgres = provider() === "postgres";
  const names = columns.map(([, column]) => column).join(", ");
  const sql = postgres
    ? `INSERT INTO ${table} (${names}) SELECT ${names} FROM json_populate_recordset(NULL::${table}, $1::json)`
    : `INSERT INTO ${table} (${names}) SELECT ${columns.map(([, column]) => `json_extract(value, '$.${column}')`).join(", ")} FROM json_each(?)`;
  for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
    const chunk = rows.slice(start, start + ROWS_PER_STATEMENT).map((row) => {
      const out: Record<string, unknown> = {};
      for (const [field, column] of columns) out[column] = jsonValue(row[field], postgres);
      return out;
    });
    const json = JSON.stringify(chunk);
    if (!returning) {
      await tx.$executeRawUnsafe(sql, json);
      continue;
    }
    for (const r of await tx.$queryRawUnsafe<{ id: number | bigint; uuid: string }[]>(`${sql} RETURNING id, uuid`, json)) ids.set(r.uuid, Number(r.id));
  }
  return ids;
}

/** Inserts series/singles, then their overrides, in bulk; records one change per row. */
export async function insertImported(
  rows: ImportedRow[],
  target: { calendarId: number; creatorId: number; icsFeedId: number | null },
  tx: Tx,
): Promise<void> {
  if (rows.length === 0) return;
  const version = await lockCalendar(tx, target.calendarId);
  const now = new Date();
  const masters = rows.filter((r) => !r.seriesUuid);
  const overrides = rows.filter((r) => r.seriesUuid);
  const ids = await insertRows(tx, "events", masters.map((r) => columns(r, target.calendarId, target.creatorId, target.icsFeedId, now)), true);
  const overrideIds = await insertRows(
    tx,
    "events",
    overrides.map((r) => ({ ...columns(r, target.calendarId, target.creatorId, target.icsFeedId, now), seriesId: ids.get(r.seriesUuid!)! })),
    true,
  );
  for (const [uuid, id] of overrideIds) ids.set(uuid, id);
  await insertRows(tx, "change_log", rows.map((r) => ({ calendarId: target.calendarId, version, kind: "created", eventId: ids.get(r.uuid)!, createdAt: now })), false);
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
  await lockCalendar(tx, calendarId);
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
  // The request's snapshot knows whether the caller's calendars are subscribed (most are not).
  if (tx === db() && currentSnapshot()?.calendars.get(calendarId)?.subscribed === false) return null;
  // On every event write (is the calendar read-only?): the raw read path, not Prisma's engine.
  const [r] = await readerFor(tx).all(sql`SELECT id, calendar_id, source_url, etag, last_modified, refresh_interval_seconds, last_fetched_at, next_fetch_at, last_error
    FROM ics_subscriptions WHERE calendar_id = ${calendarId}`);
  if (!r) return null;
  return {
    id: Number(r.id),
    calendarId: Number(r.calendar_id),
    sourceUrl: r.source_url as string,
    etag: (r.etag as string | null) ?? null,
    lastModified: (r.last_modified as string | null) ?? null,
    refreshIntervalSeconds: Number(r.refresh_interval_seconds),
    lastFetchedAt: r.last_fetched_at == null ? null : instantOf(r.last_fetched_at),
    nextFetchAt: instantOf(r.next_fetch_at),
    lastError: (r.last_error as string | null) ?? null,
  };
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
