// Access to recurring events: every occurrence follows the series' audience and visibility, in the
// window lists, on GET by occurrence id, and after a change with scope `all` or `following` — an
// occurrence that was edited on its own (an override) must not keep an audience the series lost.
import { expect, test, type APIRequestContext } from "@playwright/test";
import { CalendarEvents } from "../../../lib/api/kona/schemas.ts";
import { EventEnvelope, EventsEnvelope, EventUserEnvelope, MemberEnvelope, Ok, type Event } from "../../../lib/api/sweetdate/schemas.ts";
import { expectBody, expectError, newCalendar, newUser, type TestUser } from "../../helpers.ts";

// Five Monday 09:00 UTC occurrences: 2 Mar … 30 Mar 2043.
const WINDOW = "from=2043-03-01T00:00:00Z&to=2043-04-01T00:00:00Z&limit=100";
const SECOND = "20430309T090000Z";
const FOURTH = "20430323T090000Z";

async function team(request: APIRequestContext) {
  const [owner, member, outsider] = await Promise.all([newUser(request, { name: "Owner" }), newUser(request, { name: "Member" }), newUser(request, { name: "Outsider" })]);
  const calendar = await newCalendar(request, owner);
  await expectBody(await request.post(`/api/v1/calendars/${calendar.id}/users`, { headers: owner.auth, data: { user_id: member.id, role: "member" } }), 201, MemberEnvelope);
  const base = `/api/v1/calendars/${calendar.id}/events`;
  const create = async (data: Record<string, unknown>) =>
    (await expectBody(await request.post(base, { headers: owner.auth, data: { title: "Board review", description: "Q3 numbers", starts_at: "2043-03-02T09:00:00Z", ends_at: "2043-03-02T10:00:00Z", rrule: "FREQ=WEEKLY;COUNT=5", ...data } }), 201, EventEnvelope)).event;
  return { owner, member, outsider, base, create };
}

async function occurrences(request: APIRequestContext, user: TestUser, url: string): Promise<Event[]> {
  return (await expectBody(await request.get(url, { headers: user.auth }), 200, EventsEnvelope)).events;
}

test("GET /api/v1/calendars/:cid/events?from&to – every occurrence of a busy series, overridden ones included, is a \"Busy\" block", async ({ request }) => {
  const { owner, member, base, create } = await team(request);
  const series = await create({ visibility: "busy" });
  await expectBody(await request.put(`${base}/${series.id}_${SECOND}`, { headers: owner.auth, data: { title: "Board review (moved room)", location: "Room 9" } }), 200, EventEnvelope);
  const seen = await occurrences(request, member, `${base}?${WINDOW}`);
  expect(seen).toHaveLength(5);
  for (const o of seen) expect(o).toMatchObject({ title: "Busy", description: null, location: null, tags: [], editable: false });
  const one = await expectBody(await request.get(`${base}/${series.id}_${SECOND}`, { headers: member.auth }), 200, EventEnvelope);
  expect(one.event).toMatchObject({ title: "Busy", location: null, recurring_event_id: series.id });
  expect(await occurrences(request, member, `/api/v1/events?${WINDOW}&q=moved`)).toEqual([]);
  expect(await occurrences(request, member, `/api/v1/events?${WINDOW}&q=board`)).toEqual([]);
});

test("GET /api/calendar_events?date_range_start&date_range_end – a private series has no occurrences for members; GET ?num_in_series is 404", async ({ request }) => {
  const { owner, member, create } = await team(request);
  const series = await create({ visibility: "private" });
  const range = `date_range_start=${Date.parse("2043-03-01T00:00:00Z")}&date_range_end=${Date.parse("2043-04-01T00:00:00Z")}&per_page=100`;
  const mine = (await expectBody(await request.get(`/api/calendar_events?${range}`, { headers: owner.auth }), 200, CalendarEvents)).calendar_events;
  expect(mine).toHaveLength(5);
  const theirs = (await expectBody(await request.get(`/api/calendar_events?${range}`, { headers: member.auth }), 200, CalendarEvents)).calendar_events;
  expect(theirs.filter((e) => e.series_id === mine[0]!.series_id)).toEqual([]);
  const response = await request.get(`/api/calendar_events/${mine[0]!.id}?num_in_series=2`, { headers: member.auth });
  expect(response.status()).toBe(404);
  expect(series.visibility).toBe("private");
});

