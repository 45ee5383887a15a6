// Users, browser sessions and API tokens. Secrets are never stored: only their SHA-256.
import crypto from "node:crypto";
import type { ApiTokenRecord, UserRecord } from "../domain/types.ts";
import { db, provider, type Tx } from "./client.ts";
import { inSlices } from "./slices.ts";
import { instantOf } from "../domain/event-model.ts";
import { raw, readerFor, sql, type Row, type Sql } from "./sql.ts";
import { countHit } from "./rate-limit-store.ts";
import { countWindow, installSnapshot, noteCounted, SNAPSHOT_COLUMNS, SNAPSHOT_JOINS, unnoted } from "./request-snapshot.ts";

const userSelect = { id: true, uuid: true, email: true, name: true, timeZone: true, createdAt: true, updatedAt: true } as const;

/** `email` is normalised by the caller (lib/domain/email.ts normalizeEmail). */
export async function insertUser(data: { email: string; name: string; passwordHash: string; timeZone?: string; isAdmin?: boolean }, tx: Tx = db()): Promise<UserRecord> {
  return tx.user.create({ data: { uuid: crypto.randomUUID(), ...data }, select: userSelect });
}

export async function findUserByEmail(email: string, tx: Tx = db()): Promise<(UserRecord & { passwordHash: string }) | null> {
  return tx.user.findUnique({ where: { email }, select: { ...userSelect, passwordHash: true } });
}

export async function findUserById(id: number, tx: Tx = db()): Promise<UserRecord | null> {
  return tx.user.findUnique({ where: { id }, select: userSelect });
}

export async function findUserByUuid(uuid: string, tx: Tx = db()): Promise<UserRecord | null> {
  return tx.user.findUnique({ where: { uuid }, select: userSelect });
}

export async function findUsersByIds(ids: number[], tx: Tx = db()): Promise<UserRecord[]> {
  return inSlices(ids, (slice) => tx.user.findMany({ where: { id: { in: slice } }, select: userSelect }));
}

/**
 * The user directory as `viewerId` may see it: people who share a calendar with them (and they
 * themselves), or the members of one calendar; plus the one user whose email is exactly
 * `exactEmail` (looking someone up to invite them). `q` matches email or name anywhere, `prefix`
 * at the start — case-insensitively and literally (`%` and `_` are just characters).
 */
