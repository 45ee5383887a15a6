// Defences around access: CSRF on cookie-authenticated writes (Kona's shape; SweetDate's is in
// e2e/api/sweetdate/errors.spec.ts), sign-in throttling, no account enumeration through sign-in,
// token revocation in both dialects, secrets never echoed, and the security headers.
import { expect, request as playwrightRequest, test, type APIRequestContext } from "@playwright/test";
import { CalendarEvents, Spaces, Users } from "../../../lib/api/kona/schemas.ts";
import { CalendarEnvelope, ErrorBody, Ok, TokenEnvelope, TokensEnvelope, UserEnvelope } from "../../../lib/api/sweetdate/schemas.ts";
import { BASE_URL, expectBody, expectError, newUser, uniqueEmail } from "../../helpers.ts";
import { expectOAuth, expectProblem } from "../kona/kona.ts";

const EVIL = "https://evil.example";
const PASSWORD = "correct-horse-battery";

/** A browser-like client: signed up, holding only the session cookie. */
async function cookieClient(): Promise<{ context: APIRequestContext; email: string }> {
  const context = await playwrightRequest.newContext({ baseURL: BASE_URL });
  const email = uniqueEmail("cookie");
  expect((await context.post("/api/v1/auth/sign-up", { data: { email, password: PASSWORD } })).status()).toBe(201);
  return { context, email };
}

const signIn = (request: APIRequestContext, email: string, password: string, headers: Record<string, string> = {}) =>
  request.post("/api/v1/auth/sign-in", { data: { email, password }, headers });

test("POST /api/spaces, PUT|DELETE /api/calendar_events/:id – cookie-authenticated writes from another site are 403 problems; same-origin and tokens pass", async ({ request }) => {
  const { context } = await cookieClient();
  // Refused: a foreign Origin, a cross-site fetch without Origin, a sibling site, and no proof at all.
  const refused: Record<string, string>[] = [{ origin: EVIL }, { "sec-fetch-site": "cross-site" }, { "sec-fetch-site": "same-site" }, {}];
  for (const headers of refused) {
    await expectProblem(await context.post("/api/spaces", { data: { spaces: [{ name: "x" }] }, headers }), 403, "forbidden");
  }
  const space = (await expectBody(await context.post("/api/spaces", { data: { spaces: [{ name: "Mine" }] }, headers: { origin: BASE_URL } }), 201, Spaces)).spaces[0]!;
  const created = await context.post("/api/calendar_events", { data: { calendar_events: [{ name: "Keep me", space_id: space.id, start_at: "2031-05-01T09:00:00Z", end_at: "2031-05-01T10:00:00Z" }] }, headers: { "sec-fetch-site": "same-origin" } });
  const event = (await expectBody(created, 201, CalendarEvents)).calendar_events[0]!;
  const url = `/api/calendar_events/${event.id}`;
  await expectProblem(await context.put(url, { data: { calendar_events: [{ name: "Hijacked" }] }, headers: { origin: EVIL } }), 403, "forbidden");
  await expectProblem(await context.delete(url, { headers: { origin: EVIL } }), 403, "forbidden");
  // Reads stay open to the session (the browser keeps cross-site responses from the other site).
  expect((await expectBody(await context.get(url, { headers: { origin: EVIL } }), 200, CalendarEvents)).calendar_events[0]!.name).toBe("Keep me");

  // A token is not a cookie: no CSRF check, whatever the Origin.
  const token = (await expectBody(await context.post("/api/v1/tokens", { data: { name: "script" }, headers: { origin: BASE_URL } }), 201, TokenEnvelope)).token.token!;
  const put = await request.put(url, { data: { calendar_events: [{ name: "Renamed by script" }] }, headers: { Authorization: `Bearer ${token}`, origin: EVIL } });
  expect((await expectBody(put, 200, CalendarEvents)).calendar_events[0]!.name).toBe("Renamed by script");
  await context.dispose();
});

test("PUT /api/v1/calendars/:id – a cookie write from a sibling site (Sec-Fetch-Site: same-site) is 403 FORBIDDEN; a token from any Origin passes", async ({ request }) => {
  const { context } = await cookieClient();
  const token = (await expectBody(await context.post("/api/v1/tokens", { data: {}, headers: { origin: BASE_URL } }), 201, TokenEnvelope)).token.token!;
  const { calendar } = await expectBody(await request.post("/api/v1/calendars", { data: { name: "Team" }, headers: { Authorization: `Bearer ${token}`, origin: EVIL } }), 201, CalendarEnvelope);
  await expectError(await context.put(`/api/v1/calendars/${calendar.id}`, { data: { name: "x" }, headers: { origin: BASE_URL, "sec-fetch-site": "same-site" } }), 403, "FORBIDDEN");
  await expectError(await context.delete(`/api/v1/calendars/${calendar.id}`, { headers: { "sec-fetch-site": "cross-site" } }), 403, "FORBIDDEN");
  expect((await expectBody(await context.get(`/api/v1/calendars/${calendar.id}`), 200, CalendarEnvelope)).calendar.name).toBe("Team");
  await context.dispose();
});

