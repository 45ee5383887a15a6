// The hot read paths on SQLite, straight on better-sqlite3 (a read-only connection beside Prisma's;
// WAL lets it read while Prisma writes). Prisma's client engine costs ~1 ms per query; a window
// list plus its authentication is 7 queries, so the calendar's busiest request goes around it.
// Each query here is the twin of a Prisma query in the repositories and returns the same records;
// the API test suite runs against this path on SQLite and against Prisma on PostgreSQL.
import { searchKey } from "../domain/search.ts";
import Database from "better-sqlite3";
import { roleAtLeast, type MemberRole } from "../domain/enums.ts";
import type { EventRecord, UserRecord, Viewer } from "../domain/types.ts";
import { dbConfig } from "./config.ts";
import { SHORT_SPAN_MS, toEventRecord } from "./event-mapper.ts";
import { env } from "../env.ts";

type Row = Record<string, unknown>;

const globalForReader = globalThis as unknown as { sweetdateReader?: Database.Database | null };

function reader(): Database.Database | null {
  if (globalForReader.sweetdateReader === undefined) {
    const config = dbConfig();
    globalForReader.sweetdateReader =
      config.provider === "sqlite" && !env().SWEETDATE_PRISMA_ONLY ? new Database(config.file!, { readonly: true, timeout: 10_000 }) : null;
  }
  return globalForReader.sweetdateReader;
}

/** True when the fast SQLite path serves reads in this process. */
export function fastReads(): boolean {
  return reader() !== null;
}

// Prepared statements, by SQL text. Window queries inline the viewer's calendar ids, so the cache
// is bounded: the oldest entry goes when it is full.
const statements = new Map<string, Database.Statement>();
function prepare(sql: string): Database.Statement {
  let statement = statements.get(sql);
  if (!statement) {
    statement = reader()!.prepare(sql);
    if (statements.size >= 500) statements.delete(statements.keys().next().value!);
    statements.set(sql, statement);
  }
  return statement;
}

// Read results are reused until the database changes: SQLite's `data_version` moves whenever any
// other connection (Prisma's writer, another process) commits, so a cached answer is never stale.
let cacheVersion = -1;
const cache = new Map<string, unknown>();
function cached<T>(key: string, compute: () => T): T {
  const version = reader()!.pragma("data_version", { simple: true }) as number;
  if (version !== cacheVersion) {
    cache.clear();
    cacheVersion = version;
  }
  if (cache.has(key)) return cache.get(key) as T;
  const value = compute();
  if (cache.size >= 2000) cache.delete(cache.keys().next().value!);
  cache.set(key, value);
  return value;
}

// Prisma's better-sqlite3 adapter stores DateTime as ISO 8601 text with a +00:00 offset.
const ts = (d: Date) => d.toISOString().replace("Z", "+00:00");
const date = (v: unknown) => (v === null || v === undefined ? null : new Date(v as string));

const USER_COLUMNS = "u.id, u.uuid, u.email, u.name, u.time_zone, u.created_at, u.updated_at";
function toUser(r: Row): UserRecord {
  return { id: r.id as number, uuid: r.uuid as string, email: r.email as string, name: r.name as string, timeZone: r.time_zone as string, createdAt: date(r.created_at)!, updatedAt: date(r.updated_at)! };
}

export function tokenUser(tokenHash: string): { tokenId: number; revoked: boolean; lastUsedAt: Date | null; user: UserRecord } | null {
  return cached(`token:${tokenHash}`, () => readTokenUser(tokenHash));
}

function readTokenUser(tokenHash: string): { tokenId: number; revoked: boolean; lastUsedAt: Date | null; user: UserRecord } | null {
  const r = prepare(`SELECT t.id AS token_id, t.revoked_at, t.last_used_at, ${USER_COLUMNS} FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE t.token_hash = ?`).get(tokenHash) as Row | undefined;
  if (!r) return null;
  return { tokenId: r.token_id as number, revoked: r.revoked_at !== null, lastUsedAt: date(r.last_used_at), user: toUser(r) };
}

export function roles(userId: number): Map<number, MemberRole> {
  return cached(`roles:${userId}`, () => readRoles(userId));
}

function readRoles(userId: number): Map<number, MemberRole> {
  const rows = prepare(`SELECT calendar_id, role FROM calendar_members WHERE user_id = ?`).all(userId) as Row[];
  return new Map(rows.map((r) => [r.calendar_id as number, r.role as MemberRole]));
}

