// Events in the database. Every query that lists events takes the viewer and pre-filters with the
// same rule as lib/domain/access.ts, so totals and pages are exact.
import { searchKey } from "../domain/search.ts";
import crypto from "node:crypto";
import { roleAtLeast } from "../domain/enums.ts";
import type { EventRecord, Viewer } from "../domain/types.ts";
import { compactInstant } from "../domain/time.ts";
import { recordChange } from "./change-log.ts";
import { db, type Tx } from "./client.ts";
import { inSlices } from "./slices.ts";
import { eventInclude, searchTextOf, SHORT_SPAN_MS, spanClassOf, toEventColumns, toEventRecord, type EventWrite } from "./event-mapper.ts";
import type { Prisma } from "./generated/sqlite/client.ts";
import * as fast from "./sqlite-reader.ts";

type Where = Prisma.EventWhereInput;

function adminCalendars(viewer: Viewer): number[] {
  return [...viewer.roles].filter(([, role]) => roleAtLeast(role, "admin")).map(([id]) => id);
}

/** SQL twin of eventAccess(...).see !== "none". */
export function visibleTo(viewer: Viewer): Where {
  const admin = adminCalendars(viewer);
  const member = [...viewer.roles.keys()];
  return {
    OR: [
      { creatorId: viewer.userId },
      { participants: { some: { userId: viewer.userId } } },
      { stakeholder: "everyone", visibility: { not: "private" } },
      { stakeholder: "everyone", calendarId: { in: admin } },
      { stakeholder: "group", calendarId: { in: member }, visibility: { not: "private" } },
      { stakeholder: "group", calendarId: { in: admin } },
    ],
  };
}

/** SQL twin of eventAccess(...).see === "full": only these may match a search by hidden text. */
function fullySeenBy(viewer: Viewer): Where {
  return {
    OR: [
      { creatorId: viewer.userId },
      { participants: { some: { userId: viewer.userId } } },
      { calendarId: { in: adminCalendars(viewer) } },
      { visibility: "public" },
    ],
  };
}

export interface EventQuery {
  viewer: Viewer;
  calendarId?: number | undefined;
  q?: string | undefined;
  window?: { from: Date; to: Date } | undefined;
  orderBy?: "starts_at" | "created_at" | "updated_at";
  limit?: number;
  offset?: number;
}

function whereOf(query: EventQuery): Where {
  const and: Where[] = [{ deletedAt: null }, visibleTo(query.viewer)];
  // With a window the calendar is part of each window branch instead (see below).
  if (query.calendarId !== undefined && !query.window) and.push({ calendarId: query.calendarId });
  if (query.q) and.push({ searchText: { contains: searchKey(query.q) } }, fullySeenBy(query.viewer));
  if (query.window) {
    const { from, to } = query.window;
    // Each branch is one index range on ([calendar_id,] span_class, starts_at): the calendar goes
    // inside every branch so SQLite and PostgreSQL can use a multi-index OR.
    const cal = query.calendarId !== undefined ? { calendarId: query.calendarId } : {};
    and.push({
      OR: [
        { ...cal, spanClass: 0, startsAt: { gte: new Date(from.getTime() - SHORT_SPAN_MS), lt: to }, endsAt: { gt: from } },
        { ...cal, spanClass: 1, startsAt: { lt: to }, endsAt: { gt: from } },
        { ...cal, spanClass: 2, startsAt: { lt: to }, OR: [{ recurrenceEndsAt: null }, { recurrenceEndsAt: { gt: from } }] },
        // Zero-length events sitting exactly at the window start.
        { ...cal, spanClass: 0, startsAt: from, endsAt: from },
      ],
    });
  } else {
    // Outside a window, a series is listed once: its overrides are part of it.
    and.push({ seriesId: null });
  }
  return { AND: and };
}

const ORDER = {
  starts_at: [{ startsAt: "asc" }, { id: "asc" }],
  created_at: [{ createdAt: "desc" }, { id: "desc" }],
  updated_at: [{ updatedAt: "desc" }, { id: "desc" }],
} as const;

