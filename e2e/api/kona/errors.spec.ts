import { expect, test } from "@playwright/test";
import { CalendarEvents } from "../../../lib/api/kona/schemas.ts";
import { EventEnvelope } from "../../../lib/api/sweetdate/schemas.ts";
import { expectBody } from "../../helpers.ts";
import { createEvent, expectOAuth, expectProblem, fieldsOf, getEvent, konaSetup, konaUser, listEvents, ms } from "./kona.ts";

const times = { start_at: ms("2025-08-21T09:00:00Z"), end_at: ms("2025-08-21T10:00:00Z") };

test("GET /api/calendar_events – 401 OAuth-style without a token and with a bad token", async ({ request }) => {
  const none = await expectOAuth(await request.get("/api/calendar_events"));
  expect(none.error_description).toMatch(/authentication required/);
  const bad = await expectOAuth(await request.get("/api/calendar_events", { headers: { Authorization: "Bearer sdt_not-a-real-token" } }));
  expect(bad.error_description).toMatch(/invalid or has been revoked/);
  await expectOAuth(await request.get("/api/calendar_events/1", { headers: { Authorization: "Basic abc" } }));
  await expectOAuth(await request.post("/api/calendar_events", { data: { name: "x" } }));
  await expectOAuth(await request.get("/api/spaces"));
  await expectOAuth(await request.get("/api/userinfo"));
  await expectOAuth(await request.get("/api/users"));
});

test("POST /api/calendar_events – 400 problem for unparsable JSON, an empty body and a non-object body", async ({ request }) => {
  const { user } = await konaSetup(request);
  const headers = { ...user.auth, "content-type": "application/json" };
  const broken = await expectProblem(await request.post("/api/calendar_events", { headers, data: Buffer.from('{"name": "x",') }), 400, "bad-request");
  expect(broken.details).toBe("the request body is not valid JSON");
  expect(broken.title).toBe("Bad request");
  await expectProblem(await request.post("/api/calendar_events", { headers, data: Buffer.from("") }), 400, "bad-request");
  await expectProblem(await request.post("/api/calendar_events", { headers, data: Buffer.from("[1,2]") }), 400, "bad-request");
  await expectProblem(await request.post("/api/calendar_events", { headers: { ...user.auth, "content-type": "text/plain" }, data: "{}" }), 415, "unsupported-media-type");
});

test("GET /api/calendar_events/:id – 404 problem for unknown and malformed ids", async ({ request }) => {
  const { user } = await konaSetup(request);
  for (const id of ["2147483000", "abc", "12abc", "-1", "0", "1.5", "99999999999999999999", "%20"]) {
    const problem = await expectProblem(await request.get(`/api/calendar_events/${id}`, { headers: user.auth }), 404, "not-found");
    expect(problem.title).toBe("Not found");
    await expectProblem(await request.put(`/api/calendar_events/${id}`, { headers: user.auth, data: { name: "x" } }), 404, "not-found");
    await expectProblem(await request.delete(`/api/calendar_events/${id}`, { headers: user.auth }), 404, "not-found");
  }
  await expectProblem(await request.get("/api/calendar_events/1?num_in_series=abc", { headers: user.auth }), 400, "bad-request");
});

