// Accounts: sign-up / sign-in with argon2id, browser sessions and personal API tokens (secrets are
// random 256-bit values shown once; only their SHA-256 is stored). One use case per file in ./accounts/.
export { createApiToken, listApiTokens, revokeApiToken, userForToken } from "./accounts/api-tokens.ts";
export { countUsers, findUserByEmail, isAdminUser } from "./accounts/instance.ts";
export { searchUsers } from "./accounts/search-users.ts";
export { endSession, SESSION_DAYS, startSession, userForSession } from "./accounts/sessions.ts";
export { checkPassword } from "./accounts/sign-in.ts";
export { signUp, type SignUpInput } from "./accounts/sign-up.ts";
export { updateProfile } from "./accounts/update-profile.ts";
