import { expect, test } from "@playwright/test";
import { CalendarEvents } from "../../../lib/api/kona/schemas.ts";
import { expectBody, newCalendar } from "../../helpers.ts";
import { createEvent, expectProblem, fieldsOf, getEvent, konaSetup, konaUser, ms } from "./kona.ts";

const seed = { name: "Sprint Planning", location: "Room A", details: "Quarterly planning" };

test("POST /api/calendar_events – 201 with Location and epoch-ms dates", async ({ request }) => {
  const { user, spaceId } = await konaSetup(request);
  const response = await request.post("/api/calendar_events", {
    headers: user.auth,
    data: { calendar_events: [{ ...seed, space_id: spaceId, start_at: ms("2025-08-21T09:00:00Z"), end_at: ms("2025-08-21T10:00:00Z") }] },
  });
  const { calendar_events } = await expectBody(response, 201, CalendarEvents);
  const event = calendar_events[0]!;
  expect(response.headers()["location"]).toBe(event.href);
  expect(event.href).toMatch(new RegExp(`^http://[^/]+/api/calendar_events/${event.id}$`));
  expect(event).toMatchObject({
    ...seed,
    space_id: spaceId,
    creator_id: user.konaId,
    all_day: false,
    start_at: 1755766800000,
    end_at: 1755770400000,
    series_id: null,
    num_in_series: null,
    period: 0,
    frequency: 0,
    sel_days: null,
    series_end_at: null,
    rrule: null,
    external_object: null,
    ics_feed_id: null,
    tags: [],
  });
  for (const field of [event.start_at, event.end_at, event.created_at, event.updated_at]) expect(String(field)).toMatch(/^\d{13}$/);
  expect(Math.abs(event.created_at - Date.now())).toBeLessThan(60_000);
  // The Location answers with the same resource.
  expect(await getEvent(request, user, response.headers()["location"]!)).toEqual(event);
});

test("POST /api/calendar_events – accepts a bare object and the singular calendar_event key", async ({ request }) => {
  const { user, spaceId } = await konaSetup(request);
  const body = { space_id: spaceId, start_at: ms("2025-08-21T09:00:00Z"), end_at: ms("2025-08-21T10:00:00Z") };
  const bare = await expectBody(await request.post("/api/calendar_events", { headers: user.auth, data: { ...body, name: "bare" } }), 201, CalendarEvents);
  const single = await expectBody(await request.post("/api/calendar_events", { headers: user.auth, data: { calendar_event: { ...body, name: "singular" } } }), 201, CalendarEvents);
  expect(bare.calendar_events.map((e) => e.name)).toEqual(["bare"]);
  expect(single.calendar_events.map((e) => e.name)).toEqual(["singular"]);
  // The plural key holds exactly one event.
  const two = await expectProblem(await request.post("/api/calendar_events", { headers: user.auth, data: { calendar_events: [body, body] } }), 422, "validation");
  expect(fieldsOf(two)).toEqual({ calendar_events: ["must be an array holding exactly one calendar_event object"] });
});

test("POST /api/calendar_events – datetimes as epoch seconds, numeric strings, 'YYYY-MM-DD HH:mm:ss.SSS' (UTC) and ISO 8601", async ({ request }) => {
  const { user, spaceId } = await konaSetup(request);
  const expected = { start_at: ms("2025-08-21T09:00:00Z"), end_at: ms("2025-08-21T10:30:00.250Z") };
  const forms: [unknown, unknown][] = [
    [1755766800, 1755772200.25],
    ["1755766800000", "1755772200250"],
    ["1755766800", "1755772200.25"],
    ["2025-08-21 09:00:00.000", "2025-08-21 10:30:00.250"],
    ["2025-08-21T09:00:00Z", "2025-08-21T12:30:00.250+02:00"],
    ["2025-08-21 09:00", "2025-08-21T10:30:00.25"],
  ];
  for (const [start_at, end_at] of forms) {
    const event = await createEvent(request, user, { name: "dates", space_id: spaceId, start_at, end_at });
    expect({ start_at: event.start_at, end_at: event.end_at }, JSON.stringify([start_at, end_at])).toEqual(expected);
  }
  const bad = await expectProblem(
    await request.post("/api/calendar_events", { headers: user.auth, data: { name: "x", space_id: spaceId, start_at: "2025-02-30 09:00:00.000", end_at: "tomorrow" } }),
    422,
    "validation",
  );
  expect(Object.keys(fieldsOf(bad)).sort()).toEqual(["end_at", "start_at"]);
  expect(fieldsOf(bad).start_at![0]).toMatch(/^is not a valid datetime/);
});