// Rows come back as arrays (better-sqlite3 raw mode: about half the cost of objects for a page of
// events); EVENT_COLUMNS fixes the positions toEvent() reads.
const EVENT_COLUMNS = [
  "id", "uuid", "calendar_id", "creator_id", "title", "description", "location", "all_day", "starts_at", "ends_at",
  "time_zone", "status", "visibility", "stakeholder", "default_role", "rrule", "exdates", "recurrence_ends_at", "series_id",
  "original_starts_at", "external_id", "external_name", "external_url", "ics_feed_id", "sequence", "deleted_at", "created_at", "updated_at", "ical_uid", "rdates", "reminders",
] as const;
const EVENT_SELECT = `SELECT ${EVENT_COLUMNS.map((c) => `e.${c}`).join(", ")}, c.uuid, s.uuid,
  (SELECT json_group_array(json_object('userId', x.user_id, 'role', x.role, 'rsvp', x.rsvp, 'uuid', x.uuid))
     FROM (SELECT p.user_id, p.role, p.rsvp, u.uuid FROM event_participants p JOIN users u ON u.id = p.user_id
           WHERE p.event_id = e.id ORDER BY p.created_at) x)
  FROM events e JOIN calendars c ON c.id = e.calendar_id LEFT JOIN events s ON s.id = e.series_id`;

function toEvent(r: unknown[]): EventRecord {
  const [id, uuid, calendarId, creatorId, title, description, location, allDay, startsAt, endsAt, timeZone, status, visibility, stakeholder, defaultRole, rrule, exdates, recurrenceEndsAt, seriesId, originalStartsAt, externalId, externalName, externalUrl, icsFeedId, sequence, deletedAt, createdAt, updatedAt, icalUid, rdates, reminders, calendarUuid, seriesUuid, participantsJson] = r;
  const participants = JSON.parse((participantsJson as string) ?? "[]") as { userId: number; role: string; rsvp: string; uuid: string }[];
  return toEventRecord({
    id: id as number,
    uuid: uuid as string,
    calendarId: calendarId as number,
    creatorId: creatorId as number,
    title: title as string,
    description: description as string | null,
    location: location as string | null,
    allDay: allDay === 1,
    startsAt: date(startsAt)!,
    endsAt: date(endsAt)!,
    timeZone: timeZone as string,
    status: status as string,
    visibility: visibility as string,
    stakeholder: stakeholder as string,
    defaultRole: defaultRole as string,
    rrule: rrule as string | null,
    exdates: exdates as string,
    rdates: rdates as string,
    reminders: reminders as string,
    recurrenceEndsAt: date(recurrenceEndsAt),
    seriesId: seriesId as number | null,
    originalStartsAt: date(originalStartsAt),
    externalId: externalId as string | null,
    externalName: externalName as string | null,
    externalUrl: externalUrl as string | null,
    icsFeedId: icsFeedId as number | null,
    icalUid: icalUid as string | null,
    sequence: sequence as number,
    deletedAt: date(deletedAt),
    createdAt: date(createdAt)!,
    updatedAt: date(updatedAt)!,
    calendar: { uuid: calendarUuid as string },
    series: seriesUuid ? { uuid: seriesUuid as string } : null,
    participants: participants.map((p) => ({ userId: p.userId, role: p.role, rsvp: p.rsvp, user: { uuid: p.uuid } })),
  });
}

const list = (ids: number[]) => (ids.length ? ids.join(",") : "NULL");

/** Twin of visibleTo() in event-repository.ts. Ids are integers from our own tables. */
function visibleSql(viewer: Viewer): string {
  const admin = list([...viewer.roles].filter(([, r]) => roleAtLeast(r, "admin")).map(([id]) => id));
  const member = list([...viewer.roles.keys()]);
  const uid = Number(viewer.userId);
  return `(e.creator_id = ${uid}
    OR EXISTS (SELECT 1 FROM event_participants p WHERE p.event_id = e.id AND p.user_id = ${uid})
    OR (e.stakeholder = 'everyone' AND e.visibility <> 'private')
    OR (e.stakeholder = 'everyone' AND e.calendar_id IN (${admin}))
    OR (e.stakeholder = 'group' AND e.calendar_id IN (${member}) AND e.visibility <> 'private')
    OR (e.stakeholder = 'group' AND e.calendar_id IN (${admin})))`;
}

