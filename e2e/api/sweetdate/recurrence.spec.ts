import { expect, test, type APIRequestContext } from "@playwright/test";
import { EventEnvelope, EventsEnvelope } from "../../../lib/api/sweetdate/schemas.ts";
import { expectBody, expectError, newCalendar, newUser, type TestUser } from "../../helpers.ts";

// A weekly 09:00 meeting in New York across the end of DST (2 Nov 2025): 13:00Z, then 14:00Z.
const weekly = { title: "Weekly sync", starts_at: "2025-10-20T13:00:00Z", ends_at: "2025-10-20T14:00:00Z", time_zone: "America/New_York", rrule: "FREQ=WEEKLY;BYDAY=MO" };
const window = "from=2025-10-20T00:00:00Z&to=2025-11-18T00:00:00Z&limit=100";

async function series(request: APIRequestContext, body: Record<string, unknown> = weekly) {
  const user = await newUser(request);
  const calendar = await newCalendar(request, user);
  const base = `/api/v1/calendars/${calendar.id}/events`;
  const { event } = await expectBody(await request.post(base, { headers: user.auth, data: body }), 201, EventEnvelope);
  return { user, base, event };
}

async function occurrences(request: APIRequestContext, user: TestUser, base: string, query = window) {
  return (await expectBody(await request.get(`${base}?${query}`, { headers: user.auth }), 200, EventsEnvelope)).events;
}

test("GET /api/v1/calendars/:cid/events?from&to – a weekly series expands at 09:00 local across DST", async ({ request }) => {
  const { user, base, event } = await series(request);
  expect(event).toMatchObject({ recurrence_rule: "weekly", rrule: "FREQ=WEEKLY;BYDAY=MO" });
  const list = await occurrences(request, user, base);
  expect(list.map((o) => o.starts_at)).toEqual(["2025-10-20T13:00:00Z", "2025-10-27T13:00:00Z", "2025-11-03T14:00:00Z", "2025-11-10T14:00:00Z", "2025-11-17T14:00:00Z"]);
  expect(list[2]).toMatchObject({ id: `${event.id}_20251103T140000Z`, recurring_event_id: event.id, original_starts_at: "2025-11-03T14:00:00Z", ends_at: "2025-11-03T15:00:00Z" });
  // Without a window the series is listed once.
  const stored = (await expectBody(await request.get(base, { headers: user.auth }), 200, EventsEnvelope)).events;
  expect(stored.map((e) => e.id)).toEqual([event.id]);
});

test("GET /api/v1/calendars/:cid/events/:occurrence_id – one occurrence; 404 for a start that is not one", async ({ request }) => {
  const { user, base, event } = await series(request);
  const { event: occ } = await expectBody(await request.get(`${base}/${event.id}_20251110T140000Z`, { headers: user.auth }), 200, EventEnvelope);
  expect(occ).toMatchObject({ starts_at: "2025-11-10T14:00:00Z", recurring_event_id: event.id });
  await expectError(await request.get(`${base}/${event.id}_20251111T140000Z`, { headers: user.auth }), 404, "NOT_FOUND");
  await expectError(await request.get(`${base}/${event.id}_2025`, { headers: user.auth }), 404, "NOT_FOUND");
});

test("PUT …/events/:occurrence_id?scope=this – changes that occurrence only (an override)", async ({ request }) => {
  const { user, base, event } = await series(request);
  const id = `${event.id}_20251027T130000Z`;
  const { event: changed } = await expectBody(
    await request.put(`${base}/${id}`, { headers: user.auth, data: { title: "Moved sync", starts_at: "2025-10-28T15:00:00Z", ends_at: "2025-10-28T16:00:00Z" } }),
    200,
    EventEnvelope,
  );
  expect(changed).toMatchObject({ id, title: "Moved sync", starts_at: "2025-10-28T15:00:00Z", original_starts_at: "2025-10-27T13:00:00Z", recurring_event_id: event.id });
  const list = await occurrences(request, user, base);
  expect(list.map((o) => [o.title, o.starts_at])).toEqual([
    ["Weekly sync", "2025-10-20T13:00:00Z"],
    ["Moved sync", "2025-10-28T15:00:00Z"],
    ["Weekly sync", "2025-11-03T14:00:00Z"],
    ["Weekly sync", "2025-11-10T14:00:00Z"],
    ["Weekly sync", "2025-11-17T14:00:00Z"],
  ]);
  // Editing it again edits the same override.
  await expectBody(await request.put(`${base}/${id}`, { headers: user.auth, data: { location: "Room 2" } }), 200, EventEnvelope);
  const again = await occurrences(request, user, base);
  expect(again.filter((o) => o.location === "Room 2").map((o) => o.title)).toEqual(["Moved sync"]);
});

