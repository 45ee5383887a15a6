// What one request's reads depend on, read once with its credentials: the caller's calendars, their
// role in each, each calendar's version (calendar_sync, bumped by every write to its events) and a
// stamp of the calendar row itself (updated_at, subscription). The credential lookup returns these
// rows in the same statement (lib/db/user-repository.ts), so an authenticated request learns in one
// round trip what it used to ask in four (roles, calendar, version, subscription): rolesOf,
// findCalendar, findSubscription and the read cache (lib/db/read-cache.ts) answer from it.
//
// Correctness, with any number of instances: the snapshot is read at the start of the request, and
// everything cached under its versions and stamps was computed from data read *after* those were
// read, so it is never older than the request's start — the same guarantee as querying. Once the
// request writes anything (a Prisma write method, a transaction, the raw driver's write
// transaction), the snapshot is dropped for the rest of the request: its own changes are read back.
import { AsyncLocalStorage } from "node:async_hooks";
import type { MemberRole } from "../domain/enums.ts";
import type { Row } from "../domain/event-model.ts";

export interface CalendarStamp {
  id: number;
  uuid: string;
  role: MemberRole;
  /** calendar_sync.version (0 before the first write). */
  version: string;
  /** Changes whenever the calendar row, its version or its subscription does. */
  stamp: string;
  subscribed: boolean;
}

export interface Snapshot {
  userId: number;
  calendars: Map<number, CalendarStamp>;
  byUuid: Map<string, CalendarStamp>;
}

interface Scope {
  snapshot: Snapshot | null;
  wrote: boolean;
  /** Rate limiting in the database (PostgreSQL): the window to count this request's hit in. */
  countWindowMs: number | undefined;
  /** The hit the credentials lookup already counted, for the rate limiter to take. */
  counted: { key: string; windowMs: number; hits: number; msLeft: number } | null;
}

// One per process, not per module copy: Next bundles each route with its own copy of this module,
// while the Prisma client (lib/db/client.ts) that reports writes is one per process.
const globalForScopes = globalThis as unknown as { sweetdateScopes?: AsyncLocalStorage<Scope> };
const scopes = (globalForScopes.sweetdateScopes ??= new AsyncLocalStorage<Scope>());

/**
 * Runs one request's work: a snapshot installed inside it lasts until the request writes. With
 * `countWindowMs`, the credentials lookup also counts the request against its user's rate limit
 * in the same statement (PostgreSQL; lib/api/rate-limit.ts takes the count with takeCounted).
 */
export function inRequestScope<T>(work: () => Promise<T>, options: { countWindowMs?: number | undefined } = {}): Promise<T> {
  return scopes.run({ snapshot: null, wrote: false, countWindowMs: options.countWindowMs, counted: null }, work);
}

/** The window the credentials lookup should count this request in, if any. */
export function countWindow(): number | undefined {
  return scopes.getStore()?.countWindowMs;
}

export function noteCounted(counted: { key: string; windowMs: number; hits: number; msLeft: number }): void {
  const scope = scopes.getStore();
  if (scope) scope.counted = counted;
}

/** The hit already counted for `key` in this request (once), or null. */
export function takeCounted(key: string, windowMs: number): { hits: number; msLeft: number } | null {
  const scope = scopes.getStore();
  const counted = scope?.counted;
  if (!counted || counted.key !== key || counted.windowMs !== windowMs) return null;
  scope.counted = null;
  return { hits: counted.hits, msLeft: counted.msLeft };
}

/** The columns the credential lookups add (one row per calendar of the user; NULLs for none). */
export const SNAPSHOT_COLUMNS = `m.calendar_id AS snap_calendar, m.role AS snap_role, c.uuid AS snap_uuid,
  cs.version AS snap_version, c.updated_at AS snap_updated, sub.id AS snap_subscription`;

/** The joins that go with SNAPSHOT_COLUMNS, `u` being the users row. */
export const SNAPSHOT_JOINS = `LEFT JOIN calendar_members m ON m.user_id = u.id
  LEFT JOIN calendars c ON c.id = m.calendar_id
  LEFT JOIN calendar_sync cs ON cs.calendar_id = m.calendar_id
  LEFT JOIN ics_subscriptions sub ON sub.calendar_id = m.calendar_id`;

/** Installs the snapshot the credential lookup read (`rows`: its rows, one per calendar). */
export function installSnapshot(userId: number, rows: readonly Row[]): void {
  const scope = scopes.getStore();
  if (!scope || scope.wrote) return;
  const calendars = new Map<number, CalendarStamp>();
  const byUuid = new Map<string, CalendarStamp>();
  for (const r of rows) {
    if (r.snap_calendar == null) continue;
    const updated = r.snap_updated instanceof Date ? r.snap_updated.toISOString() : String(r.snap_updated);
    const version = String(r.snap_version ?? 0);
    const entry: CalendarStamp = {
      id: Number(r.snap_calendar),
      uuid: String(r.snap_uuid),
      role: r.snap_role as MemberRole,
      version,
      // A calendar's own changes bump its version too (manage-calendars updateCalendar): two
      // renames in one millisecond still differ.
      stamp: `${updated}|${version}|${r.snap_subscription ?? ""}`,
      subscribed: r.snap_subscription != null,
    };
    calendars.set(entry.id, entry);
    byUuid.set(entry.uuid, entry);
  }
  scope.snapshot = { userId, calendars, byUuid };
}

/** The current request's snapshot, while it has not written (for `userId`'s reads when given). */
export function currentSnapshot(userId?: number): Snapshot | null {
  const scope = scopes.getStore();
  if (!scope?.snapshot || scope.wrote) return null;
  if (userId !== undefined && scope.snapshot.userId !== userId) return null;
  return scope.snapshot;
}

/** A write in this request: from now on its reads go to the database. */
export function noteWrite(): void {
  const scope = scopes.getStore();
  if (scope) {
    scope.wrote = true;
    scope.snapshot = null;
  }
}

// Prisma's methods that change data (on a model, or on the client itself).
const WRITES = new Set([
  "create", "createMany", "createManyAndReturn", "update", "updateMany", "updateManyAndReturn", "upsert", "delete", "deleteMany",
  "$executeRaw", "$executeRawUnsafe", "$transaction",
]);

/**
 * The Prisma client, reporting each write to the current request (noteWrite) when it is called —
 * in the caller's async context: the engine below may run the statement from another one.
 */
export function reportingWrites<C extends object>(client: C): C {
  const wrap = <T extends object>(target: T): T => {
    const wrapped = new Map<PropertyKey, unknown>();
    return new Proxy(target, {
      get(object, name) {
        const value: unknown = Reflect.get(object, name, object);
        if (typeof name !== "string" || value === null || (typeof value !== "object" && typeof value !== "function")) return value;
        if (!wrapped.has(name)) {
          if (typeof value === "function") {
            const method = value as (...args: unknown[]) => unknown;
            wrapped.set(name, WRITES.has(name) ? (...args: unknown[]) => (noteWrite(), method.apply(object, args)) : method.bind(object));
          } else {
            // A model delegate (client.event, client.calendar …): its write methods report too.
            wrapped.set(name, name.startsWith("_") || name.startsWith("$") ? value : wrap(value as object));
          }
        }
        return wrapped.get(name);
      },
    });
  };
  return wrap(client);
}

/** Runs a write that changes nothing the snapshot describes (a token's last use) without dropping it. */
export async function unnoted<T>(write: () => Promise<T>): Promise<T> {
  const scope = scopes.getStore();
  const before = scope?.wrote;
  try {
    return await write();
  } finally {
    if (scope && before === false) scope.wrote = false;
  }
}
