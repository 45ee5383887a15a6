// Users, browser sessions and API tokens. Secrets are never stored: only their SHA-256.
import crypto from "node:crypto";
import type { UserRecord } from "../domain/types.ts";
import { db, type Tx } from "./client.ts";
import { fastReads, tokenUser } from "./sqlite-reader.ts";

const userSelect = { id: true, uuid: true, email: true, name: true, timeZone: true, createdAt: true, updatedAt: true } as const;

export async function insertUser(data: { email: string; name: string; passwordHash: string; timeZone?: string }, tx: Tx = db()): Promise<UserRecord> {
  return tx.user.create({ data: { uuid: crypto.randomUUID(), ...data, email: data.email.toLowerCase() }, select: userSelect });
}

export async function findUserByEmail(email: string, tx: Tx = db()): Promise<(UserRecord & { passwordHash: string }) | null> {
  return tx.user.findUnique({ where: { email: email.toLowerCase() }, select: { ...userSelect, passwordHash: true } });
}

export async function findUserById(id: number, tx: Tx = db()): Promise<UserRecord | null> {
  return tx.user.findUnique({ where: { id }, select: userSelect });
}

export async function findUserByUuid(uuid: string, tx: Tx = db()): Promise<UserRecord | null> {
  return tx.user.findUnique({ where: { uuid }, select: userSelect });
}

export async function findUsersByIds(ids: number[], tx: Tx = db()): Promise<UserRecord[]> {
  return tx.user.findMany({ where: { id: { in: ids } }, select: userSelect });
}

export async function searchUsers(opts: { q?: string | undefined; prefix?: string | undefined; calendarId?: number | undefined; limit: number; offset: number }, tx: Tx = db()): Promise<{ users: UserRecord[]; total: number }> {
  const and = [] as object[];
  if (opts.q) and.push({ OR: [{ email: { contains: opts.q.toLowerCase() } }, { name: { contains: opts.q } }] });
  if (opts.prefix) and.push({ OR: [{ email: { startsWith: opts.prefix.toLowerCase() } }, { name: { startsWith: opts.prefix } }] });
  if (opts.calendarId !== undefined) and.push({ memberships: { some: { calendarId: opts.calendarId } } });
  const where = { AND: and };
  const [users, total] = await Promise.all([
    tx.user.findMany({ where, select: userSelect, orderBy: [{ name: "asc" }, { id: "asc" }], take: opts.limit, skip: opts.offset }),
    tx.user.count({ where }),
  ]);
  return { users, total };
}

export async function updateUser(id: number, data: { name?: string; timeZone?: string }, tx: Tx = db()): Promise<UserRecord> {
  return tx.user.update({ where: { id }, data, select: userSelect });
}

export async function countUsers(tx: Tx = db()): Promise<number> {
  return tx.user.count();
}

export function hashSecret(secret: string): string {
  return crypto.createHash("sha256").update(secret).digest("hex");
}

export async function insertSession(userId: number, tokenHash: string, expiresAt: Date, tx: Tx = db()): Promise<void> {
  await tx.session.create({ data: { userId, tokenHash, expiresAt } });
}

export async function findSessionUser(tokenHash: string, tx: Tx = db()): Promise<UserRecord | null> {
  const session = await tx.session.findUnique({ where: { tokenHash }, select: { id: true, expiresAt: true, lastUsedAt: true, user: { select: userSelect } } });
  if (!session || session.expiresAt.getTime() < Date.now()) return null;
  return session.user;
}

export async function deleteSession(tokenHash: string, tx: Tx = db()): Promise<void> {
  await tx.session.deleteMany({ where: { tokenHash } });
}

export interface ApiTokenRecord {
  uuid: string;
  name: string;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
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

/** The token's user, recording the use (at most once a minute, so reads stay cheap). */
export async function findApiTokenUser(tokenHash: string, tx: Tx = db()): Promise<UserRecord | null> {
  if (tx === db() && fastReads()) {
    const found = tokenUser(tokenHash);
    if (!found || found.revoked) return null;
    if (!found.lastUsedAt || Date.now() - found.lastUsedAt.getTime() > 60_000) {
      await tx.apiToken.update({ where: { id: found.tokenId }, data: { lastUsedAt: new Date() } });
    }
    return found.user;
  }
  const token = await tx.apiToken.findUnique({ where: { tokenHash }, select: { id: true, revokedAt: true, lastUsedAt: true, user: { select: userSelect } } });
  if (!token || token.revokedAt) return null;
  if (!token.lastUsedAt || Date.now() - token.lastUsedAt.getTime() > 60_000) {
    await tx.apiToken.update({ where: { id: token.id }, data: { lastUsedAt: new Date() } });
  }
  return token.user;
}
