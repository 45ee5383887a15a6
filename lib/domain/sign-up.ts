// Who may create an account (docs/access.md): an instance setting, pinned by SIGNUP_MODE when set.
//   open   – anyone who reaches the sign-up page
//   invite – only with an unused, unexpired invitation (the default once the first account exists)
//   closed – nobody through the web; the operator uses the CLI
// The very first account of an installation needs no invitation and becomes its admin.

import { SIGN_UP_MODES } from "./enums.ts";

export { SIGN_UP_MODES };
export type SignUpMode = (typeof SIGN_UP_MODES)[number];
export const DEFAULT_SIGN_UP_MODE: SignUpMode = "invite";

export function isSignUpMode(value: unknown): value is SignUpMode {
  return typeof value === "string" && (SIGN_UP_MODES as readonly string[]).includes(value);
}

/** Invitations last two weeks unless the admin says otherwise (1–365 days). */
export const INVITATION_DAYS = { default: 14, max: 365 } as const;
