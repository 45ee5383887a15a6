// Events in the database. Every query that lists events takes the viewer and pre-filters with the
// same rule as lib/domain/access.ts, so totals and pages are exact.
// Events: every read, and the insert, is one SQL text for both engines (lib/db/sql.ts); the other writes go through Prisma.
import crypto from "node:crypto";
import { roleAtLeast } from "../domain/enums.ts";
import { ConcurrentUpdateError } from "../domain/errors.ts";
import { EVENT_COLUMNS, snakeCase, type EventWrite } from "../domain/event-model.ts";
import { searchKey } from "../domain/search.ts";
import type { EventRecord, Viewer } from "../domain/types.ts";
import { compactInstant } from "../domain/time.ts";
import { NOTIFY_CHANNEL, recordChange } from "./change-log.ts";
import { wakeFeed } from "./change-feed.ts";
import { noteWrite } from "./request-snapshot.ts";
import { writeTransaction } from "./transaction.ts";
import { db, provider, type Tx } from "./client.ts";
import { searchTextOf, selectEvents, SHORT_SPAN_MS, spanClassOf, toEventColumns, toEventRecord } from "./event-mapper.ts";
import { ids, join, raw, readerFor, sql, type Sql, type Writer } from "./sql.ts";

function adminCalendars(viewer: Viewer): number[] {
  return [...viewer.roles].filter(([, role]) => roleAtLeast(role, "admin")).map(([id]) => id);
}

/** The access rule in SQL: exactly the events for which eventAccess(...).see !== "none". */
export function visibleTo(viewer: Viewer): Sql {
  const admin = ids(adminCalendars(viewer));
  const member = ids(viewer.roles.keys());
  const uid = viewer.userId;
  return sql`(e.creator_id = ${uid}
    OR EXISTS (SELECT 1 FROM event_participants p WHERE p.event_id = e.id AND p.user_id = ${uid})
    OR (e.stakeholder = 'everyone' AND e.visibility <> 'private')
    OR (e.stakeholder = 'everyone' AND e.calendar_id IN (${admin}))
    OR (e.stakeholder = 'group' AND e.calendar_id IN (${member}) AND e.visibility <> 'private')
    OR (e.stakeholder = 'group' AND e.calendar_id IN (${admin})))`;
}

/** eventAccess(...).see === "full" in SQL: only these may match a search by hidden text. */
function fullySeenBy(viewer: Viewer): Sql {
  return sql`(e.creator_id = ${viewer.userId}
    OR EXISTS (SELECT 1 FROM event_participants p WHERE p.event_id = e.id AND p.user_id = ${viewer.userId})
    OR e.calendar_id IN (${ids(adminCalendars(viewer))}) OR e.visibility = 'public')`;
}

/** `search_text` contains the search key, literally (`%`, `_` and `\` are just characters). */
function matches(q: string): Sql {
  return sql`e.search_text LIKE ${`%${searchKey(q).replace(/[\\%_]/g, (c) => `\\${c}`)}%`} ESCAPE '\\'`;
}

/**
 * Events and series overlapping [from, to). Each branch is one index range on
 * ([calendar_id,] span_class, starts_at): the calendar goes inside every branch so both engines can
 * use a multi-index OR.
 */
function inWindow(window: { from: Date; to: Date }, calendarId: number | undefined): Sql {
  const { from, to } = window;
  const cal = calendarId !== undefined ? sql`e.calendar_id = ${calendarId} AND ` : raw("");
  return sql`(
       (${cal}e.span_class = 0 AND e.starts_at >= ${new Date(from.getTime() - SHORT_SPAN_MS)} AND e.starts_at < ${to} AND e.ends_at > ${from})
    OR (${cal}e.span_class = 1 AND e.starts_at < ${to} AND e.ends_at > ${from})
    OR (${cal}e.span_class = 2 AND e.starts_at < ${to} AND (e.recurrence_ends_at IS NULL OR e.recurrence_ends_at > ${from}))
    OR (${cal}e.span_class = 0 AND e.starts_at = ${from} AND e.ends_at = ${from}))`;
}

export interface EventQuery {
  viewer: Viewer;
  calendarId?: number | undefined;
  q?: string | undefined;
  orderBy?: "starts_at" | "created_at" | "updated_at";
  limit?: number;
  offset?: number;
}

function whereOf(query: EventQuery): Sql {
  const and = [raw("e.deleted_at IS NULL"), visibleTo(query.viewer)];
  if (query.calendarId !== undefined) and.push(sql`e.calendar_id = ${query.calendarId}`);
  if (query.q) and.push(matches(query.q), fullySeenBy(query.viewer));
  // Outside a window, a series is listed once: its overrides are part of it.
  and.push(raw("e.series_id IS NULL"));
  return joinAnd(and);
}

