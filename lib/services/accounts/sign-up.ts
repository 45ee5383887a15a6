import { hashSecret } from "../../domain/secret-hash.ts";
import { hash } from "@node-rs/argon2";
import { isEmail, normalizeEmail } from "../../domain/email.ts";
import { addError, conflict, forbidden, invalid, type FieldErrors } from "../../domain/errors.ts";
import { isTimeZone } from "../../domain/time.ts";
import type { UserRecord } from "../../domain/types.ts";
import { invitationState } from "../invitations/invitation-rules.ts";
import { signUpSetting } from "../invitations/sign-up-mode.ts";
import { EmailTaken, type InvitationRecord, type Repos } from "../ports.ts";
import { productionRepos } from "../repos.ts";

export interface SignUpInput {
  email: string;
  password: string;
  name?: string | undefined;
  timeZone?: string | undefined;
  invitation?: string | undefined;
}

/**
 * Creates an account. Through the web the sign-up mode applies (open | invite | closed);
 * `operator` (the CLI) bypasses it. The first account becomes the instance admin.
 */
export async function signUp(input: SignUpInput, opts: { operator?: boolean } = {}, repos: Repos = productionRepos): Promise<UserRecord> {
  const errors: FieldErrors = {};
  const email = normalizeEmail(input.email);
  if (!isEmail(email)) addError(errors, "email", "is not a valid email address");
  if (input.password.length < 8) addError(errors, "password", "is too short (minimum is 8 characters)");
  if (input.password.length > 1024) addError(errors, "password", "is too long (maximum is 1024 characters)");
  if (input.timeZone !== undefined && !isTimeZone(input.timeZone)) addError(errors, "time_zone", "is not a known IANA time zone");
  if (Object.keys(errors).length) throw invalid(errors);
  const passwordHash = await hash(input.password);
  try {
    return await repos.transaction(async (tx) => {
      await tx.users.lockSignUps();
      const firstUser = (await tx.users.count()) === 0;
      const invitation = await admitSignUp(tx, { email, invitation: input.invitation, firstUser, operator: opts.operator ?? false });
      const user = await tx.users.insert({ email, name: input.name?.trim() || email.split("@")[0]!, passwordHash, isAdmin: firstUser, ...(input.timeZone ? { timeZone: input.timeZone } : {}) });
      if (invitation && !(await tx.invitations.consume(invitation.id, user.id, new Date()))) throw forbidden("this invitation is invalid, used, revoked or expired");
      return user;
    });
  } catch (error) {
    if (error instanceof EmailTaken) throw conflict("an account with this email cannot be created; try signing in");
    throw error;
  }
}

/**
 * Inside the sign-up transaction: may `email` sign up now? Returns the invitation to consume (or
 * null). The first account always may (unless sign-up is closed); `operator` (the CLI) always may.
 */
async function admitSignUp(tx: Repos, opts: { email: string; invitation?: string | undefined; firstUser: boolean; operator: boolean }): Promise<InvitationRecord | null> {
  if (opts.operator) return null;
  const { mode } = await signUpSetting(tx);
  if (mode === "closed") throw forbidden("sign-up is closed on this installation; ask its admin for an account");
  if (opts.firstUser || mode === "open") return null;
  const token = opts.invitation?.trim();
  if (!token) throw forbidden("sign-up on this installation needs an invitation; ask its admin for a link");
  const invitation = await tx.invitations.findByHash(hashSecret(token));
  if (!invitation || invitationState(invitation) !== "open") throw forbidden("this invitation is invalid, used, revoked or expired");
  if (invitation.email !== null && invitation.email !== opts.email) throw forbidden("this invitation is for another email address");
  return invitation;
}