export async function findEvents(query: EventQuery, tx: Tx = db()): Promise<{ events: EventRecord[]; total: number }> {
  if (query.window && query.limit === undefined && query.orderBy === undefined && tx === db() && fast.fastReads()) {
    // Cached records are shared between requests: callers get a copy of the list, never mutate records.
    const events = [...fast.eventsInWindow(query.viewer, query.window, query.calendarId, query.q)];
    return { events, total: events.length };
  }
  const where = whereOf(query);
  if (query.limit === undefined) {
    // Unbounded (a whole calendar for CalDAV): the ids in order first, then the records in slices —
    // the participants of 100,000 events in one query would bind more parameters than a database takes.
    const ids = (await tx.event.findMany({ where, select: { id: true }, orderBy: [...ORDER[query.orderBy ?? "starts_at"]] })).map((r) => r.id);
    const byId = new Map((await findEventsByIds(ids, tx)).map((e) => [e.id, e]));
    const events = ids.map((id) => byId.get(id)).filter((e): e is EventRecord => e !== undefined);
    return { events, total: events.length };
  }
  const [rows, total] = await Promise.all([
    tx.event.findMany({
      where,
      include: eventInclude,
      orderBy: [...ORDER[query.orderBy ?? "starts_at"]],
      ...(query.limit !== undefined ? { take: query.limit, skip: query.offset ?? 0 } : {}),
    }),
    query.limit !== undefined ? tx.event.count({ where }) : Promise.resolve(-1),
  ]);
  const events = rows.map(toEventRecord);
  return { events, total: total < 0 ? events.length : total };
}

export async function findEventByUuid(uuid: string, tx: Tx = db()): Promise<EventRecord | null> {
  const row = await tx.event.findUnique({ where: { uuid }, include: eventInclude });
  return row && !row.deletedAt ? toEventRecord(row) : null;
}

export async function findEventById(id: number, tx: Tx = db()): Promise<EventRecord | null> {
  const row = await tx.event.findUnique({ where: { id }, include: eventInclude });
  return row && !row.deletedAt ? toEventRecord(row) : null;
}

export async function findOverrides(seriesIds: number[], tx: Tx = db()): Promise<EventRecord[]> {
  if (seriesIds.length === 0) return [];
  if (tx === db() && fast.fastReads()) return fast.overridesOf(seriesIds);
  const rows = await inSlices(seriesIds, (ids) => tx.event.findMany({ where: { seriesId: { in: ids } }, include: eventInclude }));
  return rows.map(toEventRecord);
}

export interface NewEvent extends EventWrite {
  calendarId: number;
  creatorId: number;
  seriesId?: number | null;
  originalStartsAt?: Date | null;
  participants?: { userId: number; role: string }[];
}

