// A calendar's trash: deleted events for 30 days, restorable by those who may change them; an
// occurrence deleted on its own comes back by its occurrence id.
import { expect, test } from "@playwright/test";
import { EventEnvelope, EventsEnvelope, MemberEnvelope, Ok, TrashEnvelope } from "../../../lib/api/sweetdate/schemas.ts";
import { expectBody, expectError, newCalendar, newUser } from "../../helpers.ts";

const WINDOW = "from=2026-03-01T00:00:00Z&to=2026-04-01T00:00:00Z";

test("GET/POST /api/v1/calendars/:cid/trash – a deleted series is listed and restored with its override", async ({ request }) => {
  const owner = await newUser(request);
  const calendar = await newCalendar(request, owner);
  const base = `/api/v1/calendars/${calendar.id}`;
  const { event: series } = await expectBody(
    await request.post(`${base}/events`, { headers: owner.auth, data: { title: "Weekly", starts_at: "2026-03-02T10:00:00Z", ends_at: "2026-03-02T11:00:00Z", rrule: "FREQ=WEEKLY;COUNT=4" } }),
    201,
    EventEnvelope,
  );
  // One occurrence gets its own title (an override), then the whole series goes.
  await expectBody(await request.put(`${base}/events/${series.id}_20260309T100000Z?scope=this`, { headers: owner.auth, data: { title: "Weekly (moved room)" } }), 200, EventEnvelope);
  const before = await expectBody(await request.get(`${base}/events?${WINDOW}`, { headers: owner.auth }), 200, EventsEnvelope);
  await expectBody(await request.delete(`${base}/events/${series.id}`, { headers: owner.auth }), 200, Ok);
  expect((await expectBody(await request.get(`${base}/events?${WINDOW}`, { headers: owner.auth }), 200, EventsEnvelope)).events).toEqual([]);

  const trash = await expectBody(await request.get(`${base}/trash`, { headers: owner.auth }), 200, TrashEnvelope);
  expect(trash.events.map((e) => [e.id, e.title])).toEqual([[series.id, "Weekly"]]);
  expect(trash.meta.total).toBe(1);
  expect(Date.parse(trash.events[0]!.deleted_at)).toBeGreaterThan(Date.now() - 60_000);

  const restored = await expectBody(await request.post(`${base}/trash/${series.id}/restore`, { headers: owner.auth }), 200, EventEnvelope);
  expect(restored.event.id).toBe(series.id);
  const after = await expectBody(await request.get(`${base}/events?${WINDOW}`, { headers: owner.auth }), 200, EventsEnvelope);
  expect(after.events.map((e) => [e.id, e.title, e.starts_at])).toEqual(before.events.map((e) => [e.id, e.title, e.starts_at]));
  expect((await expectBody(await request.get(`${base}/trash`, { headers: owner.auth }), 200, TrashEnvelope)).events).toEqual([]);
  // Restoring twice: it is no longer in the trash.
  await expectError(await request.post(`${base}/trash/${series.id}/restore`, { headers: owner.auth }), 404, "NOT_FOUND");
});

test("POST /api/v1/calendars/:cid/trash/:occurrence_id/restore – an occurrence deleted with scope=this comes back", async ({ request }) => {
  const owner = await newUser(request);
  const calendar = await newCalendar(request, owner);
  const base = `/api/v1/calendars/${calendar.id}`;
  const { event: series } = await expectBody(
    await request.post(`${base}/events`, { headers: owner.auth, data: { title: "Daily", starts_at: "2026-03-02T08:00:00Z", ends_at: "2026-03-02T08:30:00Z", rrule: "FREQ=DAILY;COUNT=3" } }),
    201,
    EventEnvelope,
  );
  const occurrence = `${series.id}_20260303T080000Z`;
  await expectBody(await request.delete(`${base}/events/${occurrence}?scope=this`, { headers: owner.auth }), 200, Ok);
  expect((await expectBody(await request.get(`${base}/events?${WINDOW}`, { headers: owner.auth }), 200, EventsEnvelope)).events).toHaveLength(2);
  const back = await expectBody(await request.post(`${base}/trash/${occurrence}/restore`, { headers: owner.auth }), 200, EventEnvelope);
  expect(back.event).toMatchObject({ id: occurrence, starts_at: "2026-03-03T08:00:00Z", recurring_event_id: series.id });
  expect((await expectBody(await request.get(`${base}/events?${WINDOW}`, { headers: owner.auth }), 200, EventsEnvelope)).events).toHaveLength(3);
  await expectError(await request.post(`${base}/trash/${occurrence}/restore`, { headers: owner.auth }), 404, "NOT_FOUND");
});

test("/api/v1/calendars/:cid/trash – who may see and restore: guests get 403, outsiders 404, malformed ids 404", async ({ request }) => {
  const owner = await newUser(request);
  const guest = await newUser(request);
  const outsider = await newUser(request);
  const calendar = await newCalendar(request, owner);
  const base = `/api/v1/calendars/${calendar.id}`;
  await expectBody(await request.post(`${base}/users`, { headers: owner.auth, data: { user_id: guest.id, role: "guest" } }), 201, MemberEnvelope);
  const { event } = await expectBody(await request.post(`${base}/events`, { headers: owner.auth, data: { title: "Gone", starts_at: "2026-03-05T10:00:00Z", ends_at: "2026-03-05T11:00:00Z" } }), 201, EventEnvelope);
  await expectBody(await request.delete(`${base}/events/${event.id}`, { headers: owner.auth }), 200, Ok);

  // The guest sees the calendar but may not change the event: not in their trash, 403 on restore.
  expect((await expectBody(await request.get(`${base}/trash`, { headers: guest.auth }), 200, TrashEnvelope)).events).toEqual([]);
  await expectError(await request.post(`${base}/trash/${event.id}/restore`, { headers: guest.auth }), 403, "FORBIDDEN");
  await expectError(await request.get(`${base}/trash`, { headers: outsider.auth }), 404, "NOT_FOUND");
  await expectError(await request.post(`${base}/trash/${event.id}/restore`, { headers: outsider.auth }), 404, "NOT_FOUND");
  await expectError(await request.post(`${base}/trash/not-an-id/restore`, { headers: owner.auth }), 404, "NOT_FOUND");
  await expectError(await request.get(`/api/v1/calendars/nope/trash`, { headers: owner.auth }), 404, "NOT_FOUND");
  await expectError(await request.get(`${base}/trash?limit=0`, { headers: owner.auth }), 422, "VALIDATION_ERROR");
  await expectError(await request.get(`${base}/trash`), 401, "UNAUTHORIZED");
});
