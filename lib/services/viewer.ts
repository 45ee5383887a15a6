import type { Viewer } from "../domain/types.ts";
import type { Repos } from "./ports.ts";
import { productionRepos } from "./repos.ts";

/** The caller's standing for access decisions: their id and calendar roles. */
export async function loadViewer(userId: number, repos: Repos = productionRepos): Promise<Viewer> {
  return { userId, roles: await repos.calendars.rolesOf(userId) };
}