test("PUT /api/calendar_events/:id – 403 for a guest of the space who sees it, 404 for an outsider", async ({ request }) => {
  const { user: owner, calendar, spaceId } = await konaSetup(request);
  const guest = await konaUser(request);
  const outsider = await konaUser(request);
  await request.post(`/api/v1/calendars/${calendar.id}/users`, { headers: owner.auth, data: { user_id: guest.id, role: "guest" } });
  const event = await createEvent(request, owner, { name: "All hands", space_id: spaceId, ...times });
  const path = `/api/calendar_events/${event.id}`;
  expect((await getEvent(request, guest, path)).name).toBe("All hands");
  const forbidden = await expectProblem(await request.put(path, { headers: guest.auth, data: { name: "x" } }), 403, "forbidden");
  expect(forbidden.details).toMatch(/may not change/);
  await expectProblem(await request.delete(path, { headers: guest.auth }), 403, "forbidden");
  const create = await expectProblem(await request.post("/api/calendar_events", { headers: guest.auth, data: { name: "x", space_id: spaceId, ...times } }), 403, "forbidden");
  expect(create.details).toMatch(/this space needs the member role/);
  await expectProblem(await request.get(path, { headers: outsider.auth }), 404, "not-found");
  await expectProblem(await request.put(path, { headers: outsider.auth, data: { name: "x" } }), 404, "not-found");
  await expectProblem(await request.delete(path, { headers: outsider.auth }), 404, "not-found");
  // A space the caller does not belong to is a field problem on create.
  const foreign = await expectProblem(await request.post("/api/calendar_events", { headers: outsider.auth, data: { name: "x", space_id: spaceId, ...times } }), 422, "validation");
  expect(fieldsOf(foreign)).toEqual({ space_id: ["does not exist or you are not a member of it"] });
});

test("GET /api/calendar_events/:id – busy blocks read as visibility 1 titled Busy; participants_only events do not exist for other members", async ({ request }) => {
  const { user: owner, calendar, spaceId } = await konaSetup(request);
  const member = await konaUser(request);
  await request.post(`/api/v1/calendars/${calendar.id}/users`, { headers: owner.auth, data: { user_id: member.id, role: "member" } });
  const busy = await expectBody(
    await request.post(`/api/v1/calendars/${calendar.id}/events`, {
      headers: owner.auth,
      data: { title: "Doctor #health", description: "secret", location: "Clinic", starts_at: "2025-08-21T09:00:00Z", ends_at: "2025-08-21T10:00:00Z", visibility: "busy" },
    }),
    201,
    EventEnvelope,
  );
  const hidden = await createEvent(request, owner, { name: "Hidden", space_id: spaceId, visibility: 1, ...times });
  const list = await listEvents(request, member, `date_range_start=2025-08-21&date_range_end=2025-08-22&space_id=${spaceId}`);
  expect(list.map((e) => e.name)).toEqual(["Busy"]);
  expect(list[0]).toMatchObject({ visibility: 1, details: null, location: null, tags: [], external_object: null, start_at: times.start_at, end_at: times.end_at });
  await expectProblem(await request.get(`/api/calendar_events/${hidden.id}`, { headers: member.auth }), 404, "not-found");
  // The owner sees everything; busy reads as 1 for them too.
  const full = await listEvents(request, owner, `date_range_start=2025-08-21&date_range_end=2025-08-22&space_id=${spaceId}`);
  expect(full.map((e) => [e.name, e.visibility])).toEqual([["Doctor #health", 1], ["Hidden", 1]]);
  expect(full[0]!.tags).toEqual(["health"]);
  expect(busy.event.visibility).toBe("busy");
});

test("PUT /api/calendar_events/:id – 413 problem for a body over 1 MiB, 400 for a non-object body", async ({ request }) => {
  const { user, spaceId } = await konaSetup(request);
  const event = await createEvent(request, user, { name: "x", space_id: spaceId, ...times });
  const tooBig = await request.put(`/api/calendar_events/${event.id}`, { headers: user.auth, data: { name: "x", details: "y".repeat(1024 * 1024 + 10) } });
  await expectProblem(tooBig, 413, "payload-too-large");
  await expectProblem(await request.put(`/api/calendar_events/${event.id}`, { headers: { ...user.auth, "content-type": "application/json" }, data: Buffer.from('"text"') }), 400, "bad-request");
  const ok = await expectBody(await request.put(`/api/calendar_events/${event.id}`, { headers: user.auth, data: { name: "y" } }), 200, CalendarEvents);
  expect(ok.calendar_events[0]!.name).toBe("y");
});
