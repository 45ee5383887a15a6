import { rolesOf } from "../db/calendar-repository.ts";
import type { Viewer } from "../domain/types.ts";

/** The caller's standing for access decisions: their id and calendar roles. */
export async function loadViewer(userId: number): Promise<Viewer> {
  return { userId, roles: await rolesOf(userId) };
}
