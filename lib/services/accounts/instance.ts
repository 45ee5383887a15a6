// Facts about the instance's accounts the CLI and the sign-in page ask for.
import { normalizeEmail } from "../../domain/email.ts";
import type { Repos } from "../ports.ts";
import { productionRepos } from "../repos.ts";

export function countUsers(repos: Repos = productionRepos): Promise<number> {
  return repos.users.count();
}

export function isAdminUser(id: number, repos: Repos = productionRepos): Promise<boolean> {
  return repos.users.isAdmin(id);
}

/** The account with this email (the CLI's lookup), password hash included. */
export function findUserByEmail(email: string, repos: Repos = productionRepos) {
  return repos.users.findByEmail(normalizeEmail(email));
}