test("PUT …/events/:occurrence_id?scope=following – splits the series, nothing lost or duplicated", async ({ request }) => {
  const { user, base, event } = await series(request);
  await expectBody(await request.put(`${base}/${event.id}_20251103T140000Z?scope=following`, { headers: user.auth, data: { title: "New sync" } }), 200, EventEnvelope);
  const list = await occurrences(request, user, base);
  expect(list.map((o) => [o.title, o.starts_at])).toEqual([
    ["Weekly sync", "2025-10-20T13:00:00Z"],
    ["Weekly sync", "2025-10-27T13:00:00Z"],
    ["New sync", "2025-11-03T14:00:00Z"],
    ["New sync", "2025-11-10T14:00:00Z"],
    ["New sync", "2025-11-17T14:00:00Z"],
  ]);
  const ids = new Set(list.map((o) => o.recurring_event_id));
  expect(ids.size).toBe(2);
  const stored = (await expectBody(await request.get(base, { headers: user.auth }), 200, EventsEnvelope)).events;
  expect(stored).toHaveLength(2);
  expect(stored[0]!.rrule).toMatch(/UNTIL=/);
});

test("PUT …/events/:occurrence_id?scope=all – moving one occurrence shifts the whole series alike", async ({ request }) => {
  const { user, base, event } = await series(request);
  await request.put(`${base}/${event.id}_20251027T130000Z`, { headers: user.auth, data: { title: "Special" } });
  await expectBody(
    await request.put(`${base}/${event.id}_20251110T140000Z?scope=all`, { headers: user.auth, data: { starts_at: "2025-11-10T15:00:00Z", ends_at: "2025-11-10T16:00:00Z" } }),
    200,
    EventEnvelope,
  );
  const list = await occurrences(request, user, base);
  expect(list.map((o) => [o.title, o.starts_at])).toEqual([
    ["Weekly sync", "2025-10-20T14:00:00Z"],
    // The override kept its occurrence's time, so it moves with the series (its own title stays).
    ["Special", "2025-10-27T14:00:00Z"],
    ["Weekly sync", "2025-11-03T15:00:00Z"],
    ["Weekly sync", "2025-11-10T15:00:00Z"],
    ["Weekly sync", "2025-11-17T15:00:00Z"],
  ]);
  expect(list[1]!.original_starts_at).toBe("2025-10-27T14:00:00Z");
});

test("DELETE …/events/:occurrence_id – scope this removes one occurrence, following ends the series", async ({ request }) => {
  const { user, base, event } = await series(request);
  await expectBody(await request.delete(`${base}/${event.id}_20251027T130000Z`, { headers: user.auth }), 200, EventEnvelope.pick({ status: true }));
  expect((await occurrences(request, user, base)).map((o) => o.starts_at)).toEqual(["2025-10-20T13:00:00Z", "2025-11-03T14:00:00Z", "2025-11-10T14:00:00Z", "2025-11-17T14:00:00Z"]);
  await expectError(await request.get(`${base}/${event.id}_20251027T130000Z`, { headers: user.auth }), 404, "NOT_FOUND");
  await request.delete(`${base}/${event.id}_20251110T140000Z?scope=following`, { headers: user.auth });
  expect((await occurrences(request, user, base)).map((o) => o.starts_at)).toEqual(["2025-10-20T13:00:00Z", "2025-11-03T14:00:00Z"]);
  await request.delete(`${base}/${event.id}`, { headers: user.auth });
  expect(await occurrences(request, user, base)).toEqual([]);
});

test("recurrence_rule presets, COUNT, an old daily series in a 2026 window, and 422s for bad rules and windows", async ({ request }) => {
  const { user, base } = await series(request, { title: "Daily since 1990", starts_at: "1990-01-01T08:00:00Z", ends_at: "1990-01-01T08:30:00Z", recurrence_rule: "daily" });
  const list = await occurrences(request, user, base, "from=2026-02-01T00:00:00Z&to=2026-03-01T00:00:00Z&limit=100");
  expect(list).toHaveLength(28);
  expect(list[0]!.starts_at).toBe("2026-02-01T08:00:00Z");
  const counted = await expectBody(await request.post(base, { headers: user.auth, data: { title: "Three", starts_at: "2026-02-02T10:00:00Z", ends_at: "2026-02-02T11:00:00Z", rrule: "FREQ=DAILY;COUNT=3" } }), 201, EventEnvelope);
  expect(counted.event.recurrence_rule).toBe("daily");
  const three = await occurrences(request, user, base, "from=2026-02-01T00:00:00Z&to=2026-03-01T00:00:00Z&limit=100&q=three");
  expect(three.map((o) => o.starts_at)).toEqual(["2026-02-02T10:00:00Z", "2026-02-03T10:00:00Z", "2026-02-04T10:00:00Z"]);
  const bad = await expectError(await request.post(base, { headers: user.auth, data: { ...weekly, rrule: "FREQ=WEEKLY;BYDAY=XX" } }), 422, "VALIDATION_ERROR");
  expect(bad.fields!.rrule![0]).toContain("BYDAY");
  const tooLong = await expectError(await request.get(`${base}?from=2025-01-01T00:00:00Z&to=2027-01-01T00:00:00Z`, { headers: user.auth }), 422, "VALIDATION_ERROR");
  expect(tooLong.fields!.to![0]).toContain("366");
});