export async function insertEvent(data: NewEvent, tx: Tx = db()): Promise<EventRecord> {
  const row = await tx.event.create({
    data: {
      uuid: crypto.randomUUID(),
      calendarId: data.calendarId,
      creatorId: data.creatorId,
      seriesId: data.seriesId ?? null,
      originalStartsAt: data.originalStartsAt ?? null,
      searchText: searchTextOf(data),
      spanClass: spanClassOf(data),
      ...(toEventColumns(data) as EventWrite & Record<string, never>),
      exdates: JSON.stringify(data.exdates.map((d) => d.toISOString())),
      rdates: JSON.stringify(data.rdates.map((d) => d.toISOString())),
      reminders: JSON.stringify(data.reminders),
      ...(data.participants?.length ? { participants: { create: data.participants.map((p) => ({ userId: p.userId, role: p.role })) } } : {}),
    } as Prisma.EventUncheckedCreateInput,
    include: eventInclude,
  });
  await recordChange(tx, { calendarId: row.calendarId, eventId: row.id, kind: "created" });
  return toEventRecord(row);
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

export class ConcurrentUpdateError extends Error {
  constructor() {
    super("the event was changed by someone else");
  }
}

export async function softDeleteEvent(event: EventRecord, tx: Tx = db()): Promise<void> {
  await tx.event.update({ where: { id: event.id }, data: { deletedAt: new Date(), sequence: { increment: 1 }, externalId: null, externalName: null, externalUrl: null } });
  await recordChange(tx, { calendarId: event.calendarId, eventId: event.id, kind: "deleted" });
  // Overrides of a deleted series go with it.
  const overrides = await tx.event.findMany({ where: { seriesId: event.id, deletedAt: null }, select: { id: true } });
  await tx.event.updateMany({ where: { seriesId: event.id, deletedAt: null }, data: { deletedAt: new Date(), sequence: { increment: 1 } } });
  for (const o of overrides) await recordChange(tx, { calendarId: event.calendarId, eventId: o.id, kind: "deleted" });
}

export async function setParticipant(eventId: number, userId: number, role: string, rsvp: string | undefined, tx: Tx = db()): Promise<void> {
  await tx.eventParticipant.upsert({
    where: { eventId_userId: { eventId, userId } },
    create: { eventId, userId, role, ...(rsvp ? { rsvp } : {}) },
    update: { role, ...(rsvp ? { rsvp } : {}) },
  });
  await recordEventChange(eventId, tx);
}

/** Participants change who sees an event: log it (the service usually bumps `sequence` as well). */
async function recordEventChange(eventId: number, tx: Tx): Promise<void> {
  const row = await tx.event.findUnique({ where: { id: eventId }, select: { calendarId: true } });
  if (row) await recordChange(tx, { calendarId: row.calendarId, eventId, kind: "updated" });
}

export async function removeParticipant(eventId: number, userId: number, tx: Tx = db()): Promise<boolean> {
  const result = await tx.eventParticipant.deleteMany({ where: { eventId, userId } });
  if (result.count > 0) await recordEventChange(eventId, tx);
  return result.count > 0;
}

export async function touchEvent(eventId: number, tx: Tx = db()): Promise<void> {
  const row = await tx.event.update({ where: { id: eventId }, data: { sequence: { increment: 1 } }, select: { calendarId: true } });
  await recordChange(tx, { calendarId: row.calendarId, eventId, kind: "updated" });
}

/** The occurrence key of an override as it stands (`<series uuid>_<original start>`), before it moves. */
async function overrideKey(overrideId: number, tx: Tx): Promise<{ calendarId: number; key: string | null }> {
  const row = await tx.event.findUnique({ where: { id: overrideId }, select: { calendarId: true, originalStartsAt: true, series: { select: { uuid: true } } } });
  const key = row?.series && row.originalStartsAt ? `${row.series.uuid}_${compactInstant(row.originalStartsAt)}` : null;
  return { calendarId: row!.calendarId, key };
}

/** Re-parents an override onto another series (a "following" split). */
export async function moveOverride(overrideId: number, seriesId: number, tx: Tx = db()): Promise<void> {
  const before = await overrideKey(overrideId, tx);
  await tx.event.update({ where: { id: overrideId }, data: { seriesId, sequence: { increment: 1 } } });
  await recordChange(tx, { calendarId: before.calendarId, eventId: overrideId, kind: "updated", formerKey: before.key });
}

/** Re-keys an override after its series moved; null drops an override whose occurrence is gone. */
export async function rekeyOverride(overrideId: number, originalStartsAt: Date | null, tx: Tx = db()): Promise<void> {
  const before = await overrideKey(overrideId, tx);
  if (originalStartsAt) await tx.event.update({ where: { id: overrideId }, data: { originalStartsAt, sequence: { increment: 1 } } });
  else await tx.event.update({ where: { id: overrideId }, data: { deletedAt: new Date(), sequence: { increment: 1 } } });
  await recordChange(tx, { calendarId: before.calendarId, eventId: overrideId, kind: originalStartsAt ? "updated" : "deleted", formerKey: before.key });
}

export async function setExdates(eventId: number, exdates: Date[], tx: Tx = db()): Promise<void> {
  const row = await tx.event.update({ where: { id: eventId }, data: { exdates: JSON.stringify(exdates.map((d) => d.toISOString())) }, select: { calendarId: true } });
  await recordChange(tx, { calendarId: row.calendarId, eventId, kind: "updated" });
}

/** Sync's full round: the calendar's stored rows (series, single events and overrides) the viewer may see, by id. */
export async function findStoredEvents(viewer: Viewer, calendarId: number, page: { limit: number; offset: number }, tx: Tx = db()): Promise<{ events: EventRecord[]; total: number }> {
  const where: Where = { AND: [{ calendarId, deletedAt: null }, visibleTo(viewer)] };
  const [rows, total] = await Promise.all([
    tx.event.findMany({ where, include: eventInclude, orderBy: [{ id: "asc" }], take: page.limit, skip: page.offset }),
    tx.event.count({ where }),
  ]);
  return { events: rows.map(toEventRecord), total };
}

/** Rows by id, deleted ones included (sync reports them as deletions). */
export async function findEventsByIds(ids: number[], tx: Tx = db()): Promise<EventRecord[]> {
  if (ids.length === 0) return [];
  const rows = await inSlices(ids, (slice) => tx.event.findMany({ where: { id: { in: slice } }, include: eventInclude }));
  return rows.map(toEventRecord);
}
