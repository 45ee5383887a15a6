// The change log (SPEC §11): every write that changes what someone sees records, in its own
// transaction, which stored event changed and the calendar's new version. REST sync, CalDAV sync
// and the live stream all read it. See ARCHITECTURE.md "Change feed" for who must call what.
import { db, provider, type Tx } from "./client.ts";
import { readerFor, sql, type Writer } from "./sql.ts";

export type ChangeKind = "created" | "updated" | "deleted" | "access" | "calendar";

export interface Change {
  calendarId: number;
  kind: ChangeKind;
  /** The stored event row (series master, single event or override) that changed. */
  eventId?: number | null | undefined;
  /** The override's occurrence key (`<series uuid>_<YYYYMMDDTHHMMSSZ>`) before this change moved it. */
  formerKey?: string | null | undefined;
  /** Membership/audience changes: whose view of the calendar changed (their sync tokens expire). */
  userId?: number | null | undefined;
}

/** PostgreSQL channel the stream listens on (payload: {"c": calendarId, "v": version, "u"?: userId}). */
export const NOTIFY_CHANNEL = "sweetdate_changes";

interface TxState {
  versions: Map<number, number>;
  recorded: Set<string>;
  calendars: Set<number>;
}
// Per transaction client (Prisma makes a fresh one for each $transaction, rawTransaction a fresh
// writer): one version per calendar.
const states = new WeakMap<object, TxState>();
function stateOf(tx: Tx | Writer): TxState {
  let state = states.get(tx);
  if (!state) states.set(tx, (state = { versions: new Map(), recorded: new Set(), calendars: new Set() }));
  return state;
}

/**
 * Takes the calendar's change lock and its next version (once per transaction; later calls return
 * the same version). The upsert row-locks `calendar_sync` on PostgreSQL until commit, so versions of
 * one calendar commit in order and a reader never skips one. Call it first in a write transaction
 * (before touching event rows) so every writer takes its locks in the same order.
 */
export async function lockCalendar(tx: Tx | Writer, calendarId: number): Promise<number> {
  const state = stateOf(tx);
  const known = state.versions.get(calendarId);
  if (known !== undefined) return known;
  const rows = await readerFor(tx).all(sql`
    INSERT INTO calendar_sync (calendar_id, version, floor) VALUES (${calendarId}, 1, 0)
    ON CONFLICT (calendar_id) DO UPDATE SET version = calendar_sync.version + 1
    RETURNING version`);
  const version = Number(rows[0]!.version);
  state.versions.set(calendarId, version);
  state.calendars.add(calendarId);
  if (provider() === "postgres") await notify(tx, { c: calendarId, v: version });
  return version;
}

/** Records one change inside the caller's write transaction; returns the calendar's new version. */
export async function recordChange(tx: Tx | Writer, change: Change): Promise<number> {
  const version = await lockCalendar(tx, change.calendarId);
  const key = `${change.calendarId}:${change.eventId ?? ""}:${change.userId ?? ""}:${change.formerKey ?? ""}:${change.kind === "deleted" ? "d" : ""}`;
  const state = stateOf(tx);
  if (state.recorded.has(key)) return version;
  state.recorded.add(key);
  await readerFor(tx).all(sql`INSERT INTO change_log (calendar_id, version, kind, event_id, former_key, user_id, created_at)
    VALUES (${change.calendarId}, ${version}, ${change.kind}, ${change.eventId ?? null}, ${change.formerKey ?? null}, ${change.userId ?? null}, ${new Date()})`);
  if (change.userId != null && provider() === "postgres") await notify(tx, { c: change.calendarId, v: version, u: change.userId });
  return version;
}

/** Records changes to several rows of one calendar (e.g. a series and its overrides). */
export async function recordChanges(tx: Tx, calendarId: number, eventIds: number[], kind: ChangeKind): Promise<void> {
  for (const eventId of eventIds) await recordChange(tx, { calendarId, eventId, kind });
}