/** Twin of fullySeenBy(). */
function fullySeenSql(viewer: Viewer): string {
  const admin = list([...viewer.roles].filter(([, r]) => roleAtLeast(r, "admin")).map(([id]) => id));
  const uid = Number(viewer.userId);
  return `(e.creator_id = ${uid}
    OR EXISTS (SELECT 1 FROM event_participants p WHERE p.event_id = e.id AND p.user_id = ${uid})
    OR e.calendar_id IN (${admin}) OR e.visibility = 'public')`;
}

/** Twin of findEvents() with a window: every visible event or series overlapping [from, to). */
export function eventsInWindow(viewer: Viewer, window: { from: Date; to: Date }, calendarId: number | undefined, q: string | undefined): readonly EventRecord[] {
  const roleKey = [...viewer.roles].map(([id, role]) => `${id}${role[0]}`).join(",");
  const key = `window:${viewer.userId}:${roleKey}:${calendarId ?? ""}:${window.from.getTime()}:${window.to.getTime()}:${q ?? ""}`;
  return cached(key, () => readEventsInWindow(viewer, window, calendarId, q));
}

function readEventsInWindow(viewer: Viewer, window: { from: Date; to: Date }, calendarId: number | undefined, q: string | undefined): EventRecord[] {
  const cal = calendarId !== undefined ? `e.calendar_id = ${Number(calendarId)} AND ` : "";
  const search = q ? ` AND instr(e.search_text, ?) > 0 AND ${fullySeenSql(viewer)}` : "";
  const sql = `${EVENT_SELECT} WHERE e.deleted_at IS NULL AND ${visibleSql(viewer)} AND (
      (${cal}e.span_class = 0 AND e.starts_at >= ? AND e.starts_at < ? AND e.ends_at > ?)
   OR (${cal}e.span_class = 1 AND e.starts_at < ? AND e.ends_at > ?)
   OR (${cal}e.span_class = 2 AND e.starts_at < ? AND (e.recurrence_ends_at IS NULL OR e.recurrence_ends_at > ?))
   OR (${cal}e.span_class = 0 AND e.starts_at = ? AND e.ends_at = ?))${search}
   ORDER BY e.starts_at, e.id`;
  const from = ts(window.from);
  const to = ts(window.to);
  const params = [ts(new Date(window.from.getTime() - SHORT_SPAN_MS)), to, from, to, from, to, from, from, from, ...(q ? [searchKey(q)] : [])];
  return (prepare(sql).raw(true).all(...params) as unknown[][]).map(toEvent);
}

/** Twin of findOverrides(): every override row (deleted ones too) of the given series. */
export function overridesOf(seriesIds: number[]): EventRecord[] {
  if (seriesIds.length === 0) return [];
  return (prepare(`${EVENT_SELECT} WHERE e.series_id IN (${list(seriesIds.map(Number))})`).raw(true).all() as unknown[][]).map(toEvent);
}

/** Twin of findCalendarRows() in ical-repository.ts: every live row of a calendar, by start (export). */
export function calendarRows(calendarId: number): EventRecord[] {
  return (prepare(`${EVENT_SELECT} WHERE e.calendar_id = ? AND e.deleted_at IS NULL ORDER BY e.starts_at, e.id`).raw(true).all(calendarId) as unknown[][]).map(toEvent);
}

/** Twin of findCalendar() by uuid: the calendar and the viewer's role in it (null = not a member). */
export function calendarByUuid(uuid: string, userId: number): Row | null {
  return cached(`calendar:${uuid}:${userId}`, () => readCalendarByUuid(uuid, userId));
}

function readCalendarByUuid(uuid: string, userId: number): Row | null {
  return (
    (prepare(`SELECT c.id, c.uuid, c.name, c.description, c.color, c.time_zone, c.created_at, c.updated_at, c.default_reminders, m.role, s.source_url FROM calendars c LEFT JOIN calendar_members m ON m.calendar_id = c.id AND m.user_id = ? LEFT JOIN ics_subscriptions s ON s.calendar_id = c.id WHERE c.uuid = ?`).get(userId, uuid) as Row | undefined) ?? null
  );
}
