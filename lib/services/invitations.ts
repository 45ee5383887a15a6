// The sign-up mode and invitations: instance-wide, managed by the instance admin (the first account)
// through /api/v1/invitations, /api/v1/settings, the admin page and the CLI.
import crypto from "node:crypto";
import * as invitations from "../db/invitation-repository.ts";
import type { Tx } from "../db/client.ts";
import { isAdminUser } from "../db/user-repository.ts";
import { hashSecret } from "../db/user-repository.ts";
import { isEmail, normalizeEmail } from "../domain/email.ts";
import { conflict, forbidden, invalid, notFound } from "../domain/errors.ts";
import { DEFAULT_SIGN_UP_MODE, INVITATION_DAYS, isSignUpMode, type SignUpMode } from "../domain/sign-up.ts";
import { env } from "../env.ts";

export type { InvitationRecord } from "../db/invitation-repository.ts";

const MODE_KEY = "sign_up_mode";

export interface SignUpSetting {
  mode: SignUpMode;
  /** Set by the SIGNUP_MODE environment variable: the admin page cannot change it. */
  pinned: boolean;
}

export async function signUpSetting(tx?: Tx): Promise<SignUpSetting> {
  const pinned = env().SIGNUP_MODE;
  if (pinned) return { mode: pinned, pinned: true };
  const stored = await invitations.getSetting(MODE_KEY, tx);
  return { mode: isSignUpMode(stored) ? stored : DEFAULT_SIGN_UP_MODE, pinned: false };
}

/** Admins only (403 for everyone else). `actorId` null: the operator, through the CLI. */
export async function requireAdmin(actorId: number | null): Promise<void> {
  if (actorId !== null && !(await isAdminUser(actorId))) throw forbidden("only the instance admin may do this");
}

export async function setSignUpMode(actorId: number | null, mode: SignUpMode): Promise<SignUpSetting> {
  await requireAdmin(actorId);
  const current = await signUpSetting();
  if (current.pinned) throw conflict(`the sign-up mode is set by SIGNUP_MODE=${current.mode} in the server's environment`);
  await invitations.putSetting(MODE_KEY, mode);
  return { mode, pinned: false };
}

export async function createInvitation(actorId: number | null, input: { email?: string | undefined; days?: number | undefined }) {
  await requireAdmin(actorId);
  const email = input.email === undefined || input.email.trim() === "" ? null : normalizeEmail(input.email);
  if (email !== null && !isEmail(email)) throw invalid({ email: ["is not a valid email address"] });
  const days = input.days ?? INVITATION_DAYS.default;
  if (!Number.isInteger(days) || days < 1 || days > INVITATION_DAYS.max) throw invalid({ expires_in_days: [`must be an integer between 1 and ${INVITATION_DAYS.max}`] });
  const token = `sdi_${crypto.randomBytes(24).toString("base64url")}`;
  const record = await invitations.insertInvitation({ tokenHash: hashSecret(token), email, createdById: actorId, expiresAt: new Date(Date.now() + days * 86_400_000) });
  return { ...record, token };
}

export async function listInvitations(actorId: number | null) {
  await requireAdmin(actorId);
  return invitations.listInvitations();
}

export async function revokeInvitation(actorId: number | null, uuid: string) {
  await requireAdmin(actorId);
  const found = /^[0-9a-f-]{36}$/i.test(uuid) ? await invitations.revokeInvitation(uuid.toLowerCase(), new Date()) : null;
  if (!found) throw notFound("invitation not found");
  return found;
}

export type InvitationState = "open" | "used" | "revoked" | "expired";
export function invitationState(i: { usedAt: Date | null; revokedAt: Date | null; expiresAt: Date }, now = new Date()): InvitationState {
  if (i.usedAt) return "used";
  if (i.revokedAt) return "revoked";
  return i.expiresAt.getTime() <= now.getTime() ? "expired" : "open";
}

/**
 * Inside the sign-up transaction: may `email` sign up now? Returns the invitation to consume (or
 * null). The first account always may (unless sign-up is closed); `operator` (the CLI) always may.
 */
export async function admitSignUp(tx: Tx, opts: { email: string; invitation?: string | undefined; firstUser: boolean; operator: boolean }) {
  if (opts.operator) return null;
  const { mode } = await signUpSetting(tx);
  if (mode === "closed") throw forbidden("sign-up is closed on this installation; ask its admin for an account");
  if (opts.firstUser || mode === "open") return null;
  const token = opts.invitation?.trim();
  if (!token) throw forbidden("sign-up on this installation needs an invitation; ask its admin for a link");
  const invitation = await invitations.findInvitationByHash(hashSecret(token), tx);
  if (!invitation || invitationState(invitation) !== "open") throw forbidden("this invitation is invalid, used, revoked or expired");
  if (invitation.email !== null && invitation.email !== opts.email) throw forbidden("this invitation is for another email address");
  return invitation;
}

export const consumeInvitation = invitations.consumeInvitation;
