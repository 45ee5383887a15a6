// Invitations to sign up, and instance settings (key → value) such as the sign-up mode.
import crypto from "node:crypto";
import { db, type Tx } from "./client.ts";

export interface InvitationRecord {
  id: number;
  uuid: string;
  email: string | null;
  createdById: number | null;
  createdAt: Date;
  expiresAt: Date;
  usedAt: Date | null;
  usedById: number | null;
  revokedAt: Date | null;
}
const select = { id: true, uuid: true, email: true, createdById: true, createdAt: true, expiresAt: true, usedAt: true, usedById: true, revokedAt: true } as const;

export async function insertInvitation(data: { tokenHash: string; email: string | null; createdById: number | null; expiresAt: Date }, tx: Tx = db()): Promise<InvitationRecord> {
  return tx.invitation.create({ data: { uuid: crypto.randomUUID(), ...data }, select });
}

export async function findInvitationByHash(tokenHash: string, tx: Tx = db()): Promise<InvitationRecord | null> {
  return tx.invitation.findUnique({ where: { tokenHash }, select });
}

/** Marks an open invitation used; false when someone else used it first (or it was revoked/expired). */
export async function consumeInvitation(id: number, userId: number, now: Date, tx: Tx = db()): Promise<boolean> {
  const result = await tx.invitation.updateMany({ where: { id, usedAt: null, revokedAt: null, expiresAt: { gt: now } }, data: { usedAt: now, usedById: userId } });
  return result.count === 1;
}

export async function listInvitations(tx: Tx = db()): Promise<InvitationRecord[]> {
  return tx.invitation.findMany({ select, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: 500 });
}

export async function revokeInvitation(uuid: string, now: Date, tx: Tx = db()): Promise<InvitationRecord | null> {
  const found = await tx.invitation.findUnique({ where: { uuid }, select });
  if (!found) return null;
  if (found.usedAt || found.revokedAt) return found;
  return tx.invitation.update({ where: { uuid }, data: { revokedAt: now }, select });
}

export async function getSetting(key: string, tx: Tx = db()): Promise<string | null> {
  return (await tx.instanceSetting.findUnique({ where: { key }, select: { value: true } }))?.value ?? null;
}

export async function putSetting(key: string, value: string, tx: Tx = db()): Promise<void> {
  await tx.instanceSetting.upsert({ where: { key }, create: { key, value }, update: { value } });
}
