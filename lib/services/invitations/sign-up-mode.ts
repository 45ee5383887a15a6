// The sign-up mode (open | invite | closed): one instance setting, read and changed here.
import { conflict } from "../../domain/errors.ts";
import { DEFAULT_SIGN_UP_MODE, isSignUpMode, type SignUpMode } from "../../domain/sign-up.ts";
import { env } from "../../env.ts";
import type { Repos } from "../ports.ts";
import { productionRepos } from "../repos.ts";
import { requireAdmin } from "./invitation-rules.ts";

const MODE_KEY = "sign_up_mode";

export interface SignUpSetting {
  mode: SignUpMode;
  /** Set by the SIGNUP_MODE environment variable: the admin page cannot change it. */
  pinned: boolean;
}

/** The mode in force (inside a transaction: pass its repos). */
export async function signUpSetting(repos: Repos = productionRepos): Promise<SignUpSetting> {
  const pinned = env().SIGNUP_MODE;
  if (pinned) return { mode: pinned, pinned: true };
  const stored = await repos.invitations.getSetting(MODE_KEY);
  return { mode: isSignUpMode(stored) ? stored : DEFAULT_SIGN_UP_MODE, pinned: false };
}

/** Admins only; 409 when the environment pins the mode. */
export async function setSignUpMode(actorId: number | null, mode: SignUpMode, repos: Repos = productionRepos): Promise<SignUpSetting> {
  await requireAdmin(actorId, repos);
  const current = await signUpSetting(repos);
  if (current.pinned) throw conflict(`the sign-up mode is set by SIGNUP_MODE=${current.mode} in the server's environment`);
  await repos.invitations.putSetting(MODE_KEY, mode);
  return { mode, pinned: false };
}