export async function searchUsers(
  opts: { viewerId: number; q?: string | undefined; prefix?: string | undefined; calendarId?: number | undefined; exactEmail?: string | undefined; limit: number; offset: number },
  tx: Tx = db(),
): Promise<{ users: UserRecord[]; total: number }> {
  const scope =
    opts.calendarId !== undefined
      ? { memberships: { some: { calendarId: opts.calendarId } } }
      : { OR: [{ id: opts.viewerId }, { memberships: { some: { calendar: { members: { some: { userId: opts.viewerId } } } } } }] };
  const candidates = await tx.user.findMany({
    where: opts.exactEmail ? { OR: [scope, { email: opts.exactEmail }] } : scope,
    select: { id: true, email: true, name: true },
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
  const q = opts.q?.toLowerCase();
  const prefix = opts.prefix?.toLowerCase();
  const matches = candidates.filter((u) => {
    if (u.email === opts.exactEmail) return true;
    const [email, name] = [u.email.toLowerCase(), u.name.toLowerCase()];
    if (q && !email.includes(q) && !name.includes(q)) return false;
    if (prefix && !email.startsWith(prefix) && !name.startsWith(prefix)) return false;
    return true;
  });
  const ids = matches.slice(opts.offset, opts.offset + opts.limit).map((u) => u.id);
  const rows = await tx.user.findMany({ where: { id: { in: ids } }, select: userSelect });
  const byId = new Map(rows.map((u) => [u.id, u]));
  return { users: ids.map((id) => byId.get(id)).filter((u): u is UserRecord => u !== undefined), total: matches.length };
}

export async function updateUser(id: number, data: { name?: string; timeZone?: string }, tx: Tx = db()): Promise<UserRecord> {
  return tx.user.update({ where: { id }, data, select: userSelect });
}

export async function countUsers(tx: Tx = db()): Promise<number> {
  return tx.user.count();
}

export async function isAdminUser(id: number, tx: Tx = db()): Promise<boolean> {
  return (await tx.user.findUnique({ where: { id }, select: { isAdmin: true } }))?.isAdmin === true;
}

export async function setAdmin(id: number, isAdmin: boolean, tx: Tx = db()): Promise<void> {
  await tx.user.update({ where: { id }, data: { isAdmin } });
}

/** Serialises sign-ups on PostgreSQL (who is first, which invitation is used); SQLite writes one at a time anyway. */
export async function lockSignUps(tx: Tx): Promise<void> {
  if (provider() === "postgres") await tx.$executeRawUnsafe("SELECT pg_advisory_xact_lock(7152001)");
}

export async function insertSession(userId: number, tokenHash: string, expiresAt: Date, tx: Tx = db()): Promise<void> {
  await tx.session.create({ data: { userId, tokenHash, expiresAt } });
}

/** The session's user (expired sessions are none); installs the request's snapshot (lib/db/request-snapshot.ts). */
export async function findSessionUser(tokenHash: string, tx: Tx = db()): Promise<UserRecord | null> {
  const lookup = sql`SELECT s.expires_at, u.id, u.uuid, u.email, u.name, u.time_zone, u.created_at, u.updated_at, ${raw(SNAPSHOT_COLUMNS)}
    FROM sessions s JOIN users u ON u.id = s.user_id ${raw(SNAPSHOT_JOINS)} WHERE s.token_hash = ${tokenHash}`;
  // timestamp columns hold UTC (lib/db/sql.ts): compare with the database's clock in UTC.
  const rows = await lookupCounting(lookup, "expires_at >= (now() AT TIME ZONE 'UTC')", tx);
  const r = rows[0];
  if (!r || instantOf(r.expires_at).getTime() < Date.now()) return null;
  const user = userOf(r);
  installSnapshot(user.id, rows);
  return user;
}

/**
 * Runs a credentials lookup (one row per calendar of the user, or none); on PostgreSQL, in an API
 * request, the same statement counts the request against the user's rate limit when `live` (the
 * credentials are valid) holds, so a request costs one round trip (lib/db/rate-limit-store.ts).
 */
async function lookupCounting(lookup: Sql, live: string, tx: Tx): Promise<Row[]> {
  const windowMs = tx === db() && provider() === "postgres" ? countWindow() : undefined;
  if (windowMs === undefined) return readerFor(tx).all(lookup);
  const rows = await readerFor(tx).all(sql`WITH found AS (${lookup}), ${countHit(raw(`(SELECT 'user:' || id FROM found WHERE ${live} LIMIT 1)`), windowMs)}
    SELECT found.*, hit.hits AS rate_hits, hit.ms_left AS rate_ms_left FROM found LEFT JOIN hit ON true`);
  const r = rows[0];
  if (r?.rate_hits != null) noteCounted({ key: `user:${Number(r.id)}`, windowMs, hits: Number(r.rate_hits), msLeft: Number(r.rate_ms_left) });
  return rows;
}

function userOf(r: Row): UserRecord {
  return { id: Number(r.id), uuid: r.uuid as string, email: r.email as string, name: r.name as string, timeZone: r.time_zone as string, createdAt: instantOf(r.created_at), updatedAt: instantOf(r.updated_at) };
}

export async function deleteSession(tokenHash: string, tx: Tx = db()): Promise<void> {
  await tx.session.deleteMany({ where: { tokenHash } });
}

const tokenSelect = { uuid: true, name: true, prefix: true, createdAt: true, lastUsedAt: true } as const;

export async function insertApiToken(userId: number, name: string, tokenHash: string, prefix: string, tx: Tx = db()): Promise<ApiTokenRecord> {
  return tx.apiToken.create({ data: { uuid: crypto.randomUUID(), userId, name, tokenHash, prefix }, select: tokenSelect });
}

export async function listApiTokens(userId: number, tx: Tx = db()): Promise<ApiTokenRecord[]> {
  return tx.apiToken.findMany({ where: { userId, revokedAt: null }, select: tokenSelect, orderBy: { createdAt: "desc" } });
}

export async function revokeApiToken(userId: number, uuid: string, tx: Tx = db()): Promise<boolean> {
  const result = await tx.apiToken.updateMany({ where: { userId, uuid, revokedAt: null }, data: { revokedAt: new Date() } });
  return result.count > 0;
}

/** The token's user, recording the use (at most once a minute, so reads stay cheap); installs the request's snapshot. */
export async function findApiTokenUser(tokenHash: string, tx: Tx = db()): Promise<UserRecord | null> {
  const lookup = sql`SELECT t.id AS token_id, t.revoked_at, t.last_used_at, u.id, u.uuid, u.email, u.name, u.time_zone, u.created_at, u.updated_at, ${raw(SNAPSHOT_COLUMNS)}
    FROM api_tokens t JOIN users u ON u.id = t.user_id ${raw(SNAPSHOT_JOINS)} WHERE t.token_hash = ${tokenHash}`;
  const rows = await lookupCounting(lookup, "revoked_at IS NULL", tx);
  const r = rows[0];
  if (!r || r.revoked_at != null) return null;
  if (r.last_used_at == null || Date.now() - instantOf(r.last_used_at).getTime() > 60_000) {
    // Nothing the request's snapshot describes depends on last_used_at: the snapshot stays.
    await unnoted(() => tx.apiToken.update({ where: { id: Number(r.token_id) }, data: { lastUsedAt: new Date() } }));
  }
  const user = userOf(r);
  installSnapshot(user.id, rows);
  return user;
}
