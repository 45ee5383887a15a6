// The SDK's typed errors, from real answers of the built server.
import { expect, test } from "@playwright/test";
import {
  AuthenticationError,
  ConflictError,
  NotFoundError,
  PermissionError,
  PreconditionFailedError,
  SD,
  SweetDate,
  SweetDateError,
  ValidationError,
} from "../../sdks/js/src/index.ts";
import { newUser } from "../helpers.ts";
import { BASE_URL, clientFor, rawEvent, sdkSetup } from "./sdk.ts";

/** The error a call rejects with (fails the test when it resolves). */
async function rejection(promise: Promise<unknown>): Promise<SweetDateError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, "expected the call to fail").toBeInstanceOf(SweetDateError);
  return error as SweetDateError;
}

const UNKNOWN = "00000000-0000-4000-8000-000000000000";

test("SDK 404 → NotFoundError (unknown calendar, unknown event, malformed id)", async ({ request }) => {
  const { calendarId } = await sdkSetup(request);
  const missingCalendar = await rejection(SD.Calendar.get(UNKNOWN));
  expect(missingCalendar).toBeInstanceOf(NotFoundError);
  expect(missingCalendar).toMatchObject({ status: 404, errorCode: "NOT_FOUND", error_code: "NOT_FOUND" });
  expect(missingCalendar.requestId).toBeTruthy();

  const calendar = await SD.Calendar.get(calendarId);
  expect(await rejection(calendar.getEvent(UNKNOWN))).toBeInstanceOf(NotFoundError);
  expect(await rejection(calendar.getEvent("not-an-id"))).toBeInstanceOf(NotFoundError);
  expect(await rejection(calendar.deleteEvent(UNKNOWN))).toBeInstanceOf(NotFoundError);
});

test("SDK 404 → NotFoundError for another user's calendar (existence is never revealed)", async ({ request }) => {
  const { calendarId } = await sdkSetup(request);
  const stranger = clientFor(await newUser(request));
  expect(await rejection(stranger.Calendar.get(calendarId))).toBeInstanceOf(NotFoundError);
});

test("SDK 422 → ValidationError with fields", async ({ request }) => {
  const { user, calendarId } = await sdkSetup(request);
  const calendar = await SD.Calendar.get(calendarId);

  const blank = await rejection(calendar.createEvent({ title: "No times" } as Parameters<typeof calendar.createEvent>[0]));
  expect(blank).toBeInstanceOf(ValidationError);
  expect(blank).toMatchObject({ status: 422, errorCode: "VALIDATION_ERROR", message: "invalid input" });
  expect(blank.fields).toMatchObject({ starts_at: ["can't be blank"], ends_at: ["can't be blank"] });

  const backwards = await rejection(calendar.createEvent({ title: "Backwards", starts_at: "2025-08-21T10:00:00Z", ends_at: "2025-08-21T09:00:00Z" }));
  expect(backwards).toBeInstanceOf(ValidationError);
  expect(backwards.fields).toEqual({ ends_at: ["must be after starts_at"] });

  const existing = await rawEvent(request, user, calendarId, { title: "Existing" });
  const unknownField = await rejection(calendar.updateEvent(existing.id, { colour: "red" } as never));
  expect(unknownField).toBeInstanceOf(ValidationError);
  expect(unknownField.fields).toEqual({ colour: ["is not allowed"] });

  const badPage = await rejection(calendar.events({ limit: 0 }));
  expect(badPage).toBeInstanceOf(ValidationError);
  expect(Object.keys(badPage.fields!)).toEqual(["limit"]);
});

test("SDK 401 → AuthenticationError (bad token, no token)", async ({ request }) => {
  const { calendarId } = await sdkSetup(request);
  const bogus = new SweetDate({ baseUrl: BASE_URL, token: "sd_not_a_real_token" });
  const error = await rejection(bogus.Calendar.get(calendarId));
  expect(error).toBeInstanceOf(AuthenticationError);
  expect(error).toMatchObject({ status: 401, errorCode: "UNAUTHORIZED" });
  // No token at all (and no env fallback): still a typed 401, not a crash.
  const saved = process.env.SWEETDATE_API_TOKEN;
  delete process.env.SWEETDATE_API_TOKEN;
  try {
    expect(await rejection(new SweetDate({ baseUrl: BASE_URL }).Calendar.list())).toBeInstanceOf(AuthenticationError);
  } finally {
    if (saved !== undefined) process.env.SWEETDATE_API_TOKEN = saved;
  }
});

test("SDK 403 → PermissionError (a guest member may read but not create)", async ({ request }) => {
  const { calendarId } = await sdkSetup(request);
  const guest = await newUser(request);
  const owned = await SD.Calendar.get(calendarId);
  await owned.addUser(guest.id, { role: "guest" });

  const asGuest = await clientFor(guest).Calendar.get(calendarId);
  expect(asGuest.role).toBe("guest");
  expect(await asGuest.events()).toEqual([]);
  const error = await rejection(asGuest.createEvent({ title: "Nope", starts_at: "2025-08-21T09:00:00Z", ends_at: "2025-08-21T10:00:00Z" }));
  expect(error).toBeInstanceOf(PermissionError);
  expect(error).toMatchObject({ status: 403, errorCode: "FORBIDDEN" });
  expect(await rejection(asGuest.update({ name: "Mine now" }))).toBeInstanceOf(PermissionError);
});

test("SDK 409 → ConflictError (adding a member twice)", async ({ request }) => {
  const { calendarId } = await sdkSetup(request);
  const other = await newUser(request);
  const calendar = await SD.Calendar.get(calendarId);
  await calendar.addUser(other.id);
  const error = await rejection(calendar.addUser(other.id));
  expect(error).toBeInstanceOf(ConflictError);
  expect(error).toMatchObject({ status: 409, errorCode: "CONFLICT" });
});

test("SDK 412 → PreconditionFailedError when ifMatch is stale", async ({ request }) => {
  const { calendarId } = await sdkSetup(request);
  const calendar = await SD.Calendar.get(calendarId);
  const event = await calendar.createEvent({ title: "Draft", starts_at: "2025-08-21T09:00:00Z", ends_at: "2025-08-21T10:00:00Z" });
  const changed = await calendar.updateEvent(event.id, { title: "Final" }, { ifMatch: event.sequence });
  expect(changed.sequence).toBeGreaterThan(event.sequence);

  const error = await rejection(calendar.updateEvent(event.id, { title: "Lost update" }, { ifMatch: event.sequence }));
  expect(error).toBeInstanceOf(PreconditionFailedError);
  expect(error).toMatchObject({ status: 412, errorCode: "PRECONDITION_FAILED" });
  expect(await rejection(calendar.deleteEvent(event.id, { ifMatch: event.sequence }))).toBeInstanceOf(PreconditionFailedError);
  expect((await calendar.getEvent(event.id)).title).toBe("Final");
});