test("POST /api/calendar_events – defaults: start_at/end_at now, status in_progress 1, public 2, group 1, editor 1, the only space", async ({ request }) => {
  const { user, spaceId, calendar } = await konaSetup(request, { space: { time_zone: "Europe/Berlin" } });
  const before = Date.now();
  // No space_id: the caller has exactly one space.
  const event = await createEvent(request, user, { name: "Right now" });
  const after = Date.now();
  expect(event).toMatchObject({ space_id: spaceId, status: 1, visibility: 2, stakeholder: 1, default_role: 1, all_day: false, time_zone: "Europe/Berlin" });
  expect(event.start_at).toBeGreaterThanOrEqual(before);
  expect(event.start_at).toBeLessThanOrEqual(after);
  expect(event.end_at).toBe(event.start_at);
  // end_at defaults to start_at when only the start is given.
  const instant = await createEvent(request, user, { name: "Deadline", start_at: ms("2025-09-01T17:00:00Z") });
  expect(instant.end_at).toBe(ms("2025-09-01T17:00:00Z"));
  // With two spaces the caller must say which.
  await newCalendar(request, user, { name: "Second" });
  const problem = await expectProblem(await request.post("/api/calendar_events", { headers: user.auth, data: { name: "Where?" } }), 422, "validation");
  expect(Object.keys(fieldsOf(problem))).toEqual(["space_id"]);
  expect(calendar.time_zone).toBe("Europe/Berlin");
});

test("POST /api/calendar_events – integer enum codes and their names are accepted", async ({ request }) => {
  const { user, spaceId } = await konaSetup(request);
  const base = { name: "enums", space_id: spaceId, start_at: ms("2025-08-21T09:00:00Z"), end_at: ms("2025-08-21T10:00:00Z") };
  const byCode = await createEvent(request, user, { ...base, status: 2, visibility: 1, stakeholder: 0, default_role: 3 });
  expect(byCode).toMatchObject({ status: 2, visibility: 1, stakeholder: 0, default_role: 3 });
  const byName = await createEvent(request, user, { ...base, status: "group_closed", visibility: "participants_only", stakeholder: "just_me", default_role: "viewer" });
  expect(byName).toMatchObject({ status: 3, visibility: 1, stakeholder: 0, default_role: 2 });
  const byString = await createEvent(request, user, { ...base, status: "4", visibility: "2", stakeholder: "2", default_role: "1" });
  expect(byString).toMatchObject({ status: 4, visibility: 2, stakeholder: 2, default_role: 1 });
  const bad = await expectProblem(
    await request.post("/api/calendar_events", { headers: user.auth, data: { ...base, status: 5, visibility: "busy", stakeholder: "group_closed", default_role: 7 } }),
    422,
    "validation",
  );
  expect(Object.keys(fieldsOf(bad)).sort()).toEqual(["default_role", "stakeholder", "status", "visibility"]);
  expect(fieldsOf(bad).status![0]).toMatch(/^is invalid/);
});

test("POST /api/calendar_events – 422 lists every problem in details with Kona field names", async ({ request }) => {
  const { user, spaceId } = await konaSetup(request);
  const unknown = await expectProblem(await request.post("/api/calendar_events", { headers: user.auth, data: { name: "x", space_id: spaceId, title: "x", color: "red" } }), 422, "validation");
  expect(fieldsOf(unknown)).toEqual({ title: ["is not allowed"], color: ["is not allowed"] });
  const rules = await expectProblem(
    await request.post("/api/calendar_events", { headers: user.auth, data: { name: "  ", space_id: spaceId, start_at: ms("2025-08-21T10:00:00Z"), end_at: ms("2025-08-21T09:00:00Z"), details: "d".repeat(10_001) } }),
    422,
    "validation",
  );
  expect(fieldsOf(rules)).toEqual({ name: ["can't be blank"], details: ["is too long (maximum is 10000 characters)"], end_at: ["must be after start_at"] });
  expect(rules.details).toContain("name can't be blank");
  expect(rules.details).toContain("end_at must be after start_at");
  expect(rules.title).toBe("Validation failed");
  const missing = await expectProblem(await request.post("/api/calendar_events", { headers: user.auth, data: { space_id: spaceId } }), 422, "validation");
  expect(fieldsOf(missing)).toEqual({ name: ["can't be blank"] });
  const types = await expectProblem(await request.post("/api/calendar_events", { headers: user.auth, data: { name: 5, all_day: "yes", space_id: "abc" } }), 422, "validation");
  expect(Object.keys(fieldsOf(types)).sort()).toEqual(["all_day", "name"]);
});

