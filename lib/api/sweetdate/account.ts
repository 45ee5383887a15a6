// Accounts (SweetDate extension): sign-up/in/out with a session cookie, the current user, API tokens.
import { z } from "zod";
import { normalizeEmail } from "../../domain/email.ts";
import * as accounts from "../../services/accounts.ts";
import { signUpSetting } from "../../services/invitations.ts";
import { SESSION_COOKIE, sessionSecret } from "../auth.ts";
import { signInAttempt, signUpAttempt } from "../rate-limit.ts";
import { route } from "../route.ts";
import { ok, sweetdate } from "./envelope.ts";
import { ProfileInput, SignInInput, SignUpInput, TokenInput } from "./schemas.ts";
import { serializeToken, serializeUser } from "./serialize.ts";

function sessionCookie(req: Request, secret: string, expiresAt: Date | null): string {
  const secure = new URL(req.url).protocol === "https:" || req.headers.get("x-forwarded-proto") === "https";
  const expiry = expiresAt ? `Expires=${expiresAt.toUTCString()}` : "Max-Age=0";
  return `${SESSION_COOKIE}=${secret}; Path=/; HttpOnly; SameSite=Lax; ${expiry}${secure ? "; Secure" : ""}`;
}

async function signedIn(req: Request, userId: number, status: number, user: Parameters<typeof serializeUser>[0]) {
  const session = await accounts.startSession(userId);
  return ok({ user: serializeUser(user) }, status, { "set-cookie": sessionCookie(req, session.secret, session.expiresAt) });
}

// POST /api/v1/auth/sign-up – create an account and sign in
export const signUp = route(
  sweetdate,
  { body: { schema: SignUpInput }, public: true },
  async (ctx) => {
    const body = ctx.input;
    const email = normalizeEmail(body.email);
    await signUpAttempt(ctx.req, email);
    const user = await accounts.signUp({ email, password: body.password, name: body.name, timeZone: body.time_zone, invitation: body.invitation });
    return signedIn(ctx.req, user.id, 201, user);
  },
);

// POST /api/v1/auth/sign-in – email + password → session cookie
export const signIn = route(
  sweetdate,
  { body: { schema: SignInInput }, public: true },
  async (ctx) => {
    const body = ctx.input;
    // One spelling of the address for the throttle and the lookup alike (" Ann@X.org" = "ann@x.org").
    const email = normalizeEmail(body.email);
    const attempt = await signInAttempt(ctx.req, email);
    const user = await accounts.checkPassword(email, body.password);
    await attempt.succeeded();
    return signedIn(ctx.req, user.id, 200, user);
  },
);

// POST /api/v1/auth/sign-out – end the browser session
export const signOut = route(
  sweetdate,
  async (ctx) => {
    const secret = sessionSecret(ctx.req);
    if (secret) await accounts.endSession(secret);
    return ok({}, 200, { "set-cookie": sessionCookie(ctx.req, "", null) });
  },
  { public: true },
);

// GET /api/v1/auth/status – whether anyone has an account yet (first-run page), the sign-up mode, who is signed in
export const status = route(
  sweetdate,
  async (ctx) => {
    const [users, setting, admin] = await Promise.all([accounts.countUsers(), signUpSetting(), ctx.caller ? accounts.isAdminUser(ctx.caller.user.id) : false]);
    return ok({ has_users: users > 0, sign_up: setting.mode, admin, user: ctx.caller ? serializeUser(ctx.caller.user) : null });
  },
  { public: true },
);

// GET /api/v1/me – the current user
export const me = route(sweetdate, async (ctx) => ok({ user: serializeUser(ctx.caller.user) }));

// PUT /api/v1/me – change name and/or time zone
export const updateMe = route(sweetdate, { body: { schema: ProfileInput, readOnly: ["id", "email", "inserted_at", "updated_at"] } }, async (ctx) => {
  const body = ctx.input;
  const user = await accounts.updateProfile(ctx.caller.user.id, { name: body.name, timeZone: body.time_zone });
  return ok({ user: serializeUser(user) });
});

// GET /api/v1/tokens – the caller's API tokens (never their secrets)
export const listTokens = route(sweetdate, async (ctx) => ok({ tokens: (await accounts.listApiTokens(ctx.caller.user.id)).map(serializeToken) }));

// POST /api/v1/tokens – create a token; the secret is in this response only
export const createToken = route(sweetdate, { body: { schema: TokenInput } }, async (ctx) => {
  const body = ctx.input;
  const token = await accounts.createApiToken(ctx.caller.user.id, body.name);
  return ok({ token: serializeToken(token) }, 201);
});

// DELETE /api/v1/tokens/:id – revoke
export const revokeToken = route(sweetdate, { params: z.object({ id: z.string().describe("Token id") }) }, async (ctx) => {
  await accounts.revokeApiToken(ctx.caller.user.id, ctx.params.id);
  return ok({});
});

// GET /api/health – liveness, no auth
export const health = route(sweetdate, async () => ok({}), { public: true, rateLimit: false, anonymous: true });
