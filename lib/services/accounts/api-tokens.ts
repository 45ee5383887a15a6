// Personal API tokens: create (shown once), list, revoke, and find the user of one — one resource's lifecycle.
import { hashSecret } from "../../domain/secret-hash.ts";
import { invalid, notFound } from "../../domain/errors.ts";
import type { ApiTokenRecord, UserRecord } from "../../domain/types.ts";
import type { Repos } from "../ports.ts";
import { productionRepos } from "../repos.ts";
import { newSecret } from "./secrets.ts";

export async function createApiToken(userId: number, name: string | undefined, repos: Repos = productionRepos): Promise<ApiTokenRecord & { token: string }> {
  const label = (name ?? "").trim() || "API token";
  if (label.length > 100) throw invalid({ name: ["is too long (maximum is 100 characters)"] });
  const token = newSecret("sdt");
  const record = await repos.credentials.insertToken(userId, label, hashSecret(token), token.slice(0, 10));
  return { ...record, token };
}

export function listApiTokens(userId: number, repos: Repos = productionRepos): Promise<ApiTokenRecord[]> {
  return repos.credentials.listTokens(userId);
}

/** 404 for a token that is not the caller's (or is revoked already). */
export async function revokeApiToken(userId: number, uuid: string, repos: Repos = productionRepos): Promise<void> {
  if (!(await repos.credentials.revokeToken(userId, uuid))) throw notFound("token not found");
}

export async function userForToken(secret: string, repos: Repos = productionRepos): Promise<UserRecord | null> {
  return repos.credentials.findTokenUser(hashSecret(secret));
}