test("POST /api/v1/auth/sign-in – the 11th attempt for one email within 15 minutes is 429 RATE_LIMITED with Retry-After, even with the right password", async ({ request }) => {
  const user = await newUser(request);
  for (let i = 1; i <= 10; i++) await expectError(await signIn(request, user.email, `wrong-${i}`), 401, "UNAUTHORIZED");
  const limited = await signIn(request, user.email, "wrong-11");
  const body = await expectError(limited, 429, "RATE_LIMITED");
  expect(body.message).not.toMatch(/password|exist/i);
  const retryAfter = Number(limited.headers()["retry-after"]);
  expect(Number.isInteger(retryAfter) && retryAfter > 0 && retryAfter <= 15 * 60).toBe(true);
  await expectError(await signIn(request, user.email.toUpperCase(), user.password), 429, "RATE_LIMITED");
  expect(limited.headers()["set-cookie"]).toBeUndefined();
  // Other accounts and the user's API token are unaffected.
  await expectError(await signIn(request, uniqueEmail("bystander"), "wrong"), 401, "UNAUTHORIZED");
  expect((await request.get("/api/v1/me", { headers: user.auth })).status()).toBe(200);
});

// X-Forwarded-For is client-controlled: the throttle ignores it unless TRUST_PROXY=1, and also
// counts per address from anywhere.
test("POST /api/v1/auth/sign-in – rotating X-Forwarded-For does not reset the sign-in throttle", async ({ request }) => {
  const user = await newUser(request);
  for (let i = 1; i <= 10; i++) await signIn(request, user.email, `wrong-${i}`, { "x-forwarded-for": `203.0.113.${i}` });
  await expectError(await signIn(request, user.email, "wrong-11", { "x-forwarded-for": "203.0.113.99" }), 429, "RATE_LIMITED");
});

test("POST /api/v1/auth/sign-in – an unknown email and a wrong password get the same 401 answer", async ({ request }) => {
  const user = await newUser(request);
  const unknown = await signIn(request, uniqueEmail("nobody"), "wrong-password");
  const wrong = await signIn(request, user.email, "wrong-password");
  const [a, b] = [await expectBody(unknown, 401, ErrorBody), await expectBody(wrong, 401, ErrorBody)];
  expect(a).toEqual(b);
  expect(a).toEqual({ status: "error", error_code: "UNAUTHORIZED", message: "email or password is incorrect" });
  expect(unknown.headers()["set-cookie"]).toBeUndefined();
  expect(wrong.headers()["set-cookie"]).toBeUndefined();
});

test("POST /api/v1/auth/sign-up – an email already taken (any case) is 409 with a generic message, no session, the account untouched", async ({ request }) => {
  const user = await newUser(request);
  const again = await request.post("/api/v1/auth/sign-up", { data: { email: user.email.toUpperCase(), password: "another-password-1" } });
  const body = await expectError(again, 409, "CONFLICT");
  expect(body.message).toBe("an account with this email cannot be created; try signing in");
  expect(body.message.toLowerCase()).not.toContain(user.email.toLowerCase());
  expect(again.headers()["set-cookie"]).toBeUndefined();
  await expectError(await signIn(request, user.email, "another-password-1"), 401, "UNAUTHORIZED");
  expect((await expectBody(await signIn(request, user.email, user.password), 200, UserEnvelope)).user.id).toBe(user.id);
});

test("DELETE /api/v1/tokens/:id – a revoked token is 401 in both dialects (Kona: OAuth invalid_token); other tokens and other users' tokens are untouched", async ({ request }) => {
  const user = await newUser(request);
  const other = await newUser(request);
  const second = (await expectBody(await request.post("/api/v1/tokens", { headers: user.auth, data: { name: "second" } }), 201, TokenEnvelope)).token;
  const auth = { Authorization: `Bearer ${second.token!}` };
  expect((await request.get("/api/calendar_events", { headers: auth })).status()).toBe(200);
  // Someone else's token cannot be revoked (or even confirmed to exist).
  await expectError(await request.delete(`/api/v1/tokens/${second.id}`, { headers: other.auth }), 404, "NOT_FOUND");
  expect((await request.get("/api/userinfo", { headers: auth })).status()).toBe(200);

  await expectBody(await request.delete(`/api/v1/tokens/${second.id}`, { headers: user.auth }), 200, Ok);
  await expectError(await request.get("/api/v1/calendars", { headers: auth }), 401, "UNAUTHORIZED");
  await expectError(await request.post("/api/v1/calendars", { headers: auth, data: { name: "x" } }), 401, "UNAUTHORIZED");
  for (const path of ["/api/calendar_events", "/api/v1/calendar_events", "/api/spaces", "/api/userinfo"]) {
    const body = await expectOAuth(await request.get(path, { headers: auth }));
    expect(body.error).toBe("invalid_token");
  }
  await expectOAuth(await request.post("/api/calendar_events", { headers: auth, data: { calendar_events: [{ name: "x" }] } }));
  await expectOAuth(await request.get("/api/calendar_events", { headers: { Authorization: "Bearer sdt_never-issued" } }));
  expect((await request.get("/api/userinfo", { headers: user.auth })).status()).toBe(200);
  await expectError(await request.delete(`/api/v1/tokens/${second.id}`, { headers: user.auth }), 404, "NOT_FOUND");
});