test("POST /api/calendar_events – read-only fields sent by a client are ignored", async ({ request }) => {
  const { user, spaceId } = await konaSetup(request);
  const event = await createEvent(request, user, {
    name: "ro #tagged",
    space_id: spaceId,
    start_at: ms("2025-08-21T09:00:00Z"),
    end_at: ms("2025-08-21T10:00:00Z"),
    id: 999999,
    href: "http://evil.test/x",
    creator_id: 1,
    tags: ["nope"],
    ics_feed_id: 7,
    series_id: 3,
    num_in_series: 2,
    created_at: 0,
    updated_at: 0,
  });
  expect(event.id).not.toBe(999999);
  expect(event).toMatchObject({ creator_id: user.konaId, tags: ["tagged"], ics_feed_id: null, series_id: null, num_in_series: null });
  expect(event.created_at).toBeGreaterThan(ms("2026-01-01T00:00:00Z"));
});

test("PUT /api/calendar_events/:id – partial update returns the full resource", async ({ request }) => {
  const { user, spaceId } = await konaSetup(request);
  const event = await createEvent(request, user, { ...seed, space_id: spaceId, start_at: ms("2025-08-21T09:00:00Z"), end_at: ms("2025-08-21T10:00:00Z"), status: 0 });
  const response = await request.put(`/api/calendar_events/${event.id}`, { headers: user.auth, data: { calendar_events: [{ location: "Room B", end_at: "2025-08-21 11:00:00.000" }] } });
  const { calendar_events } = await expectBody(response, 200, CalendarEvents);
  const changed = calendar_events[0]!;
  expect(changed).toMatchObject({ ...seed, location: "Room B", status: 0, start_at: event.start_at, end_at: ms("2025-08-21T11:00:00Z"), created_at: event.created_at });
  expect(changed.updated_at).toBeGreaterThanOrEqual(event.updated_at);
  // null clears an optional field; an empty body changes nothing.
  const cleared = await expectBody(await request.put(`/api/calendar_events/${event.id}`, { headers: user.auth, data: { calendar_event: { details: null } } }), 200, CalendarEvents);
  expect(cleared.calendar_events[0]).toMatchObject({ details: null, location: "Room B" });
  const same = await expectBody(await request.put(`/api/calendar_events/${event.id}`, { headers: user.auth, data: {} }), 200, CalendarEvents);
  expect(same.calendar_events[0]).toMatchObject({ name: seed.name, details: null, location: "Room B" });
  // A client echoing the whole resource back (read-only fields included) succeeds.
  const echoed = await expectBody(await request.put(`/api/calendar_events/${event.id}`, { headers: user.auth, data: { calendar_events: [{ ...changed, name: "Echoed" }] } }), 200, CalendarEvents);
  expect(echoed.calendar_events[0]).toMatchObject({ name: "Echoed", space_id: spaceId, location: "Room B" });
  // space_id cannot move an event.
  const move = await expectProblem(await request.put(`/api/calendar_events/${event.id}`, { headers: user.auth, data: { space_id: spaceId + 100000 } }), 422, "validation");
  expect(Object.keys(fieldsOf(move))).toEqual(["space_id"]);
});

test("DELETE /api/calendar_events/:id – 204 with an empty body, then 404", async ({ request }) => {
  const { user, spaceId } = await konaSetup(request);
  const event = await createEvent(request, user, { name: "Doomed", space_id: spaceId, start_at: ms("2025-08-21T09:00:00Z"), end_at: ms("2025-08-21T10:00:00Z") });
  const response = await request.delete(`/api/calendar_events/${event.id}`, { headers: user.auth });
  expect(response.status()).toBe(204);
  expect(await response.text()).toBe("");
  await expectProblem(await request.get(`/api/calendar_events/${event.id}`, { headers: user.auth }), 404, "not-found");
  await expectProblem(await request.delete(`/api/calendar_events/${event.id}`, { headers: user.auth }), 404, "not-found");
});

test("POST /api/calendar_events – tags are derived from #hashtags in name and details (read-only)", async ({ request }) => {
  const { user, spaceId } = await konaSetup(request);
  const event = await createEvent(request, user, { name: "Launch #Release prep", details: "see #qa and #release, not a#b", space_id: spaceId, start_at: ms("2025-08-21T09:00:00Z"), end_at: ms("2025-08-21T10:00:00Z") });
  expect(event.tags).toEqual(["release", "qa"]);
  const changed = await expectBody(await request.put(`/api/calendar_events/${event.id}`, { headers: user.auth, data: { details: "#Docs", tags: ["ignored"] } }), 200, CalendarEvents);
  expect(changed.calendar_events[0]!.tags).toEqual(["release", "docs"]);
});

