// Accounts (SweetDate extension): sign-up/in/out with a session cookie, the current user, API tokens.
import { z } from "zod";
import { normalizeEmail } from "../../domain/email.ts";
import * as accounts from "../../services/accounts.ts";
import { signUpSetting } from "../../services/invitations.ts";
import { SESSION_COOKIE, sessionSecret } from "../auth.ts";
import { signInAttempt, signUpAttempt } from "../rate-limit.ts";
import { route } from "../route.ts";
import { ok, sweetdate } from "./envelope.ts";
import { serializeToken, serializeUser } from "./serialize.ts";
import { answer, done } from "./doc.ts";
import * as ex from "../openapi/sweetdate-examples.ts";
import * as wire from "./schemas.ts";

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
  {
    body: { schema: wire.SignUpInput },
    public: true,
    doc: {
      method: "POST", path: "/api/v1/auth/sign-up", operationId: "signUp", group: "Accounts", auth: "none",
      summary: "Create an account", description: "Signs in too: answers with a session cookie (`Set-Cookie: sd_session=…`).",
      body: { example: { email: "ada@example.com", password: "correct-horse-battery", name: "Ada Lovelace", time_zone: "Europe/London" } },
      responses: { 201: answer(wire.UserEnvelope, { status: "ok", user: ex.user }, "Created; signed in", { "Set-Cookie": { description: "The session cookie" } }) },
      errors: [403, 409],
    },
  },
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
  {
    body: { schema: wire.SignInInput },
    public: true,
    doc: {
      method: "POST", path: "/api/v1/auth/sign-in", operationId: "signIn", group: "Accounts", auth: "none",
      summary: "Sign in", description: "Email and password → a session cookie. 10 attempts per 15 minutes per email from one client address, 100 per email from all addresses; a successful sign-in does not count.",
      body: { example: { email: "ada@example.com", password: "correct-horse-battery" } },
      responses: { 200: answer(wire.UserEnvelope, { status: "ok", user: ex.user }, "Signed in", { "Set-Cookie": { description: "The session cookie" } }) },
      errors: [401],
    },
  },
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
  {
    public: true,
    doc: {
      method: "POST", path: "/api/v1/auth/sign-out", operationId: "signOut", group: "Accounts", auth: "optional",
      summary: "Sign out", description: "Ends the browser session (no body needed).",
      responses: { 200: done },
    },
  },
  async (ctx) => {
    const secret = sessionSecret(ctx.req);
    if (secret) await accounts.endSession(secret);
    return ok({}, 200, { "set-cookie": sessionCookie(ctx.req, "", null) });
  },
);

// GET /api/v1/auth/status – whether anyone has an account yet (first-run page), the sign-up mode, who is signed in
export const status = route(
  sweetdate,
  {
    public: true,
    doc: {
      method: "GET", path: "/api/v1/auth/status", operationId: "authStatus", group: "Accounts", auth: "optional",
      summary: "First-run check, sign-up mode and current user",
      responses: { 200: answer(wire.AuthStatus, { status: "ok", has_users: true, sign_up: "invite", admin: false, user: ex.user }) },
    },
  },
  async (ctx) => {
    const [users, setting, admin] = await Promise.all([accounts.countUsers(), signUpSetting(), ctx.caller ? accounts.isAdminUser(ctx.caller.user.id) : false]);
    return ok({ has_users: users > 0, sign_up: setting.mode, admin, user: ctx.caller ? serializeUser(ctx.caller.user) : null });
  },
);

// GET /api/v1/me – the current user
export const me = route(sweetdate, {
  doc: {
    method: "GET", path: "/api/v1/me", operationId: "getMe", group: "Users",
    summary: "The current user",
    responses: { 200: answer(wire.UserEnvelope, { status: "ok", user: ex.user }) },
  },
}, async (ctx) => ok({ user: serializeUser(ctx.caller.user) }));

// PUT /api/v1/me – change name and/or time zone
export const updateMe = route(sweetdate, {
  body: { schema: wire.ProfileInput, readOnly: ["id", "email", "inserted_at", "updated_at"] },
  doc: {
    method: "PUT", path: "/api/v1/me", operationId: "updateMe", group: "Users",
    summary: "Change your name or time zone", body: { example: { time_zone: "America/New_York" } },
    responses: { 200: answer(wire.UserEnvelope, { status: "ok", user: { ...ex.user, time_zone: "America/New_York" } }) },
  },
}, async (ctx) => {
  const body = ctx.input;
  const user = await accounts.updateProfile(ctx.caller.user.id, { name: body.name, timeZone: body.time_zone });
  return ok({ user: serializeUser(user) });
});

// GET /api/v1/tokens – the caller's API tokens (never their secrets)
export const listTokens = route(sweetdate, {
  doc: {
    method: "GET", path: "/api/v1/tokens", operationId: "listTokens", group: "Accounts",
    summary: "List your API tokens", description: "Never their secrets.",
    responses: { 200: answer(wire.TokensEnvelope, { status: "ok", tokens: [{ ...ex.token, token: undefined }] }) },
  },
}, async (ctx) => ok({ tokens: (await accounts.listApiTokens(ctx.caller.user.id)).map(serializeToken) }));

// POST /api/v1/tokens – create a token; the secret is in this response only
export const createToken = route(sweetdate, {
  body: { schema: wire.TokenInput },
  doc: {
    method: "POST", path: "/api/v1/tokens", operationId: "createToken", group: "Accounts",
    summary: "Create an API token", description: "The secret (`token`) is in this answer only.",
    body: { example: { name: "laptop scripts" } },
    responses: { 201: answer(wire.TokenEnvelope, { status: "ok", token: ex.token }, "Created") },
  },
}, async (ctx) => {
  const body = ctx.input;
  const token = await accounts.createApiToken(ctx.caller.user.id, body.name);
  return ok({ token: serializeToken(token) }, 201);
});

// DELETE /api/v1/tokens/:id – revoke
export const revokeToken = route(sweetdate, {
  params: z.object({ id: z.string().describe("Token id") }),
  doc: {
    method: "DELETE", path: "/api/v1/tokens/{id}", operationId: "revokeToken", group: "Accounts",
    summary: "Revoke an API token", responses: { 200: done },
    errors: [404],
  },
}, async (ctx) => {
  await accounts.revokeApiToken(ctx.caller.user.id, ctx.params.id);
  return ok({});
});

// GET /api/health – liveness, no auth
export const health = route(sweetdate, {
  public: true,
  rateLimit: false,
  anonymous: true,
  doc: {
    method: "GET", path: "/api/health", operationId: "health", group: "Service", auth: "none",
    summary: "Liveness", responses: { 200: done },
  },
}, async () => ok({}));
