// Reminders in the Kona dialect: `reminders` on calendar events, `default_reminders` on spaces,
// 422 problems, busy redaction, and the same stored list as the SweetDate dialect shows.
import { expect, test } from "@playwright/test";
import { CalendarEvents, Spaces } from "../../../lib/api/kona/schemas.ts";
import { EventEnvelope, EventsEnvelope, MemberEnvelope } from "../../../lib/api/sweetdate/schemas.ts";
import { expectBody } from "../../helpers.ts";
import { createEvent, expectProblem, fieldsOf, getEvent, konaSetup, konaUser } from "./kona.ts";

const r = (...minutes: number[]) => minutes.map((m) => ({ minutes_before: m }));
const times = { start_at: "2026-03-02T09:00:00Z", end_at: "2026-03-02T10:00:00Z" };

test("POST/PUT /api/calendar_events – reminders sorted and merged, changed, removed; SweetDate shows the same list", async ({ request }) => {
  const { user, calendar, spaceId } = await konaSetup(request);
  const created = await createEvent(request, user, { name: "Design review", space_id: spaceId, ...times, reminders: r(60, 10, 60) });
  expect(created.reminders).toEqual(r(10, 60));
  const { events } = await expectBody(await request.get(`/api/v1/calendars/${calendar.id}/events?limit=1`, { headers: user.auth }), 200, EventsEnvelope);
  expect(events[0]!.reminders).toEqual(r(10, 60));
  const { calendar_events } = await expectBody(await request.put(`/api/calendar_events/${created.id}`, { headers: user.auth, data: { calendar_events: [{ reminders: r(5) }] } }), 200, CalendarEvents);
  expect(calendar_events[0]!.reminders).toEqual(r(5));
  await expectBody(await request.put(`/api/calendar_events/${created.id}`, { headers: user.auth, data: { calendar_events: [{ reminders: [] }] } }), 200, CalendarEvents);
  expect((await getEvent(request, user, `/api/calendar_events/${created.id}`)).reminders).toEqual([]);
});

test("POST /api/calendar_events – 422 problem for too many reminders and offsets outside 0–40320", async ({ request }) => {
  const { user, spaceId } = await konaSetup(request);
  const post = (reminders: unknown) => request.post("/api/calendar_events", { headers: user.auth, data: { calendar_events: [{ name: "x", space_id: spaceId, ...times, reminders }] } });
  expect(fieldsOf(await expectProblem(await post(r(1, 2, 3, 4, 5, 6)), 422, "validation"))).toEqual({ reminders: ["at most 5 reminders are allowed"] });
  expect(Object.keys(fieldsOf(await expectProblem(await post(r(40_321)), 422, "validation")))).toEqual(["reminders.minutes_before"]);
  expect(Object.keys(fieldsOf(await expectProblem(await post("10"), 422, "validation")))).toEqual(["reminders"]);
});

test("spaces' default_reminders – set on create and update, applied to new events that send none", async ({ request }) => {
  const { user, spaceId } = await konaSetup(request);
  const { spaces } = await expectBody(await request.put(`/api/spaces/${spaceId}`, { headers: user.auth, data: { spaces: [{ default_reminders: r(15, 1440) }] } }), 200, Spaces);
  expect(spaces[0]!.default_reminders).toEqual(r(15, 1440));
  expect((await createEvent(request, user, { name: "Defaulted", space_id: spaceId, ...times })).reminders).toEqual(r(15, 1440));
  expect((await createEvent(request, user, { name: "Own", space_id: spaceId, ...times, reminders: [] })).reminders).toEqual([]);
  const { spaces: created } = await expectBody(await request.post("/api/spaces", { headers: user.auth, data: { spaces: [{ name: "Other", default_reminders: r(30) }] } }), 201, Spaces);
  expect(created[0]!.default_reminders).toEqual(r(30));
  expect(fieldsOf(await expectProblem(await request.put(`/api/spaces/${spaceId}`, { headers: user.auth, data: { spaces: [{ default_reminders: r(-5) }] } }), 422, "validation"))).toHaveProperty(["default_reminders.minutes_before"]);
});

test("GET /api/calendar_events/:id – a busy viewer gets no reminders", async ({ request }) => {
  const { user: owner, calendar, spaceId } = await konaSetup(request);
  const member = await konaUser(request, { name: "Member" });
  await expectBody(await request.post(`/api/v1/calendars/${calendar.id}/users`, { headers: owner.auth, data: { user_id: member.id, role: "member" } }), 201, MemberEnvelope);
  const { event } = await expectBody(
    await request.post(`/api/v1/calendars/${calendar.id}/events`, { headers: owner.auth, data: { title: "Salary talk", starts_at: times.start_at, ends_at: times.end_at, visibility: "busy", reminders: r(15) } }),
    201,
    EventEnvelope,
  );
  expect(event.reminders).toEqual(r(15));
  const listed = (await expectBody(await request.get(`/api/calendar_events?space_id=${spaceId}&date_range_start=2026-03-01T00:00:00Z&date_range_end=2026-03-03T00:00:00Z`, { headers: member.auth }), 200, CalendarEvents)).calendar_events;
  expect(listed.map((e) => [e.name, e.reminders])).toEqual([["Busy", []]]);
  const own = (await expectBody(await request.get(`/api/calendar_events?space_id=${spaceId}&date_range_start=2026-03-01T00:00:00Z&date_range_end=2026-03-03T00:00:00Z`, { headers: owner.auth }), 200, CalendarEvents)).calendar_events;
  expect(own.map((e) => [e.name, e.reminders])).toEqual([["Salary talk", r(15)]]);
});