test("GET /api/v1/tokens, /api/v1/me, /api/userinfo – token secrets, session secrets and password hashes never appear", async ({ request }) => {
  const { context } = await cookieClient();
  const created = await expectBody(await context.post("/api/v1/tokens", { data: { name: "ci" }, headers: { origin: BASE_URL } }), 201, TokenEnvelope);
  const secret = created.token.token!;
  expect(secret.startsWith(created.token.prefix)).toBe(true);
  expect(created.token.prefix.length).toBeLessThanOrEqual(10);
  const auth = { Authorization: `Bearer ${secret}` };
  const session = (await context.storageState()).cookies.find((c) => c.name === "sd_session")!.value;
  const responses = await Promise.all([
    context.get("/api/v1/tokens"),
    request.get("/api/v1/tokens", { headers: auth }),
    context.get("/api/v1/me"),
    context.get("/api/v1/auth/status"),
    request.get("/api/userinfo", { headers: auth }),
  ]);
  const list = await expectBody(responses[0]!, 200, TokensEnvelope);
  expect(list.tokens.map((t) => Object.keys(t).sort())).toEqual([["id", "inserted_at", "last_used_at", "name", "prefix"]]);
  await expectBody(responses[4]!, 200, Users);
  for (const response of responses) {
    const text = await response.text();
    expect(response.status(), text).toBe(200);
    expect(text).not.toContain(secret);
    expect(text).not.toContain(session);
    expect(text).not.toMatch(/password|hash|\$argon2/i);
  }
  await context.dispose();
});

const SECURITY_HEADERS = {
  "x-content-type-options": "nosniff",
  "referrer-policy": "strict-origin-when-cross-origin",
  "x-frame-options": "DENY",
};
const CSP_DIRECTIVES = [
  "default-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "object-src 'none'",
];

test("security headers (CSP, nosniff, Referrer-Policy, X-Frame-Options, Permissions-Policy) on pages, API answers and API errors", async ({ request }) => {
  const anonymous = await playwrightRequest.newContext({ baseURL: BASE_URL });
  const responses = await Promise.all([
    anonymous.get("/sign-in"),
    anonymous.get("/", { maxRedirects: 0 }),
    anonymous.get("/api/health"),
    anonymous.get("/api/v1/calendars"),
    anonymous.get("/api/calendar_events"),
    request.get("/no-such-page"),
  ]);
  for (const response of responses) {
    const headers = response.headers();
    expect(headers, response.url()).toMatchObject(SECURITY_HEADERS);
    const csp = headers["content-security-policy"]!.split(";").map((d) => d.trim());
    for (const directive of CSP_DIRECTIVES) expect(csp, response.url()).toContain(directive);
    expect(csp.find((d) => d.startsWith("script-src"))).toMatch(/^script-src 'self' 'unsafe-inline'$/);
    expect(headers["permissions-policy"]).toMatch(/camera=\(\)/);
    expect(headers["x-powered-by"]).toBeUndefined();
  }
  await anonymous.dispose();
});

test("the sign-in page runs under the CSP: no policy violations, no console errors, the form is interactive", async ({ page, request }) => {
  await newUser(request); // so /sign-in does not forward an empty installation to sign-up
  const problems: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(message.text());
  });
  page.on("pageerror", (error) => problems.push(error.message));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}:${e.columnNumber}`));
  });
  await page.goto("/sign-in");
  await expect(page.getByRole("button", { name: /sign in/i })).toBeVisible();
  await page.getByLabel(/email/i).fill("nobody@example.test");
  await page.getByLabel(/password/i).fill("wrong-password");
  await page.getByRole("button", { name: /sign in/i }).click();
  await expect(page.getByText(/email or password is incorrect/i)).toBeVisible();
  // Allowed: the browser's own log of the rejected sign-in (401), and zod's feature probe
  // `try { Function("") } catch {}`, which reports an eval violation and then runs without eval.
  expect(problems.filter((p) => !/401|Unauthorized/i.test(p) && !/^CSP violation: script-src eval /.test(p))).toEqual([]);
});
