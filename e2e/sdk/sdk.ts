// Helpers for the SDK tests: a user + calendar made over the raw API (e2e/helpers.ts), the SDK
// pointed at the test server, and a runner for the seed's JavaScript examples exactly as printed.
import type { APIRequestContext } from "@playwright/test";
import { EventEnvelope } from "../../lib/api/sweetdate/schemas.ts";
import { SD, SweetDate } from "../../sdks/js/src/index.ts";
import { BASE_URL, expectBody, newCalendar, newUser, type TestUser } from "../helpers.ts";

export { BASE_URL };

/** A fresh user with one calendar; the default `SD` client is configured for them. */
export async function sdkSetup(request: APIRequestContext, calendar: Record<string, unknown> = {}) {
  const user = await newUser(request);
  const cal = await newCalendar(request, user, calendar);
  SD.configure({ baseUrl: BASE_URL, token: user.token });
  return { user, calendarId: cal.id };
}

/** An independent client for another user (the default `SD` stays with the first). */
export const clientFor = (user: TestUser) => new SweetDate({ baseUrl: BASE_URL, token: user.token });

/** Creates an event over the raw API (so SDK reads are checked against data the SDK did not write). */
export async function rawEvent(request: APIRequestContext, user: TestUser, calendarId: string, data: Record<string, unknown>) {
  const response = await request.post(`/api/v1/calendars/${calendarId}/events`, { headers: user.auth, data: { starts_at: "2025-08-21T09:00:00Z", ends_at: "2025-08-21T10:00:00Z", ...data } });
  return (await expectBody(response, 201, EventEnvelope)).event;
}

const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (...args: string[]) => (...args: unknown[]) => Promise<void>;

/**
 * Runs a seed example's JavaScript as printed, with only its placeholders ("CALENDAR-ID",
 * "EVENT-ID") replaced, and returns what it passed to console.log.
 */
export async function runSeedExample(code: string, placeholders: Record<string, string>, sd: unknown = SD): Promise<unknown[]> {
  let source = code;
  for (const [placeholder, value] of Object.entries(placeholders)) source = source.replaceAll(JSON.stringify(placeholder), JSON.stringify(value));
  const logged: unknown[] = [];
  await new AsyncFunction("SD", "console", source)(sd, { log: (...values: unknown[]) => logged.push(...values) });
  return logged;
}
