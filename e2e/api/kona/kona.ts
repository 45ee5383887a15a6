// Helpers for the Kona API tests: a user with one space (its integer id), creating events, and
// asserting problem / OAuth error bodies with the wire schemas.
import { expect, type APIRequestContext, type APIResponse } from "@playwright/test";
import { CalendarEvents, OAuthError, Problem, Spaces, Users, type CalendarEvent } from "../../../lib/api/kona/schemas.ts";
import { expectBody, newCalendar, newUser, type TestUser } from "../../helpers.ts";

export type { CalendarEvent };

export interface KonaUser extends TestUser {
  /** Integer id (Kona creator_id / participant ids). */
  konaId: number;
}

export async function konaUser(request: APIRequestContext, opts: { name?: string; timeZone?: string } = {}): Promise<KonaUser> {
  const user = await newUser(request, opts);
  const { users } = await expectBody(await request.get("/api/userinfo", { headers: user.auth }), 200, Users);
  return { ...user, konaId: users[0]!.id };
}

/** A fresh user with one space; `calendar` is the same space as the SweetDate dialect sees it. */
export async function konaSetup(request: APIRequestContext, opts: { name?: string; timeZone?: string; space?: Record<string, unknown> } = {}) {
  const user = await konaUser(request, opts);
  const calendar = await newCalendar(request, user, opts.space ?? {});
  const { spaces } = await expectBody(await request.get("/api/spaces", { headers: user.auth }), 200, Spaces);
  expect(spaces).toHaveLength(1);
  return { user, calendar, spaceId: spaces[0]!.id };
}

/** POST /api/calendar_events with `{ calendar_events: [data] }`; returns the created event. */
export async function createEvent(request: APIRequestContext, user: TestUser, data: Record<string, unknown>): Promise<CalendarEvent> {
  const { calendar_events } = await expectBody(await request.post("/api/calendar_events", { headers: user.auth, data: { calendar_events: [data] } }), 201, CalendarEvents);
  expect(calendar_events).toHaveLength(1);
  return calendar_events[0]!;
}

export async function getEvent(request: APIRequestContext, user: TestUser, path: string): Promise<CalendarEvent> {
  const { calendar_events } = await expectBody(await request.get(path, { headers: user.auth }), 200, CalendarEvents);
  return calendar_events[0]!;
}

export async function listEvents(request: APIRequestContext, user: TestUser, query: string): Promise<CalendarEvent[]> {
  return (await expectBody(await request.get(`/api/calendar_events?${query}`, { headers: user.auth }), 200, CalendarEvents)).calendar_events;
}

/** Asserts a problem body: status, the problemType anchor, and returns it. */
export async function expectProblem(response: APIResponse, status: number, anchor: string) {
  const problem = await expectBody(response, status, Problem);
  expect(problem.problemType).toMatch(new RegExp(`^https?://[^/]+/docs/api#kona-errors-${anchor}$`));
  expect(problem.title.length).toBeGreaterThan(0);
  return problem;
}

/** The `invalid_params` of a problem as `{ field: [reasons] }`. */
export function fieldsOf(problem: { invalid_params?: { name: string; reason: string }[] | undefined }): Record<string, string[]> {
  const fields: Record<string, string[]> = {};
  for (const p of problem.invalid_params ?? []) (fields[p.name] ??= []).push(p.reason);
  return fields;
}

export async function expectOAuth(response: APIResponse) {
  const body = await expectBody(response, 401, OAuthError);
  expect(response.headers()["www-authenticate"]).toMatch(/^Bearer .*error="invalid_token"/);
  return body;
}

export const ms = (iso: string) => Date.parse(iso);