test("PUT /api/calendar_events/:id – external_object set, replaced and removed with {}", async ({ request }) => {
  const { user, spaceId } = await konaSetup(request);
  const event = await createEvent(request, user, {
    name: "Linked",
    space_id: spaceId,
    start_at: ms("2025-08-21T09:00:00Z"),
    end_at: ms("2025-08-21T10:00:00Z"),
    external_object: { id: "JIRA-42", name: "Ticket 42", url: "https://jira.example/JIRA-42" },
  });
  expect(event.external_object).toEqual({ id: "JIRA-42", name: "Ticket 42", url: "https://jira.example/JIRA-42" });
  const put = (data: Record<string, unknown>) => request.put(`/api/calendar_events/${event.id}`, { headers: user.auth, data });
  const replaced = await expectBody(await put({ external_object: { id: 7, name: "Doc" } }), 200, CalendarEvents);
  expect(replaced.calendar_events[0]!.external_object).toEqual({ id: "7", name: "Doc" });
  const untouched = await expectBody(await put({ name: "Linked 2" }), 200, CalendarEvents);
  expect(untouched.calendar_events[0]!.external_object).toEqual({ id: "7", name: "Doc" });
  const removed = await expectBody(await put({ external_object: {} }), 200, CalendarEvents);
  expect(removed.calendar_events[0]!.external_object).toBeNull();
  // The seed's plural spelling: an array of at most one.
  const plural = await expectBody(await put({ external_objects: [{ id: "A", name: "Alias" }] }), 200, CalendarEvents);
  expect(plural.calendar_events[0]!.external_object).toEqual({ id: "A", name: "Alias" });
  const bad = await expectProblem(await put({ external_object: { id: "", url: "ftp://x", extra: 1 } }), 422, "validation");
  expect(fieldsOf(bad)).toEqual({ "external_object.extra": ["is not allowed"] });
  const blank = await expectProblem(await put({ external_object: { id: "", url: "ftp://x" } }), 422, "validation");
  expect(fieldsOf(blank)).toEqual({ "external_object.id": ["can't be blank"], "external_object.name": ["can't be blank"], "external_object.url": ["must be an http(s) URL"] });
  const two = await expectProblem(await put({ external_objects: [{ id: "A", name: "a" }, { id: "B", name: "b" }] }), 422, "validation");
  expect(Object.keys(fieldsOf(two))).toEqual(["external_objects"]);
});

test("POST /api/calendar_events – participant_ids and editor_ids grant access (write-only)", async ({ request }) => {
  const { user: owner, spaceId } = await konaSetup(request);
  const viewer = await konaUser(request);
  const editor = await konaUser(request);
  const outsider = await konaUser(request);
  const event = await createEvent(request, owner, {
    name: "Private review",
    space_id: spaceId,
    start_at: ms("2025-08-21T09:00:00Z"),
    end_at: ms("2025-08-21T10:00:00Z"),
    visibility: 1,
    stakeholder: 0,
    default_role: 2,
    participant_ids: [viewer.konaId],
    editor_ids: [editor.konaId],
  });
  expect(event).not.toHaveProperty("participant_ids");
  expect(event).not.toHaveProperty("editor_ids");
  const path = `/api/calendar_events/${event.id}`;
  expect((await getEvent(request, viewer, path)).name).toBe("Private review");
  await expectProblem(await request.put(path, { headers: viewer.auth, data: { name: "hijack" } }), 403, "forbidden");
  const edited = await expectBody(await request.put(path, { headers: editor.auth, data: { name: "Reviewed" } }), 200, CalendarEvents);
  expect(edited.calendar_events[0]!.name).toBe("Reviewed");
  await expectProblem(await request.get(path, { headers: outsider.auth }), 404, "not-found");
  await expectProblem(await request.put(path, { headers: outsider.auth, data: { name: "x" } }), 404, "not-found");
  // Replacing participant_ids keeps the editors; the dropped viewer loses access.
  await expectBody(await request.put(path, { headers: owner.auth, data: { participant_ids: [outsider.konaId] } }), 200, CalendarEvents);
  await expectProblem(await request.get(path, { headers: viewer.auth }), 404, "not-found");
  expect((await getEvent(request, outsider, path)).name).toBe("Reviewed");
  await expectBody(await request.put(path, { headers: editor.auth, data: { location: "still an editor" } }), 200, CalendarEvents);
  const malformed = await expectProblem(await request.put(path, { headers: owner.auth, data: { editor_ids: ["x", 0] } }), 422, "validation");
  expect(fieldsOf(malformed)).toEqual({ editor_ids: ['contains invalid ids: "x", 0'] });
  const unknown = await expectProblem(await request.put(path, { headers: owner.auth, data: { participant_ids: 2147483000 } }), 422, "validation");
  expect(fieldsOf(unknown)).toEqual({ participant_ids: ["contains unknown user ids: 2147483000"] });
});

