import { hashSecret } from "../../domain/secret-hash.ts";
import crypto from "node:crypto";
import { isEmail, normalizeEmail } from "../../domain/email.ts";
import { invalid } from "../../domain/errors.ts";
import { INVITATION_DAYS } from "../../domain/sign-up.ts";
import type { InvitationRecord, Repos } from "../ports.ts";
import { productionRepos } from "../repos.ts";
import { requireAdmin } from "./invitation-rules.ts";

/** Admins only: an invitation (for one email, or anyone) valid for `days`; its token is shown once. */
export async function createInvitation(actorId: number | null, input: { email?: string | undefined; days?: number | undefined }, repos: Repos = productionRepos): Promise<InvitationRecord & { token: string }> {
  await requireAdmin(actorId, repos);
  const email = input.email === undefined || input.email.trim() === "" ? null : normalizeEmail(input.email);
  if (email !== null && !isEmail(email)) throw invalid({ email: ["is not a valid email address"] });
  const days = input.days ?? INVITATION_DAYS.default;
  if (!Number.isInteger(days) || days < 1 || days > INVITATION_DAYS.max) throw invalid({ expires_in_days: [`must be an integer between 1 and ${INVITATION_DAYS.max}`] });
  const token = `sdi_${crypto.randomBytes(24).toString("base64url")}`;
  const record = await repos.invitations.insert({ tokenHash: hashSecret(token), email, createdById: actorId, expiresAt: new Date(Date.now() + days * 86_400_000) });
  return { ...record, token };
}
