// The trash: soft-deleted events (deleted_at set) of one calendar, and putting them back.
import { recordChange } from "./change-log.ts";
import { db, type Tx } from "./client.ts";
import { instantOf } from "../domain/event-model.ts";
import { selectEventRows, selectEvents } from "./event-mapper.ts";
import { readerFor, sql, type Sql } from "./sql.ts";
import type { EventRecord } from "../domain/types.ts";

export interface TrashedEvent {
  event: EventRecord;
  deletedAt: Date;
}

async function findTrashedWhere(where: Sql, tx: Tx): Promise<TrashedEvent[]> {
  const rows = await selectEventRows(readerFor(tx), sql`${where} AND e.series_id IS NULL AND e.deleted_at IS NOT NULL`, sql`ORDER BY e.deleted_at DESC, e.id DESC`);
  return rows.map(({ event, row }) => ({ event: { ...event, deleted: false }, deletedAt: instantOf(row.deleted_at) }));
}

/** Single events and series (not their overrides) deleted since `since`, newest deletion first. */
export async function findTrashed(calendarId: number, since: Date, tx: Tx = db()): Promise<TrashedEvent[]> {
  return findTrashedWhere(sql`e.calendar_id = ${calendarId} AND e.deleted_at >= ${since}`, tx);
}

export async function findTrashedByUuid(uuid: string, tx: Tx = db()): Promise<TrashedEvent | null> {
  return (await findTrashedWhere(sql`e.uuid = ${uuid}`, tx))[0] ?? null;
}

/**
 * Undeletes the event and the overrides that were deleted with it (at or after its own deletion;
 * occurrences deleted one by one before that stay deleted). Each row is logged as created again.
 */
export async function restoreTrashed(trashed: TrashedEvent, tx: Tx): Promise<void> {
  const { event, deletedAt } = trashed;
  await recordChange(tx, { calendarId: event.calendarId, eventId: event.id, kind: "created" });
  await tx.event.update({ where: { id: event.id }, data: { deletedAt: null, sequence: { increment: 1 } } });
  const overrides = await tx.event.findMany({ where: { seriesId: event.id, deletedAt: { gte: deletedAt } }, select: { id: true } });
  await tx.event.updateMany({ where: { id: { in: overrides.map((o) => o.id) } }, data: { deletedAt: null, sequence: { increment: 1 } } });
  for (const o of overrides) await recordChange(tx, { calendarId: event.calendarId, eventId: o.id, kind: "created" });
}

/** Brings back an override deleted with its occurrence (a `scope=this` delete), if there is one. */
export async function restoreOverride(seriesId: number, calendarId: number, originalStartsAt: Date, tx: Tx): Promise<EventRecord | null> {
  const row = await tx.event.findFirst({ where: { seriesId, originalStartsAt, deletedAt: { not: null } }, select: { id: true } });
  if (!row) return null;
  await recordChange(tx, { calendarId, eventId: row.id, kind: "created" });
  await tx.event.update({ where: { id: row.id }, data: { deletedAt: null, sequence: { increment: 1 } } });
  return (await selectEvents(readerFor(tx), sql`e.id = ${row.id}`))[0]!;
}
