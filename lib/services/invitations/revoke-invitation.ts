import { notFound } from "../../domain/errors.ts";
import type { InvitationRecord, Repos } from "../ports.ts";
import { productionRepos } from "../repos.ts";
import { requireAdmin } from "./invitation-rules.ts";

/** Admins only: the invitation can no longer be used; 404 when unknown. */
export async function revokeInvitation(actorId: number | null, uuid: string, repos: Repos = productionRepos): Promise<InvitationRecord> {
  await requireAdmin(actorId, repos);
  const found = /^[0-9a-f-]{36}$/i.test(uuid) ? await repos.invitations.revoke(uuid.toLowerCase(), new Date()) : null;
  if (!found) throw notFound("invitation not found");
  return found;
}
