// Invitations and the sign-up mode are instance-wide, managed by the instance admin (the first
// account) through /api/v1/invitations, /api/v1/settings, the admin page and the CLI.
import { forbidden } from "../../domain/errors.ts";
import type { Repos } from "../ports.ts";
import { productionRepos } from "../repos.ts";

/** Admins only (403 for everyone else). `actorId` null: the operator, through the CLI. */
export async function requireAdmin(actorId: number | null, repos: Repos = productionRepos): Promise<void> {
  if (actorId !== null && !(await repos.users.isAdmin(actorId))) throw forbidden("only the instance admin may do this");
}

export type InvitationState = "open" | "used" | "revoked" | "expired";

export function invitationState(i: { usedAt: Date | null; revokedAt: Date | null; expiresAt: Date }, now = new Date()): InvitationState {
  if (i.usedAt) return "used";
  if (i.revokedAt) return "revoked";
  return i.expiresAt.getTime() <= now.getTime() ? "expired" : "open";
}