test("GET /api/v1/calendar_events/:id – the same handlers answer under /api/v1 (href follows the prefix)", async ({ request }) => {
  const { user, spaceId } = await konaSetup(request);
  const response = await request.post("/api/v1/calendar_events", { headers: user.auth, data: { name: "v1", space_id: spaceId, start_at: ms("2025-08-21T09:00:00Z") } });
  const created = (await expectBody(response, 201, CalendarEvents)).calendar_events[0]!;
  expect(response.headers()["location"]).toMatch(new RegExp(`/api/v1/calendar_events/${created.id}$`));
  const viaV1 = await getEvent(request, user, `/api/v1/calendar_events/${created.id}`);
  const viaApi = await getEvent(request, user, `/api/calendar_events/${created.id}`);
  expect(viaV1.href).toMatch(new RegExp(`/api/v1/calendar_events/${created.id}$`));
  expect({ ...viaV1, href: "" }).toEqual({ ...viaApi, href: "" });
  const listed = await expectBody(await request.get(`/api/v1/calendar_events?date_range_start=2025-08-01&date_range_end=2025-09-01&space_id=${spaceId}`, { headers: user.auth }), 200, CalendarEvents);
  expect(listed.calendar_events.map((e) => e.id)).toEqual([created.id]);
  await expectBody(await request.put(`/api/v1/calendar_events/${created.id}`, { headers: user.auth, data: { name: "v1 changed" } }), 200, CalendarEvents);
  expect((await request.delete(`/api/v1/calendar_events/${created.id}`, { headers: user.auth })).status()).toBe(204);
});

test("POST /api/calendar_events – all-day events: UTC midnights, end defaults to the next day", async ({ request }) => {
  const { user, spaceId } = await konaSetup(request);
  const event = await createEvent(request, user, { name: "Holiday", space_id: spaceId, all_day: true, start_at: "2025-12-25" });
  expect(event).toMatchObject({ all_day: true, start_at: ms("2025-12-25T00:00:00Z"), end_at: ms("2025-12-26T00:00:00Z") });
  const twoDays = await createEvent(request, user, { name: "Trip", space_id: spaceId, all_day: true, start_at: ms("2025-12-27T15:00:00Z"), end_at: "2025-12-29 00:00:00.000" });
  expect(twoDays).toMatchObject({ start_at: ms("2025-12-27T00:00:00Z"), end_at: ms("2025-12-29T00:00:00Z") });
});

test("POST /api/calendar_events – href, Location and problemType use the host the client addressed (X-Forwarded-Host/-Proto)", async ({ request }) => {
  const { user, spaceId } = await konaSetup(request);
  const headers = { ...user.auth, "x-forwarded-host": "calendar.example.org", "x-forwarded-proto": "https" };
  const response = await request.post("/api/calendar_events", { headers, data: { name: "proxied", space_id: spaceId, start_at: ms("2031-01-05T09:00:00Z") } });
  const event = (await expectBody(response, 201, CalendarEvents)).calendar_events[0]!;
  expect(event.href).toBe(`https://calendar.example.org/api/calendar_events/${event.id}`);
  expect(response.headers()["location"]).toBe(event.href);
  const list = await request.get(`/api/calendar_events?space_id=${spaceId}&date_range_start=2031-01-01&date_range_end=2031-02-01&per_page=1`, { headers });
  expect(list.headers()["link"]).toContain("<https://calendar.example.org/api/calendar_events?");
  const problem = await expectProblem(await request.get("/api/calendar_events/abc", { headers }), 404, "not-found");
  expect(problem.problemType).toBe("https://calendar.example.org/docs/api#kona-errors-not-found");
  // A malformed forwarded host is ignored.
  const plain = await getEvent(request, user, `/api/calendar_events/${event.id}`);
  expect(plain.href).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/calendar_events\/\d+$/);
  const bad = await expectBody(await request.get(`/api/calendar_events/${event.id}`, { headers: { ...user.auth, "x-forwarded-host": "evil.test/<x>" } }), 200, CalendarEvents);
  expect(bad.calendar_events[0]!.href).toBe(plain.href);
});