const joinAnd = (parts: Sql[]): Sql => join(parts, " AND ");

const ORDER = {
  starts_at: raw("ORDER BY e.starts_at, e.id"),
  created_at: raw("ORDER BY e.created_at DESC, e.id DESC"),
  updated_at: raw("ORDER BY e.updated_at DESC, e.id DESC"),
} as const;

/** Stored events (a series once), paged. */
export async function findEvents(query: EventQuery, tx: Tx = db()): Promise<{ events: EventRecord[]; total: number }> {
  const reader = readerFor(tx);
  const where = whereOf(query);
  const page = query.limit !== undefined ? sql` LIMIT ${query.limit} OFFSET ${query.offset ?? 0}` : raw("");
  const [events, count] = await Promise.all([
    selectEvents(reader, where, sql`${ORDER[query.orderBy ?? "starts_at"]}${page}`),
    query.limit !== undefined ? reader.all(sql`SELECT count(*) AS n FROM events e WHERE ${where}`) : Promise.resolve(null),
  ]);
  return { events, total: count ? Number(count[0]!.n) : events.length };
}

/** What a window list is made of: the rows overlapping it, the overrides of its series, and the series of overrides found outside them. */
export interface WindowRows {
  events: readonly EventRecord[];
  overrides: readonly EventRecord[];
  parents: readonly EventRecord[];
}

/** Every visible event, series and override overlapping the window, plus what expanding them needs. */
export async function findWindow(viewer: Viewer, window: { from: Date; to: Date }, calendarId: number | undefined, q: string | undefined): Promise<WindowRows> {
  const reader = readerFor();
  const and = [raw("e.deleted_at IS NULL"), visibleTo(viewer), inWindow(window, calendarId)];
  if (q) and.push(matches(q), fullySeenBy(viewer));
  const events = await selectEvents(reader, joinAnd(and), raw("ORDER BY e.starts_at, e.id"));
  const seriesIds = events.filter((e) => e.rrule !== null && e.seriesId === null).map((e) => e.id);
  const inList = new Set(seriesIds);
  const missing = [...new Set(events.filter((e) => e.seriesId !== null && !inList.has(e.seriesId)).map((e) => e.seriesId!))];
  const [overrides, parents] = await Promise.all([findOverrides(seriesIds), missing.length ? selectEvents(reader, sql`e.id IN (${ids(missing)}) AND e.deleted_at IS NULL`) : []]);
  return { events, overrides, parents };
}

export async function findEventByUuid(uuid: string, tx: Tx = db()): Promise<EventRecord | null> {
  return (await selectEvents(readerFor(tx), sql`e.uuid = ${uuid} AND e.deleted_at IS NULL`))[0] ?? null;
}

export async function findEventById(id: number, tx: Tx | Writer = db()): Promise<EventRecord | null> {
  return (await selectEvents(readerFor(tx), sql`e.id = ${id} AND e.deleted_at IS NULL`))[0] ?? null;
}

/** Every override row (deleted ones too) of the given series. */
export async function findOverrides(seriesIds: number[], tx: Tx = db()): Promise<EventRecord[]> {
  if (seriesIds.length === 0) return [];
  return selectEvents(readerFor(tx), sql`e.series_id IN (${ids(seriesIds)})`, raw("ORDER BY e.id"));
}

export interface NewEvent extends EventWrite {
  calendarId: number;
  creatorId: number;
  seriesId?: number | null;
  originalStartsAt?: Date | null;
  participants?: { userId: number; role: string }[];
}

/** The stored columns of a new event (by Prisma field name). */
function newEventColumns(data: NewEvent, now: Date): Record<string, unknown> {
  return {
    uuid: crypto.randomUUID(),
    calendarId: data.calendarId,
    creatorId: data.creatorId,
    seriesId: data.seriesId ?? null,
    originalStartsAt: data.originalStartsAt ?? null,
    searchText: searchTextOf(data),
    spanClass: spanClassOf(data),
    ...toEventColumns(data),
    sequence: 0,
    createdAt: now,
    updatedAt: now,
  };
}

/** What an insert returns: the record's columns and the calendar's and series' uuids (both engines accept subqueries in RETURNING). */
const RETURNED = raw(`${EVENT_COLUMNS.join(", ")}, (SELECT c.uuid FROM calendars c WHERE c.id = events.calendar_id) AS calendar_uuid,
  (SELECT s.uuid FROM events s WHERE s.id = events.series_id) AS series_uuid`);

