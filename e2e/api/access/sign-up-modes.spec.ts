// Sign-up modes (open | invite | closed) and invitations, on servers of their own: the shared
// e2e server runs with SIGNUP_MODE=open so the rest of the suite can sign users up freely.
import { expect, test } from "@playwright/test";
import { z } from "zod";
import { ErrorBody, Invitation, InvitationEnvelope, InvitationsEnvelope, Ok, SettingsEnvelope, TokenEnvelope, User, UserEnvelope } from "../../../lib/api/sweetdate/schemas.ts";
import { freshDatabase, httpRequest, startServer, type PlainResponse, type ServerProcess, type TestDatabase } from "../../server-process.ts";

const PASSWORD = "correct-horse-battery";
const AuthStatus = z.object({ status: z.literal("ok"), has_users: z.boolean(), sign_up: z.enum(["open", "invite", "closed"]), admin: z.boolean(), user: User.nullable() });
const email = (label: string) => `${label}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}@example.test`;

test.describe.configure({ mode: "serial" });
test.setTimeout(240_000);

let database: TestDatabase;
let server: ServerProcess;
test.beforeAll(async () => {
  database = await freshDatabase();
  server = await startServer(database.url, { SIGNUP_MODE: "" }); // not pinned: the default and the admin page decide
});
test.afterAll(async () => {
  await server?.stop();
  await database?.drop();
});

const call = (method: string, path: string, opts: { body?: unknown; auth?: string; base?: string } = {}) =>
  httpRequest(`${opts.base ?? server.baseURL}${path}`, { method, body: opts.body, headers: opts.auth ? { authorization: `Bearer ${opts.auth}` } : {} });
function parse<T extends z.ZodType>(response: PlainResponse, status: number, schema: T): z.output<T> {
  expect(response.status, response.body).toBe(status);
  return schema.parse(JSON.parse(response.body));
}
const forbidden = (response: PlainResponse) => expect(parse(response, 403, ErrorBody).error_code).toBe("FORBIDDEN");
const signUp = (address: string, invitation?: string, base?: string) => call("POST", "/api/v1/auth/sign-up", { base, body: { email: address, password: PASSWORD, ...(invitation !== undefined ? { invitation } : {}) } });

/** Signs up (expecting 201) and returns an API token for the new account. */
async function account(address: string, invitation?: string): Promise<string> {
  const created = await signUp(address, invitation);
  parse(created, 201, UserEnvelope);
  const cookie = String(created.headers["set-cookie"]).split(";")[0]!;
  const token = await httpRequest(`${server.baseURL}/api/v1/tokens`, { method: "POST", body: {}, headers: { cookie, origin: server.baseURL } });
  return parse(token, 201, TokenEnvelope).token.token!;
}

let adminToken = "";

test("the first account needs no invitation and becomes the instance admin; after it, sign-up defaults to invite", async () => {
  const before = parse(await call("GET", "/api/v1/auth/status"), 200, AuthStatus);
  expect([before.has_users, before.sign_up, before.admin]).toEqual([false, "invite", false]);
  adminToken = await account(email("admin"));
  expect(parse(await call("GET", "/api/v1/auth/status", { auth: adminToken }), 200, AuthStatus).admin).toBe(true);
  expect(parse(await call("GET", "/api/v1/settings", { auth: adminToken }), 200, SettingsEnvelope).settings).toEqual({ sign_up: "invite", sign_up_pinned: false });
  forbidden(await signUp(email("walk-in")));
  forbidden(await signUp(email("walk-in"), "sdi_made-up"));
});

