// Accounts: sign-up / sign-in with argon2id, browser sessions and personal API tokens. Secrets
// are random 256-bit values shown once; only their SHA-256 is stored.
import crypto from "node:crypto";
import { hash, verify } from "@node-rs/argon2";
import * as users from "../db/user-repository.ts";
import { AppError, conflict, invalid, notFound, type FieldErrors } from "../domain/errors.ts";
import { addError } from "../domain/event-rules.ts";
import { isTimeZone } from "../domain/time.ts";
import type { UserRecord } from "../domain/types.ts";

export const SESSION_DAYS = 30;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function newSecret(prefix: string): string {
  return `${prefix}_${crypto.randomBytes(32).toString("base64url")}`;
}

export async function signUp(input: { email: string; password: string; name?: string | undefined; timeZone?: string | undefined }): Promise<UserRecord> {
  const errors: FieldErrors = {};
  const email = input.email.trim().toLowerCase();
  if (!EMAIL.test(email) || email.length > 254) addError(errors, "email", "is not a valid email address");
  if (input.password.length < 8) addError(errors, "password", "is too short (minimum is 8 characters)");
  if (input.password.length > 1024) addError(errors, "password", "is too long (maximum is 1024 characters)");
  if (input.timeZone !== undefined && !isTimeZone(input.timeZone)) addError(errors, "time_zone", "is not a known IANA time zone");
  if (Object.keys(errors).length) throw invalid(errors);
  const passwordHash = await hash(input.password);
  try {
    return await users.insertUser({ email, name: input.name?.trim() || email.split("@")[0]!, passwordHash, ...(input.timeZone ? { timeZone: input.timeZone } : {}) });
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") throw conflict("an account with this email cannot be created; try signing in");
    throw error;
  }
}

// A fixed hash to verify against for unknown emails, so timing does not reveal which exist.
let dummyHash: Promise<string> | undefined;

export async function checkPassword(email: string, password: string): Promise<UserRecord> {
  const user = await users.findUserByEmail(email.trim());
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

export async function createApiToken(userId: number, name: string | undefined): Promise<users.ApiTokenRecord & { token: string }> {
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

export const findUserByEmail = users.findUserByEmail;
export const searchUsers = users.searchUsers;
export const countUsers = users.countUsers;