const columnList = (columns: Record<string, unknown>) => raw(Object.keys(columns).map(snakeCase).join(", "));
const valueList = (columns: Record<string, unknown>) => join(Object.values(columns).map((value) => sql`${value}`), ", ");

export async function insertEvent(data: NewEvent, tx: Tx | Writer = db()): Promise<EventRecord> {
  const run = readerFor(tx);
  const now = new Date();
  const columns = newEventColumns(data, now);
  // The stored row comes back with the insert (no read-back), with the uuids a record carries.
  const [row] = await run.all(sql`INSERT INTO events (${columnList(columns)}) VALUES (${valueList(columns)}) RETURNING ${RETURNED}`);
  const id = Number(row!.id);
  if (data.participants?.length) {
    await run.all(sql`INSERT INTO event_participants (event_id, user_id, role, rsvp, created_at) VALUES ${join(data.participants.map((p) => sql`(${id}, ${p.userId}, ${p.role}, 'needs_action', ${now})`), ", ")}`);
  }
  await recordChange(tx, { calendarId: data.calendarId, eventId: id, kind: "created" });
  // Participants carry their users' uuids: read those back with the row.
  return data.participants?.length ? (await findEventById(id, tx))! : toEventRecord(row!, []);
}

/**
 * Creates one event as a transaction of its own (the API's create). On PostgreSQL that is ONE
 * statement — the calendar's next version, the row, its change-log entry and the notification
 * together — so the calendar's change lock (calendar_sync) is held for one statement and its commit
 * instead of seven round trips, which capped creation in one calendar at ~100/s. SQLite (and events
 * with participants) run the same steps in a raw transaction: there a transaction costs no round trips.
 */
export async function insertEventAlone(data: NewEvent): Promise<EventRecord> {
  if (provider() !== "postgres" || data.participants?.length) {
    return writeTransaction((tx) => insertEvent(data, tx));
  }
  noteWrite();
  const now = new Date();
  const columns = newEventColumns(data, now);
  const [row] = await readerFor().all(sql`WITH version AS (
      INSERT INTO calendar_sync (calendar_id, version, floor) VALUES (${data.calendarId}, 1, 0)
      ON CONFLICT (calendar_id) DO UPDATE SET version = calendar_sync.version + 1 RETURNING version),
    inserted AS (INSERT INTO events (${columnList(columns)}) VALUES (${valueList(columns)}) RETURNING ${raw(EVENT_COLUMNS.join(", "))}),
    logged AS (INSERT INTO change_log (calendar_id, version, kind, event_id, created_at)
      SELECT ${data.calendarId}, version.version, 'created', inserted.id, ${now} FROM version, inserted RETURNING version),
    notified AS (SELECT pg_notify(${NOTIFY_CHANNEL}, json_build_object('c', ${data.calendarId}::int, 'v', logged.version)::text) FROM logged)
    SELECT inserted.*, (SELECT count(*) FROM notified) AS notified, c.uuid AS calendar_uuid, s.uuid AS series_uuid
    FROM inserted JOIN calendars c ON c.id = inserted.calendar_id LEFT JOIN events s ON s.id = inserted.series_id`);
  wakeFeed();
  return toEventRecord(row!, []);
}

/** Writes changed columns, bumps `sequence`; `expectedSequence` guards against lost updates. */
export async function updateEvent(
  event: EventRecord,
  change: Partial<EventWrite>,
  tx: Tx = db(),
): Promise<EventRecord> {
  const merged = { ...event, ...change };
  const result = await tx.event.updateMany({
    where: { id: event.id, sequence: event.sequence },
    data: { ...toEventColumns(change), searchText: searchTextOf(merged), spanClass: spanClassOf(merged), sequence: { increment: 1 } },
  });
  if (result.count === 0) throw new ConcurrentUpdateError();
  await recordChange(tx, { calendarId: event.calendarId, eventId: event.id, kind: "updated" });
  return (await findEventById(event.id, tx))!;
}

export async function softDeleteEvent(event: EventRecord, tx: Tx = db()): Promise<void> {
  await tx.event.update({ where: { id: event.id }, data: { ...toEventColumns({ externalObject: null }), deletedAt: new Date(), sequence: { increment: 1 } } });
  await recordChange(tx, { calendarId: event.calendarId, eventId: event.id, kind: "deleted" });
  // Overrides of a deleted series go with it.
  const overrides = await tx.event.findMany({ where: { seriesId: event.id, deletedAt: null }, select: { id: true } });
  await tx.event.updateMany({ where: { seriesId: event.id, deletedAt: null }, data: { deletedAt: new Date(), sequence: { increment: 1 } } });
  for (const o of overrides) await recordChange(tx, { calendarId: event.calendarId, eventId: o.id, kind: "deleted" });
}