test("POST /api/v1/invitations – an invitation admits one sign-up; an email-bound one only that address; revoked ones none", async () => {
  const open = parse(await call("POST", "/api/v1/invitations", { auth: adminToken, body: {} }), 201, InvitationEnvelope).invitation;
  expect(open.token).toMatch(/^sdi_/);
  expect(open.url).toBe(`${server.baseURL}/sign-up?invitation=${open.token}`);
  expect(open.state).toBe("open");
  const guest = await account(email("guest"), open.token!);
  forbidden(await signUp(email("second-use"), open.token!));

  const bound = email("bound");
  const forOne = parse(await call("POST", "/api/v1/invitations", { auth: adminToken, body: { email: ` ${bound.toUpperCase()}`, expires_in_days: 3 } }), 201, InvitationEnvelope).invitation;
  expect(forOne.email).toBe(bound);
  forbidden(await signUp(email("someone-else"), forOne.token!));
  parse(await signUp(`${bound.toUpperCase()} `, forOne.token!), 201, UserEnvelope);

  const revoked = parse(await call("POST", "/api/v1/invitations", { auth: adminToken, body: {} }), 201, InvitationEnvelope).invitation;
  parse(await call("DELETE", `/api/v1/invitations/${revoked.id}`, { auth: adminToken }), 200, Ok);
  forbidden(await signUp(email("too-late"), revoked.token!));

  const list = parse(await call("GET", "/api/v1/invitations", { auth: adminToken }), 200, InvitationsEnvelope).invitations;
  const states = Object.fromEntries(list.map((i: z.output<typeof Invitation>) => [i.id, i.state]));
  expect(states).toMatchObject({ [open.id]: "used", [forOne.id]: "used", [revoked.id]: "revoked" });
  expect(list.every((i) => i.token === undefined && i.url === undefined)).toBe(true);

  // Everyone else: 403 on every admin route; invalid input is 422.
  forbidden(await call("GET", "/api/v1/invitations", { auth: guest }));
  forbidden(await call("POST", "/api/v1/invitations", { auth: guest, body: {} }));
  forbidden(await call("DELETE", `/api/v1/invitations/${forOne.id}`, { auth: guest }));
  forbidden(await call("GET", "/api/v1/settings", { auth: guest }));
  forbidden(await call("PUT", "/api/v1/settings", { auth: guest, body: { sign_up: "open" } }));
  expect(parse(await call("GET", "/api/v1/auth/status", { auth: guest }), 200, AuthStatus).admin).toBe(false);
  expect(parse(await call("POST", "/api/v1/invitations", { auth: adminToken, body: { email: "not-an-email" } }), 422, ErrorBody).fields).toHaveProperty("email");
  expect(parse(await call("POST", "/api/v1/invitations", { auth: adminToken, body: { expires_in_days: 0 } }), 422, ErrorBody).fields).toHaveProperty("expires_in_days");
  expect(parse(await call("PUT", "/api/v1/settings", { auth: adminToken, body: { sign_up: "everyone" } }), 422, ErrorBody).fields).toHaveProperty("sign_up");
});

test("PUT /api/v1/settings – open lets anyone sign up, closed refuses even a valid invitation", async () => {
  const setMode = async (mode: string) => expect(parse(await call("PUT", "/api/v1/settings", { auth: adminToken, body: { sign_up: mode } }), 200, SettingsEnvelope).settings.sign_up).toBe(mode);
  await setMode("open");
  expect(parse(await call("GET", "/api/v1/auth/status"), 200, AuthStatus).sign_up).toBe("open");
  parse(await signUp(email("walk-in")), 201, UserEnvelope);
  const kept = parse(await call("POST", "/api/v1/invitations", { auth: adminToken, body: {} }), 201, InvitationEnvelope).invitation;
  await setMode("closed");
  forbidden(await signUp(email("walk-in")));
  forbidden(await signUp(email("invited"), kept.token!));
  await setMode("invite");
  parse(await signUp(email("invited"), kept.token!), 201, UserEnvelope);
});

test("SIGNUP_MODE in the environment pins the mode: the settings answer 409 to changes; closed refuses even the first account", async () => {
  const pinnedDb = await freshDatabase();
  const pinned = await startServer(pinnedDb.url, { SIGNUP_MODE: "closed" });
  try {
    const status = parse(await call("GET", "/api/v1/auth/status", { base: pinned.baseURL }), 200, AuthStatus);
    expect([status.has_users, status.sign_up]).toEqual([false, "closed"]);
    forbidden(await signUp(email("first"), undefined, pinned.baseURL));
  } finally {
    await pinned.stop();
    await pinnedDb.drop();
  }
  const openDb = await freshDatabase();
  const open = await startServer(openDb.url, { SIGNUP_MODE: "open" });
  try {
    const first = await signUp(email("first"), undefined, open.baseURL);
    parse(first, 201, UserEnvelope);
    const cookie = String(first.headers["set-cookie"]).split(";")[0]!;
    const change = await httpRequest(`${open.baseURL}/api/v1/settings`, { method: "PUT", body: { sign_up: "invite" }, headers: { cookie, origin: open.baseURL } });
    expect(parse(change, 409, ErrorBody).message).toMatch(/SIGNUP_MODE/);
    parse(await signUp(email("second"), undefined, open.baseURL), 201, UserEnvelope);
  } finally {
    await open.stop();
    await openDb.drop();
  }
});
