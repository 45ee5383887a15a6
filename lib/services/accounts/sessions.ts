// Browser sessions: start (sign in), find (each request), end (sign out) — one resource's lifecycle.
import { hashSecret } from "../../domain/secret-hash.ts";
import type { UserRecord } from "../../domain/types.ts";
import type { Repos } from "../ports.ts";
import { productionRepos } from "../repos.ts";
import { newSecret } from "./secrets.ts";

export const SESSION_DAYS = 30;

export async function startSession(userId: number, repos: Repos = productionRepos): Promise<{ secret: string; expiresAt: Date }> {
  const secret = newSecret("sds");
  const expiresAt = new Date(Date.now() + SESSION_DAYS * 86_400_000);
  await repos.credentials.insertSession(userId, hashSecret(secret), expiresAt);
  return { secret, expiresAt };
}

export async function endSession(secret: string, repos: Repos = productionRepos): Promise<void> {
  await repos.credentials.deleteSession(hashSecret(secret));
}

export async function userForSession(secret: string, repos: Repos = productionRepos): Promise<UserRecord | null> {
  return repos.credentials.findSessionUser(hashSecret(secret));
}
