import { expect, request as playwrightRequest, test } from "@playwright/test";
import { expectError, newCalendar, newUser, BASE_URL } from "../../helpers.ts";

test("GET /api/health – 200 without authentication", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ status: "ok" });
});

test("GET /api/v1/calendars – 401 UNAUTHORIZED without a token, with a bad token, and with a revoked token", async ({ request }) => {
  const anonymous = await playwrightRequest.newContext({ baseURL: BASE_URL });
  await expectError(await anonymous.get("/api/v1/calendars"), 401, "UNAUTHORIZED");
  await expectError(await anonymous.get("/api/v1/calendars", { headers: { Authorization: "Bearer sdt_nope" } }), 401, "UNAUTHORIZED");
  await expectError(await anonymous.get("/api/v1/calendars", { headers: { Authorization: "Basic abc" } }), 401, "UNAUTHORIZED");
  const user = await newUser(request);
  expect((await request.get("/api/v1/calendars", { headers: user.auth })).status()).toBe(200);
  const tokens = await (await request.get("/api/v1/tokens", { headers: user.auth })).json();
  expect(tokens.tokens[0].last_used_at).not.toBeNull();
  expect(JSON.stringify(tokens)).not.toContain(user.token);
  expect((await request.delete(`/api/v1/tokens/${tokens.tokens[0].id}`, { headers: user.auth })).status()).toBe(200);
  await expectError(await anonymous.get("/api/v1/calendars", { headers: user.auth }), 401, "UNAUTHORIZED");
  await anonymous.dispose();
});

test("POST /api/v1/calendars/:cid/events – malformed JSON is 400, a non-JSON content type 415, a body over 1 MiB 413", async ({ request }) => {
  const user = await newUser(request);
  const calendar = await newCalendar(request, user);
  const url = `/api/v1/calendars/${calendar.id}/events`;
  const malformed = await expectError(await request.post(url, { headers: { ...user.auth, "content-type": "application/json" }, data: Buffer.from('{"title": "x",') }), 400, "BAD_REQUEST");
  expect(malformed.message).toContain("not valid JSON");
  await expectError(await request.post(url, { headers: { ...user.auth, "content-type": "text/plain" }, data: "title=x" }), 415, "UNSUPPORTED_MEDIA_TYPE");
  await expectError(await request.post(url, { headers: { ...user.auth, "content-type": "application/json" }, data: JSON.stringify({ title: "x".repeat(1_100_000) }) }), 413, "PAYLOAD_TOO_LARGE");
  await expectError(await request.post(url, { headers: { ...user.auth, "content-type": "application/json" }, data: Buffer.from("[1,2]") }), 422, "VALIDATION_ERROR");
  await expectError(await request.post(url, { headers: { ...user.auth, "content-type": "application/json" }, data: Buffer.from("null") }), 422, "VALIDATION_ERROR");
});

test("errors never leak stacks or SQL", async ({ request }) => {
  const user = await newUser(request);
  const calendar = await newCalendar(request, user);
  const response = await request.post(`/api/v1/calendars/${calendar.id}/events`, { headers: user.auth, data: { title: "x", starts_at: "9999999-01-01T00:00:00Z", ends_at: { $gt: 1 } } });
  expect(response.status()).toBe(422);
  const text = await response.text();
  expect(text).not.toMatch(/at \w+ \(|prisma|SELECT|sqlite/i);
});

test("cookie-authenticated writes from another site are refused (CSRF); tokens are not affected", async () => {
  const context = await playwrightRequest.newContext({ baseURL: BASE_URL });
  const signUp = await context.post("/api/v1/auth/sign-up", { data: { email: `csrf-${Date.now()}@example.test`, password: "correct-horse-battery" } });
  expect(signUp.status()).toBe(201);
  const setCookie = signUp.headers()["set-cookie"]!;
  expect(setCookie).toMatch(/HttpOnly/);
  expect(setCookie).toMatch(/SameSite=Lax/);
  await expectError(await context.post("/api/v1/calendars", { data: { name: "x" }, headers: { origin: "https://evil.example" } }), 403, "FORBIDDEN");
  expect((await context.post("/api/v1/calendars", { data: { name: "x" }, headers: { origin: BASE_URL } })).status()).toBe(201);
  expect((await context.get("/api/v1/calendars")).status()).toBe(200);
  await context.dispose();
});