/** Did this transaction record any change? (The transaction wrapper wakes the feed after commit.) */
export function changedCalendars(tx: Tx | Writer): number[] {
  return [...(states.get(tx)?.calendars ?? [])];
}

async function notify(tx: Tx | Writer, payload: { c: number; v: number; u?: number }): Promise<void> {
  // Delivered by PostgreSQL on COMMIT only, to every instance's listener (lib/db/change-feed.ts).
  await readerFor(tx).all(sql`SELECT count(*) AS sent FROM (SELECT pg_notify(${NOTIFY_CHANNEL}, ${JSON.stringify(payload)})) n`);
}

export interface CalendarVersion {
  version: number;
  floor: number;
}

export async function calendarVersion(calendarId: number, tx: Tx = db()): Promise<CalendarVersion> {
  const row = await tx.calendarSync.findUnique({ where: { calendarId } });
  return { version: row?.version ?? 0, floor: row?.floor ?? 0 };
}

export async function calendarVersions(calendarIds: number[], tx: Tx = db()): Promise<Map<number, number>> {
  if (calendarIds.length === 0) return new Map();
  const rows = await tx.calendarSync.findMany({ where: { calendarId: { in: calendarIds } } });
  const versions = new Map(calendarIds.map((id) => [id, 0]));
  for (const row of rows) versions.set(row.calendarId, row.version);
  return versions;
}

export interface ChangeSince {
  eventIds: number[];
  formerKeys: string[];
  /** Users whose view of the calendar changed since (their tokens expire). */
  accessUsers: Set<number>;
}

/** What changed in the calendar after `version` (up to now). */
export async function changesSince(calendarId: number, version: number, tx: Tx = db()): Promise<ChangeSince> {
  const rows = await tx.changeLog.findMany({
    where: { calendarId, version: { gt: version } },
    select: { eventId: true, formerKey: true, userId: true },
  });
  const eventIds = new Set<number>();
  const formerKeys = new Set<string>();
  const accessUsers = new Set<number>();
  for (const row of rows) {
    if (row.eventId !== null) eventIds.add(row.eventId);
    if (row.formerKey !== null) formerKeys.add(row.formerKey);
    if (row.userId !== null) accessUsers.add(row.userId);
  }
  return { eventIds: [...eventIds].sort((a, b) => a - b), formerKeys: [...formerKeys].sort(), accessUsers };
}

/** Drops log rows and soft-deleted events older than the retention; older sync tokens then expire. */
export async function pruneChangeLog(olderThan: Date, tx: Tx = db()): Promise<{ rows: number; events: number }> {
  const floors = await tx.changeLog.groupBy({ by: ["calendarId"], where: { createdAt: { lt: olderThan } }, _max: { version: true } });
  for (const f of floors) {
    await tx.calendarSync.updateMany({ where: { calendarId: f.calendarId, floor: { lt: f._max.version ?? 0 } }, data: { floor: f._max.version ?? 0 } });
  }
  const rows = await tx.changeLog.deleteMany({ where: { createdAt: { lt: olderThan } } });
  const events = await tx.event.deleteMany({ where: { deletedAt: { lt: olderThan } } });
  return { rows: rows.count, events: events.count };
}

/** A calendar that is deleted takes its log with it. */
export async function dropCalendarLog(calendarId: number, tx: Tx = db()): Promise<void> {
  await tx.changeLog.deleteMany({ where: { calendarId } });
  await tx.calendarSync.deleteMany({ where: { calendarId } });
}

/** The calendars a user is a member of, with their current versions (what their live stream follows). */
export async function memberCalendarVersions(userId: number, tx: Tx = db()): Promise<{ id: number; uuid: string; version: number }[]> {
  const rows = await tx.calendarMember.findMany({ where: { userId }, select: { calendarId: true, calendar: { select: { uuid: true } } } });
  const versions = await calendarVersions(rows.map((r) => r.calendarId), tx);
  return rows.map((r) => ({ id: r.calendarId, uuid: r.calendar.uuid, version: versions.get(r.calendarId) ?? 0 }));
}