test("PUT /api/v1/calendars/:cid/events/:id?scope=all – making a series private hides its overridden occurrences from members too", async ({ request }) => {
  const { owner, member, base, create } = await team(request);
  const series = await create({});
  await expectBody(await request.put(`${base}/${series.id}_${SECOND}`, { headers: owner.auth, data: { title: "Board review – layoffs" } }), 200, EventEnvelope);
  expect(await occurrences(request, member, `${base}?${WINDOW}`)).toHaveLength(5);
  await expectBody(await request.put(`${base}/${series.id}?scope=all`, { headers: owner.auth, data: { visibility: "private" } }), 200, EventEnvelope);
  expect(await occurrences(request, member, `${base}?${WINDOW}`)).toEqual([]);
  expect(await occurrences(request, member, `/api/v1/events?q=layoffs`)).toEqual([]);
  await expectError(await request.get(`${base}/${series.id}_${SECOND}`, { headers: member.auth }), 404, "NOT_FOUND");
  expect((await occurrences(request, owner, `${base}?${WINDOW}`)).map((o) => o.visibility)).toEqual(Array(5).fill("private"));
});

test("PUT /api/v1/calendars/:cid/events/:id?scope=all – a participant removed from a series loses its overridden occurrences too", async ({ request }) => {
  const { owner, outsider, base, create } = await team(request);
  const series = await create({ stakeholder: "just_me", participant_ids: [outsider.id], default_role: "viewer" });
  await expectBody(await request.put(`${base}/${series.id}_${SECOND}`, { headers: owner.auth, data: { location: "Room 9" } }), 200, EventEnvelope);
  expect(await occurrences(request, outsider, `/api/v1/events?${WINDOW}`)).toHaveLength(5);
  await expectBody(await request.put(`${base}/${series.id}?scope=all`, { headers: owner.auth, data: { participant_ids: [] } }), 200, EventEnvelope);
  expect(await occurrences(request, outsider, `/api/v1/events?${WINDOW}`)).toEqual([]);
  await expectError(await request.get(`${base}/${series.id}_${SECOND}`, { headers: outsider.auth }), 404, "NOT_FOUND");
  await expectError(await request.put(`${base}/${series.id}_${SECOND}`, { headers: outsider.auth, data: { title: "x" } }), 404, "NOT_FOUND");
});

test("PUT /api/v1/calendars/:cid/events/:occurrence_id?scope=following – the new audience covers the overridden occurrences after the cut", async ({ request }) => {
  const { owner, member, base, create } = await team(request);
  const series = await create({ visibility: "public" });
  await expectBody(await request.put(`${base}/${series.id}_${FOURTH}`, { headers: owner.auth, data: { title: "Board review – acquisition" } }), 200, EventEnvelope);
  await expectBody(await request.put(`${base}/${series.id}_${SECOND}?scope=following`, { headers: owner.auth, data: { visibility: "busy" } }), 200, EventEnvelope);
  const seen = await occurrences(request, member, `${base}?${WINDOW}`);
  expect(seen.map((o) => o.title)).toEqual(["Board review", "Busy", "Busy", "Busy", "Busy"]);
  expect(await occurrences(request, member, `/api/v1/events?q=acquisition`)).toEqual([]);
});

test("DELETE /api/v1/calendars/:cid/events/:id/users/:user_id – removing a participant from a series removes them from its overridden occurrences", async ({ request }) => {
  const { owner, outsider, base, create } = await team(request);
  const series = await create({ stakeholder: "just_me", editor_ids: [outsider.id] });
  await expectBody(await request.put(`${base}/${series.id}_${SECOND}`, { headers: owner.auth, data: { location: "Room 9" } }), 200, EventEnvelope);
  await expectBody(await request.put(`${base}/${series.id}/users/${outsider.id}`, { headers: owner.auth, data: { role: "viewer" } }), 200, EventUserEnvelope);
  await expectError(await request.put(`${base}/${series.id}_${SECOND}`, { headers: outsider.auth, data: { title: "x" } }), 403, "FORBIDDEN");
  await expectBody(await request.delete(`${base}/${series.id}/users/${outsider.id}`, { headers: owner.auth }), 200, Ok);
  expect(await occurrences(request, outsider, `/api/v1/events?${WINDOW}`)).toEqual([]);
  await expectError(await request.get(`${base}/${series.id}_${SECOND}`, { headers: outsider.auth }), 404, "NOT_FOUND");
});
