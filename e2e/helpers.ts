// Shared by the API, SDK and UI tests: each test makes its own user, token and calendar over the
// real API, so the suite runs in parallel on one server and database.
import { expect, request as playwrightRequest, type APIRequestContext, type APIResponse } from "@playwright/test";
import type { z } from "zod";
import { CalendarEnvelope, ErrorBody, TokenEnvelope, UserEnvelope } from "../lib/api/sweetdate/schemas.ts";

export interface TestUser {
  id: string;
  email: string;
  password: string;
  token: string;
  /** Authorization header for this user's API token. */
  auth: { Authorization: string };
}

let counter = 0;
export function uniqueEmail(label = "user"): string {
  counter += 1;
  return `${label}-${Date.now().toString(36)}-${process.pid}-${counter}-${Math.random().toString(36).slice(2, 8)}@example.test`;
}

export const BASE_URL = `http://127.0.0.1:${process.env.E2E_PORT ?? 3999}`;

/** Signs up a fresh user and creates an API token for them (in a context of its own, so the
 * session cookie does not leak into the test's `request`, which then authenticates by token only). */
export async function newUser(_request: APIRequestContext | null, opts: { name?: string; timeZone?: string } = {}): Promise<TestUser> {
  const request = await playwrightRequest.newContext({ baseURL: BASE_URL });
  const email = uniqueEmail(opts.name?.toLowerCase().replace(/\W+/g, "-") ?? "user");
  const password = "correct-horse-battery";
  const signUp = await request.post("/api/v1/auth/sign-up", {
    data: { email, password, name: opts.name ?? "Test User", ...(opts.timeZone ? { time_zone: opts.timeZone } : {}) },
  });
  expect(signUp.status(), await signUp.text()).toBe(201);
  const user = UserEnvelope.parse(await signUp.json()).user;
  const cookie = signUp.headers()["set-cookie"]!.split(";")[0]!;
  const origin = new URL(signUp.url()).origin;
  const tokenResponse = await request.post("/api/v1/tokens", { data: { name: "tests" }, headers: { cookie, origin } });
  expect(tokenResponse.status(), await tokenResponse.text()).toBe(201);
  const token = TokenEnvelope.parse(await tokenResponse.json()).token.token!;
  await request.dispose();
  return { id: user.id, email, password, token, auth: { Authorization: `Bearer ${token}` } };
}

export async function newCalendar(request: APIRequestContext, user: TestUser, data: Record<string, unknown> = {}) {
  const response = await request.post("/api/v1/calendars", { headers: user.auth, data: { name: "Test calendar", ...data } });
  expect(response.status(), await response.text()).toBe(201);
  return CalendarEnvelope.parse(await response.json()).calendar;
}

/** Asserts the status and parses the body with the wire schema (so every test is a contract test). */
export async function expectBody<T extends z.ZodType>(response: APIResponse, status: number, schema: T): Promise<z.output<T>> {
  const text = await response.text();
  expect(response.status(), text).toBe(status);
  return schema.parse(JSON.parse(text));
}

export async function expectError(response: APIResponse, status: number, code: string) {
  const body = await expectBody(response, status, ErrorBody);
  expect(body.error_code).toBe(code);
  return body;
}
