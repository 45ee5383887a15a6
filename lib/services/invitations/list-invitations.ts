import type { InvitationRecord, Repos } from "../ports.ts";
import { productionRepos } from "../repos.ts";
import { requireAdmin } from "./invitation-rules.ts";

/** Admins only: every invitation. */
export async function listInvitations(actorId: number | null, repos: Repos = productionRepos): Promise<InvitationRecord[]> {
  await requireAdmin(actorId, repos);
  return repos.invitations.list();
}
