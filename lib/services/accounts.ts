// Accounts: sign-up / sign-in with argon2id, browser sessions and personal API tokens. Secrets
// are random 256-bit values shown once; only their SHA-256 is stored.
import crypto from "node:crypto";
import { hash, verify } from "@node-rs/argon2";
import * as users from "../db/user-repository.ts";
import { isEmail, normalizeEmail } from "../domain/email.ts";
import { addError, AppError, conflict, forbidden, invalid, notFound, type FieldErrors } from "../domain/errors.ts";
import { transaction } from "../db/transaction.ts";
import { admitSignUp, consumeInvitation } from "./invitations.ts";
import { isTimeZone } from "../domain/time.ts";
import type { ApiTokenRecord, UserRecord } from "../domain/types.ts";

export const SESSION_DAYS = 30;

function newSecret(prefix: string): string {
  return `${prefix}_${crypto.randomBytes(32).toString("base64url")}`;
}

/**
 * Creates an account. Through the web the sign-up mode applies (lib/services/invitations.ts
 * admitSignUp); `operator` (the CLI) bypasses it. The first account becomes the instance admin.
 */
export async function signUp(
  input: { email: string; password: string; name?: string | undefined; timeZone?: string | undefined; invitation?: string | undefined },
  opts: { operator?: boolean } = {},
): Promise<UserRecord> {
  const errors: FieldErrors = {};
  const email = normalizeEmail(input.email);
  if (!isEmail(email)) addError(errors, "email", "is not a valid email address");
  if (input.password.length < 8) addError(errors, "password", "is too short (minimum is 8 characters)");
  if (input.password.length > 1024) addError(errors, "password", "is too long (maximum is 1024 characters)");
  if (input.timeZone !== undefined && !isTimeZone(input.timeZone)) addError(errors, "time_zone", "is not a known IANA time zone");
  if (Object.keys(errors).length) throw invalid(errors);
  const passwordHash = await hash(input.password);
  try {
    return await transaction(async (tx) => {
      await users.lockSignUps(tx);
      const firstUser = (await users.countUsers(tx)) === 0;
      const invitation = await admitSignUp(tx, { email, invitation: input.invitation, firstUser, operator: opts.operator ?? false });
      const user = await users.insertUser({ email, name: input.name?.trim() || email.split("@")[0]!, passwordHash, isAdmin: firstUser, ...(input.timeZone ? { timeZone: input.timeZone } : {}) }, tx);
      if (invitation && !(await consumeInvitation(invitation.id, user.id, new Date(), tx))) throw forbidden("this invitation is invalid, used, revoked or expired");
      return user;
    });
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") throw conflict("an account with this email cannot be created; try signing in");
    throw error;
  }
}

// A fixed hash to verify against for unknown emails, so timing does not reveal which exist.
let dummyHash: Promise<string> | undefined;

export async function checkPassword(email: string, password: string): Promise<UserRecord> {
  const user = await users.findUserByEmail(normalizeEmail(email));
  dummyHash ??= hash("not-a-real-password");
  const ok = await verify(user?.passwordHash ?? (await dummyHash), password).catch(() => false);
  if (!user || !ok) throw new AppError("UNAUTHORIZED", "email or password is incorrect");
  const { passwordHash: _, ...record } = user;
  return record;
}

export async function startSession(userId: number): Promise<{ secret: string; expiresAt: Date }> {
  const secret = newSecret("sds");
  const expiresAt = new Date(Date.now() + SESSION_DAYS * 86_400_000);
  await users.insertSession(userId, users.hashSecret(secret), expiresAt);
  return { secret, expiresAt };
}

export async function endSession(secret: string): Promise<void> {
  await users.deleteSession(users.hashSecret(secret));
}

export async function userForSession(secret: string): Promise<UserRecord | null> {
  return users.findSessionUser(users.hashSecret(secret));
}

export async function userForToken(secret: string): Promise<UserRecord | null> {
  return users.findApiTokenUser(users.hashSecret(secret));
}

export async function createApiToken(userId: number, name: string | undefined): Promise<ApiTokenRecord & { token: string }> {
  const label = (name ?? "").trim() || "API token";
  if (label.length > 100) throw invalid({ name: ["is too long (maximum is 100 characters)"] });
  const token = newSecret("sdt");
  const record = await users.insertApiToken(userId, label, users.hashSecret(token), token.slice(0, 10));
  return { ...record, token };
}

export const listApiTokens = users.listApiTokens;

export async function revokeApiToken(userId: number, uuid: string): Promise<void> {
  if (!(await users.revokeApiToken(userId, uuid))) throw notFound("token not found");
}

export async function updateProfile(userId: number, input: { name?: string | undefined; timeZone?: string | undefined }): Promise<UserRecord> {
  const errors: FieldErrors = {};
  if (input.name !== undefined && input.name.trim() === "") addError(errors, "name", "can't be blank");
  if (input.timeZone !== undefined && !isTimeZone(input.timeZone)) addError(errors, "time_zone", "is not a known IANA time zone");
  if (Object.keys(errors).length) throw invalid(errors);
  return users.updateUser(userId, { ...(input.name !== undefined ? { name: input.name.trim() } : {}), ...(input.timeZone !== undefined ? { timeZone: input.timeZone } : {}) });
}

export async function findUserByEmail(email: string) {
  return users.findUserByEmail(normalizeEmail(email));
}
/** The directory as `viewerId` sees it (lib/db/user-repository.ts searchUsers); a query that is
 * a whole email address also finds that one person, so anyone can be invited by address. */
export async function searchUsers(opts: { viewerId: number; q?: string | undefined; prefix?: string | undefined; calendarId?: number | undefined; limit: number; offset: number }) {
  const text = opts.q ?? opts.prefix;
  const email = text === undefined ? undefined : normalizeEmail(text);
  return users.searchUsers({ ...opts, ...(email && isEmail(email) ? { exactEmail: email } : {}) });
}
export const countUsers = users.countUsers;
export const isAdminUser = users.isAdminUser;