/** The stored event a participant change belongs to (its calendar's change log records it). */
export type EventKey = Pick<EventRecord, "id" | "calendarId">;

export async function setParticipant(event: EventKey, userId: number, role: string, rsvp: string | undefined, tx: Tx = db()): Promise<void> {
  const eventId = event.id;
  await tx.eventParticipant.upsert({
    where: { eventId_userId: { eventId, userId } },
    create: { eventId, userId, role, ...(rsvp ? { rsvp } : {}) },
    update: { role, ...(rsvp ? { rsvp } : {}) },
  });
  // Participants change who sees an event: log it (the service usually bumps `sequence` as well).
  await recordChange(tx, { calendarId: event.calendarId, eventId, kind: "updated" });
}

export async function removeParticipant(event: EventKey, userId: number, tx: Tx = db()): Promise<boolean> {
  const result = await tx.eventParticipant.deleteMany({ where: { eventId: event.id, userId } });
  if (result.count > 0) await recordChange(tx, { calendarId: event.calendarId, eventId: event.id, kind: "updated" });
  return result.count > 0;
}

export async function touchEvent(eventId: number, tx: Tx = db()): Promise<void> {
  const row = await tx.event.update({ where: { id: eventId }, data: { sequence: { increment: 1 } }, select: { calendarId: true } });
  await recordChange(tx, { calendarId: row.calendarId, eventId, kind: "updated" });
}

/** An override as the caller read it: enough to name its occurrence key before it moves. */
export type OverrideKey = Pick<EventRecord, "id" | "calendarId" | "seriesUuid" | "originalStartsAt">;

/** The occurrence key of an override as it stands (`<series uuid>_<original start>`), before it moves. */
function keyOf(override: OverrideKey): string | null {
  return override.seriesUuid && override.originalStartsAt ? `${override.seriesUuid}_${compactInstant(override.originalStartsAt)}` : null;
}

/** Re-parents overrides onto another series (a "following" split): one UPDATE for all of them. */
export async function moveOverrides(overrides: OverrideKey[], seriesId: number, tx: Tx = db()): Promise<void> {
  if (overrides.length === 0) return;
  await tx.event.updateMany({ where: { id: { in: overrides.map((o) => o.id) } }, data: { seriesId, sequence: { increment: 1 } } });
  for (const o of overrides) await recordChange(tx, { calendarId: o.calendarId, eventId: o.id, kind: "updated", formerKey: keyOf(o) });
}

/** Re-keys an override after its series moved; null drops an override whose occurrence is gone. */
export async function rekeyOverride(override: OverrideKey, originalStartsAt: Date | null, tx: Tx = db()): Promise<void> {
  const id = override.id;
  if (originalStartsAt) await tx.event.update({ where: { id }, data: { originalStartsAt, sequence: { increment: 1 } } });
  else await tx.event.update({ where: { id }, data: { deletedAt: new Date(), sequence: { increment: 1 } } });
  await recordChange(tx, { calendarId: override.calendarId, eventId: id, kind: originalStartsAt ? "updated" : "deleted", formerKey: keyOf(override) });
}

export async function setExdates(eventId: number, exdates: Date[], tx: Tx = db()): Promise<void> {
  const row = await tx.event.update({ where: { id: eventId }, data: toEventColumns({ exdates }), select: { calendarId: true } });
  await recordChange(tx, { calendarId: row.calendarId, eventId, kind: "updated" });
}

/** Sync's full round: the calendar's stored rows (series, single events and overrides) the viewer may see, by id. */
export async function findStoredEvents(viewer: Viewer, calendarId: number, page: { limit: number; offset: number }, tx: Tx = db()): Promise<{ events: EventRecord[]; total: number }> {
  const reader = readerFor(tx);
  const where = sql`e.calendar_id = ${calendarId} AND e.deleted_at IS NULL AND ${visibleTo(viewer)}`;
  const [events, count] = await Promise.all([
    selectEvents(reader, where, sql`ORDER BY e.id LIMIT ${page.limit} OFFSET ${page.offset}`),
    reader.all(sql`SELECT count(*) AS n FROM events e WHERE ${where}`),
  ]);
  return { events, total: Number(count[0]!.n) };
}

/** Rows by id, deleted ones included (sync reports them as deletions). */
export async function findEventsByIds(eventIds: number[], tx: Tx = db()): Promise<EventRecord[]> {
  if (eventIds.length === 0) return [];
  return selectEvents(readerFor(tx), sql`e.id IN (${ids(eventIds)})`, raw("ORDER BY e.id"));
}
