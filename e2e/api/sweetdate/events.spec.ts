import { expect, test } from "@playwright/test";
import { z } from "zod";
import { EventEnvelope, EventsEnvelope, Ok } from "../../../lib/api/sweetdate/schemas.ts";
import { expectBody, expectError, newCalendar, newUser } from "../../helpers.ts";

const seedPayload = {
  title: "Sprint Planning",
  starts_at: "2025-08-21T09:00:00Z",
  ends_at: "2025-08-21T10:00:00Z",
  location: "Room A",
  description: "Quarterly planning session",
  status: "tentative",
};

async function setup(request: import("@playwright/test").APIRequestContext) {
  const user = await newUser(request);
  const calendar = await newCalendar(request, user);
  const base = `/api/v1/calendars/${calendar.id}/events`;
  return { user, calendar, base };
}

test("POST /api/v1/calendars/:cid/events – 201 with Location and the seed's response fields", async ({ request }) => {
  const { user, calendar, base } = await setup(request);
  const response = await request.post(base, { headers: user.auth, data: seedPayload });
  const { event } = await expectBody(response, 201, EventEnvelope);
  expect(response.headers()["location"]).toMatch(new RegExp(`/api/v1/calendars/${calendar.id}/events/${event.id}$`));
  expect(event).toMatchObject({ ...seedPayload, calendar_id: calendar.id, all_day: false, visibility: "public", recurrence_rule: "none", stakeholder: "group", default_role: "editor", rrule: null, recurring_event_id: null, original_starts_at: null });
  expect(event.id).toMatch(/^[0-9a-f-]{36}$/);
  expect(event.inserted_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
});

test("POST /api/v1/calendars/:cid/events – defaults: status scheduled, visibility public, calendar time zone", async ({ request }) => {
  const user = await newUser(request);
  const calendar = await newCalendar(request, user, { time_zone: "Europe/Berlin" });
  const { event } = await expectBody(
    await request.post(`/api/v1/calendars/${calendar.id}/events`, { headers: user.auth, data: { title: "x", starts_at: "2025-08-21T09:00:00Z", ends_at: "2025-08-21T12:00:00+02:00" } }),
    201,
    EventEnvelope,
  );
  expect(event.status).toBe("scheduled");
  expect(event.visibility).toBe("public");
  expect(event.time_zone).toBe("Europe/Berlin");
  expect(event.ends_at).toBe("2025-08-21T10:00:00Z");
});

test("POST /api/v1/calendars/:cid/events – 422 lists every missing field and ends_at before starts_at", async ({ request }) => {
  const { user, base } = await setup(request);
  const missing = await expectError(await request.post(base, { headers: user.auth, data: { title: "x" } }), 422, "VALIDATION_ERROR");
  expect(missing.fields).toEqual({ starts_at: ["can't be blank"], ends_at: ["can't be blank"] });
  const order = await expectError(
    await request.post(base, { headers: user.auth, data: { title: "x", starts_at: "2025-08-21T10:00:00Z", ends_at: "2025-08-21T09:00:00Z" } }),
    422,
    "VALIDATION_ERROR",
  );
  expect(order.fields).toEqual({ ends_at: ["must be after starts_at"] });
  expect(order.message).toBe("invalid input");
  const blank = await expectError(await request.post(base, { headers: user.auth, data: { ...seedPayload, title: "   " } }), 422, "VALIDATION_ERROR");
  expect(blank.fields).toEqual({ title: ["can't be blank"] });
});

test("POST /api/v1/calendars/:cid/events – 422 for unknown fields, unknown enum values, wrong types and bad dates", async ({ request }) => {
  const { user, base } = await setup(request);
  const body = await expectError(
    await request.post(base, { headers: user.auth, data: { ...seedPayload, colour: "red", status: "done", all_day: "yes", visibility: 3 } }),
    422,
    "VALIDATION_ERROR",
  );
  expect(body.fields).toMatchObject({ colour: ["is not allowed"], status: ["is invalid"], all_day: ["must be a boolean"], visibility: ["is invalid"] });
  const dates = await expectError(await request.post(base, { headers: user.auth, data: { ...seedPayload, starts_at: "2025-02-30T09:00:00Z", ends_at: "tomorrow" } }), 422, "VALIDATION_ERROR");
  expect(Object.keys(dates.fields!)).toEqual(["starts_at", "ends_at"]);
  const zone = await expectError(await request.post(base, { headers: user.auth, data: { ...seedPayload, time_zone: "Mars/Olympus" } }), 422, "VALIDATION_ERROR");
  expect(zone.fields).toEqual({ time_zone: ["is not a known IANA time zone"] });
  const long = await expectError(await request.post(base, { headers: user.auth, data: { ...seedPayload, title: "x".repeat(501) } }), 422, "VALIDATION_ERROR");
  expect(long.fields!.title![0]).toContain("too long");
  // Nothing half-written: the calendar is still empty.
  const list = await expectBody(await request.get(base, { headers: user.auth }), 200, EventsEnvelope);
  expect(list.meta.total).toBe(0);
});

test("POST /api/v1/calendars/:cid/events – all-day dates; an end on or before the start becomes start + 1 day", async ({ request }) => {
  const { user, base } = await setup(request);
  const { event } = await expectBody(await request.post(base, { headers: user.auth, data: { title: "Offsite", all_day: true, starts_at: "2025-08-21", ends_at: "2025-08-21" } }), 201, EventEnvelope);
  expect(event).toMatchObject({ all_day: true, starts_at: "2025-08-21T00:00:00Z", ends_at: "2025-08-22T00:00:00Z" });
  const timed = await expectError(await request.post(base, { headers: user.auth, data: { title: "x", all_day: false, starts_at: "2025-08-21", ends_at: "2025-08-22" } }), 422, "VALIDATION_ERROR");
  expect(timed.fields!.starts_at![0]).toContain("unless all_day");
});

test("POST /api/v1/calendars/:cid/events – read-only fields sent by a client are ignored", async ({ request }) => {
  const { user, calendar, base } = await setup(request);
  const { event } = await expectBody(
    await request.post(base, { headers: user.auth, data: { ...seedPayload, id: "00000000-0000-0000-0000-000000000000", calendar_id: "nope", inserted_at: "2000-01-01T00:00:00Z", tags: ["x"] } }),
    201,
    EventEnvelope,
  );
  expect(event.id).not.toBe("00000000-0000-0000-0000-000000000000");
  expect(event.calendar_id).toBe(calendar.id);
  expect(event.tags).toEqual([]);
});

test("GET /api/v1/calendars/:cid/events/:id – the event; 404 for unknown, malformed and foreign ids", async ({ request }) => {
  const { user, base } = await setup(request);
  const { event } = await expectBody(await request.post(base, { headers: user.auth, data: seedPayload }), 201, EventEnvelope);
  const got = await expectBody(await request.get(`${base}/${event.id}`, { headers: user.auth }), 200, EventEnvelope);
  expect(got.event).toEqual(event);
  const notFound = await expectError(await request.get(`${base}/00000000-0000-0000-0000-000000000000`, { headers: user.auth }), 404, "NOT_FOUND");
  expect(notFound.message).toBe("not found");
  await expectError(await request.get(`${base}/not-a-uuid`, { headers: user.auth }), 404, "NOT_FOUND");
  // The same event through another calendar of the same user is not found.
  const other = await newCalendar(request, user);
  await expectError(await request.get(`/api/v1/calendars/${other.id}/events/${event.id}`, { headers: user.auth }), 404, "NOT_FOUND");
  // Another user cannot see it at all.
  const stranger = await newUser(request);
  await expectError(await request.get(`${base}/${event.id}`, { headers: stranger.auth }), 404, "NOT_FOUND");
});

test("PUT /api/v1/calendars/:cid/events/:id – partial update changes only the fields sent", async ({ request }) => {
  const { user, base } = await setup(request);
  const { event } = await expectBody(await request.post(base, { headers: user.auth, data: seedPayload }), 201, EventEnvelope);
  const { event: updated } = await expectBody(
    await request.put(`${base}/${event.id}`, { headers: user.auth, data: { title: "Sprint Planning (Updated)", status: "confirmed", location: "Room B" } }),
    200,
    EventEnvelope,
  );
  expect(updated).toMatchObject({ title: "Sprint Planning (Updated)", status: "confirmed", location: "Room B", starts_at: seedPayload.starts_at, ends_at: seedPayload.ends_at, description: seedPayload.description });
  expect(updated.sequence).toBe(event.sequence + 1);
  const bad = await expectError(await request.put(`${base}/${event.id}`, { headers: user.auth, data: { ends_at: "2025-08-21T08:00:00Z" } }), 422, "VALIDATION_ERROR");
  expect(bad.fields).toEqual({ ends_at: ["must be after starts_at"] });
  const cleared = await expectBody(await request.put(`${base}/${event.id}`, { headers: user.auth, data: { location: null } }), 200, EventEnvelope);
  expect(cleared.event.location).toBeNull();
});

test("PUT /api/v1/calendars/:cid/events/:id – If-Match with a stale ETag is 412, the current one succeeds", async ({ request }) => {
  const { user, base } = await setup(request);
  const created = await request.post(base, { headers: user.auth, data: seedPayload });
  const { event } = await expectBody(created, 201, EventEnvelope);
  const etag = created.headers()["etag"]!;
  await expectBody(await request.put(`${base}/${event.id}`, { headers: { ...user.auth, "if-match": etag }, data: { title: "first" } }), 200, EventEnvelope);
  await expectError(await request.put(`${base}/${event.id}`, { headers: { ...user.auth, "if-match": etag }, data: { title: "second" } }), 412, "PRECONDITION_FAILED");
  const { event: now } = await expectBody(await request.get(`${base}/${event.id}`, { headers: user.auth }), 200, EventEnvelope);
  expect(now.title).toBe("first");
});

test("DELETE /api/v1/calendars/:cid/events/:id – 200 {status: ok}, then 404", async ({ request }) => {
  const { user, base } = await setup(request);
  const { event } = await expectBody(await request.post(base, { headers: user.auth, data: seedPayload }), 201, EventEnvelope);
  const deleted = await expectBody(await request.delete(`${base}/${event.id}`, { headers: user.auth }), 200, Ok.strict());
  expect(deleted).toEqual({ status: "ok" });
  await expectError(await request.get(`${base}/${event.id}`, { headers: user.auth }), 404, "NOT_FOUND");
  await expectError(await request.delete(`${base}/${event.id}`, { headers: user.auth }), 404, "NOT_FOUND");
});

test("GET /api/v1/calendars/:cid/events – limit/offset/q with meta; ordered by starts_at", async ({ request }) => {
  const { user, base } = await setup(request);
  const titles = ["Team meeting", "Lunch", "Budget MEETING", "Planning", "Design review"];
  for (const [i, title] of titles.entries()) {
    const day = String(20 - i).padStart(2, "0");
    await expectBody(await request.post(base, { headers: user.auth, data: { title, starts_at: `2025-08-${day}T09:00:00Z`, ends_at: `2025-08-${day}T10:00:00Z`, description: i === 3 ? "a meeting about plans" : null } }), 201, EventEnvelope);
  }
  const all = await expectBody(await request.get(base, { headers: user.auth }), 200, EventsEnvelope);
  expect(all.meta).toEqual({ limit: 25, offset: 0, total: 5 });
  expect(all.events.map((e) => e.title)).toEqual([...titles].reverse());
  const page = await expectBody(await request.get(`${base}?limit=2&offset=1`, { headers: user.auth }), 200, EventsEnvelope);
  expect(page.meta).toEqual({ limit: 2, offset: 1, total: 5 });
  expect(page.events.map((e) => e.title)).toEqual(["Planning", "Budget MEETING"]);
  const search = await expectBody(await request.get(`${base}?limit=25&offset=0&q=meeting`, { headers: user.auth }), 200, EventsEnvelope);
  expect(search.events.map((e) => e.title).sort()).toEqual(["Budget MEETING", "Planning", "Team meeting"]);
  expect(search.meta.total).toBe(3);
});

test("GET /api/v1/calendars/:cid/events – 422 for limit/offset outside range or not integers, never clamped", async ({ request }) => {
  const { user, base } = await setup(request);
  for (const query of ["limit=0", "limit=101", "limit=abc", "offset=-1", "limit=2.5"]) {
    const body = await expectError(await request.get(`${base}?${query}`, { headers: user.auth }), 422, "VALIDATION_ERROR");
    expect(Object.keys(body.fields!)).toEqual([query.split("=")[0]]);
  }
});

test("GET /api/v1/calendars/:cid/events?from&to – events overlapping the window only", async ({ request }) => {
  const { user, base } = await setup(request);
  const make = (title: string, s: string, e: string) => request.post(base, { headers: user.auth, data: { title, starts_at: s, ends_at: e } });
  await make("before", "2025-07-31T09:00:00Z", "2025-07-31T10:00:00Z");
  await make("straddles start", "2025-07-31T23:00:00Z", "2025-08-01T01:00:00Z");
  await make("inside", "2025-08-10T09:00:00Z", "2025-08-10T10:00:00Z");
  await make("after", "2025-09-01T00:00:00Z", "2025-09-01T01:00:00Z");
  const list = await expectBody(await request.get(`${base}?from=2025-08-01T00:00:00Z&to=2025-09-01T00:00:00Z`, { headers: user.auth }), 200, EventsEnvelope);
  expect(list.events.map((e) => e.title)).toEqual(["straddles start", "inside"]);
  const bad = await expectError(await request.get(`${base}?from=2025-08-01T00:00:00Z`, { headers: user.auth }), 422, "VALIDATION_ERROR");
  expect(bad.fields).toHaveProperty("to");
  await expectError(await request.get(`${base}?from=2025-09-01T00:00:00Z&to=2025-08-01T00:00:00Z`, { headers: user.auth }), 422, "VALIDATION_ERROR");
  await expectError(await request.get(`${base}?from=yesterday&to=2025-08-01T00:00:00Z`, { headers: user.auth }), 422, "VALIDATION_ERROR");
});

test("GET /api/v1/events – occurrences across the caller's calendars in a window", async ({ request }) => {
  const user = await newUser(request);
  const a = await newCalendar(request, user, { name: "A" });
  const b = await newCalendar(request, user, { name: "B" });
  await request.post(`/api/v1/calendars/${a.id}/events`, { headers: user.auth, data: { title: "in A", starts_at: "2047-08-10T09:00:00Z", ends_at: "2047-08-10T10:00:00Z" } });
  await request.post(`/api/v1/calendars/${b.id}/events`, { headers: user.auth, data: { title: "in B", starts_at: "2047-08-11T09:00:00Z", ends_at: "2047-08-11T10:00:00Z" } });
  const list = await expectBody(await request.get(`/api/v1/events?from=2047-08-01T00:00:00Z&to=2047-09-01T00:00:00Z&limit=100`, { headers: user.auth }), 200, EventsEnvelope);
  // Other tests' `everyone` events may share the window: look at this user's calendars only.
  const mine = list.events.filter((e) => e.calendar_id === a.id || e.calendar_id === b.id);
  expect(mine.map((e) => [e.title, e.calendar_id])).toEqual([["in A", a.id], ["in B", b.id]]);
});

test("tags are derived from #hashtags in title and description, lower-cased, in order of appearance", async ({ request }) => {
  const { user, base } = await setup(request);
  const { event } = await expectBody(
    await request.post(base, { headers: user.auth, data: { ...seedPayload, title: "Plan #Q3 #launch", description: "see #q3 and #Roadmap; email a#b" } }),
    201,
    EventEnvelope,
  );
  expect(event.tags).toEqual(["q3", "launch", "roadmap"]);
});

test("every event field is always present, null when empty", async ({ request }) => {
  const { user, base } = await setup(request);
  const { event } = await expectBody(await request.post(base, { headers: user.auth, data: { title: "bare", starts_at: "2025-08-21T09:00:00Z", ends_at: "2025-08-21T10:00:00Z" } }), 201, EventEnvelope);
  expect(z.object({}).passthrough().parse(event)).toMatchObject({ description: null, location: null, rrule: null, ics_feed_id: null });
  expect(Object.keys(event).sort()).toEqual(
    ["id", "calendar_id", "title", "description", "location", "starts_at", "ends_at", "all_day", "time_zone", "status", "visibility", "recurrence_rule", "inserted_at", "updated_at", "stakeholder", "default_role", "tags", "rrule", "rdates", "recurring_event_id", "original_starts_at", "sequence", "editable", "rsvp", "ics_feed_id", "reminders"].sort(),
  );
});

test("POST /api/v1/calendars/:cid/events – Location follows the Host the client used (behind a proxy)", async ({ request }) => {
  const { user, base } = await setup(request);
  const response = await request.post(base, { headers: { ...user.auth, "x-forwarded-host": "cal.example.org", "x-forwarded-proto": "https" }, data: seedPayload });
  expect(response.status()).toBe(201);
  expect(response.headers()["location"]).toMatch(/^https:\/\/cal\.example\.org\/api\/v1\/calendars\//);
});
