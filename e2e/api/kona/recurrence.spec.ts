import { expect, test, type APIRequestContext } from "@playwright/test";
import { CalendarEvents } from "../../../lib/api/kona/schemas.ts";
import { expectBody } from "../../helpers.ts";
import { createEvent, expectProblem, fieldsOf, getEvent, konaSetup, listEvents, ms, type KonaUser } from "./kona.ts";

// Mondays and Wednesdays at 09:00 UTC through January 2030: 7, 9, 14, 16, 21, 23, 28, 30.
const JANUARY = "date_range_start=2030-01-01 00:00:00.000&date_range_end=2030-02-01 00:00:00.000";
const weekly = { name: "Standup", start_at: "2030-01-07T09:00:00Z", end_at: "2030-01-07T10:00:00Z", period: 2, frequency: 1, sel_days: [1, 3], series_end_at: "2030-01-31 23:59:59.000" };

async function weeklySeries(request: APIRequestContext) {
  const { user, spaceId } = await konaSetup(request);
  const series = await createEvent(request, user, { ...weekly, space_id: spaceId });
  const list = (query = JANUARY) => listEvents(request, user, `space_id=${spaceId}&${query}`);
  return { user, spaceId, series, list };
}

const day = (event: { start_at: number }) => new Date(event.start_at).toISOString().slice(5, 16);

test("POST /api/calendar_events – a weekly series from period/frequency/sel_days lists occurrences with series_id and num_in_series", async ({ request }) => {
  const { series, list } = await weeklySeries(request);
  expect(series).toMatchObject({ period: 2, frequency: 1, sel_days: [1, 3], series_end_at: ms("2030-01-31T23:59:59Z"), rrule: null, series_id: series.id, num_in_series: null });
  const occurrences = await list();
  expect(occurrences.map(day)).toEqual(["01-07T09:00", "01-09T09:00", "01-14T09:00", "01-16T09:00", "01-21T09:00", "01-23T09:00", "01-28T09:00", "01-30T09:00"]);
  expect(occurrences.map((o) => o.num_in_series)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  for (const o of occurrences) {
    expect(o).toMatchObject({ id: series.id, series_id: series.id, name: "Standup", period: 2, sel_days: [1, 3] });
    expect(o.end_at - o.start_at).toBe(3_600_000);
    expect(o.href).toMatch(new RegExp(`/api/calendar_events/${series.id}\\?num_in_series=${o.num_in_series}$`));
  }
  // Paging applies to occurrences too.
  expect((await list(`${JANUARY}&per_page=3&page=3`)).map((o) => o.num_in_series)).toEqual([7, 8]);
});

test("GET /api/calendar_events/:id?num_in_series=N – returns occurrence N; 404 past the end", async ({ request }) => {
  const { user, series } = await weeklySeries(request);
  const third = await getEvent(request, user, `/api/calendar_events/${series.id}?num_in_series=3`);
  expect(third).toMatchObject({ id: series.id, series_id: series.id, num_in_series: 3, start_at: ms("2030-01-14T09:00:00Z"), end_at: ms("2030-01-14T10:00:00Z") });
  expect(await getEvent(request, user, third.href)).toEqual(third);
  await expectProblem(await request.get(`/api/calendar_events/${series.id}?num_in_series=9`, { headers: user.auth }), 404, "not-found");
  await expectProblem(await request.get(`/api/calendar_events/${series.id}?num_in_series=0`, { headers: user.auth }), 400, "bad-request");
  // A single event is its own first (and only) occurrence.
  const single = await createEvent(request, user, { name: "once", start_at: "2030-01-07T09:00:00Z" });
  expect((await getEvent(request, user, `/api/calendar_events/${single.id}?num_in_series=1`)).id).toBe(single.id);
  await expectProblem(await request.get(`/api/calendar_events/${single.id}?num_in_series=2`, { headers: user.auth }), 404, "not-found");
});

test("PUT /api/calendar_events/:id?num_in_series=N – changes only that occurrence, which gets its own id", async ({ request }) => {
  const { user, series, list } = await weeklySeries(request);
  const response = await request.put(`/api/calendar_events/${series.id}?num_in_series=3`, {
    headers: user.auth,
    data: { calendar_events: [{ name: "Moved standup", start_at: "2030-01-15 10:00:00.000", end_at: "2030-01-15 11:00:00.000" }] },
  });
  const moved = (await expectBody(response, 200, CalendarEvents)).calendar_events[0]!;
  expect(moved.id).not.toBe(series.id);
  expect(moved).toMatchObject({ name: "Moved standup", series_id: series.id, num_in_series: 3, start_at: ms("2030-01-15T10:00:00Z"), period: 0, rrule: null });
  expect(moved.href).toMatch(new RegExp(`/api/calendar_events/${moved.id}$`));
  const occurrences = await list();
  expect(occurrences.map((o) => [o.num_in_series, o.name, day(o)])).toEqual([
    [1, "Standup", "01-07T09:00"],
    [2, "Standup", "01-09T09:00"],
    [3, "Moved standup", "01-15T10:00"],
    [4, "Standup", "01-16T09:00"],
    [5, "Standup", "01-21T09:00"],
    [6, "Standup", "01-23T09:00"],
    [7, "Standup", "01-28T09:00"],
    [8, "Standup", "01-30T09:00"],
  ]);
  expect(occurrences[2]!.id).toBe(moved.id);
  // Both addresses reach the override; the series itself is unchanged.
  expect((await getEvent(request, user, `/api/calendar_events/${series.id}?num_in_series=3`)).id).toBe(moved.id);
  expect((await getEvent(request, user, `/api/calendar_events/${moved.id}`)).name).toBe("Moved standup");
  expect((await getEvent(request, user, `/api/calendar_events/${series.id}`)).name).toBe("Standup");
});

test("DELETE /api/calendar_events/:id?num_in_series=N – removes only that occurrence", async ({ request }) => {
  const { user, series, list } = await weeklySeries(request);
  const response = await request.delete(`/api/calendar_events/${series.id}?num_in_series=4`, { headers: user.auth });
  expect(response.status()).toBe(204);
  expect((await list()).map((o) => o.num_in_series)).toEqual([1, 2, 3, 5, 6, 7, 8]);
  await expectProblem(await request.get(`/api/calendar_events/${series.id}?num_in_series=4`, { headers: user.auth }), 404, "not-found");
  // Without num_in_series the whole series goes.
  expect((await request.delete(`/api/calendar_events/${series.id}`, { headers: user.auth })).status()).toBe(204);
  expect(await list()).toEqual([]);
});

test("PUT /api/calendar_events/:id?num_in_series=N&apply_to=following|all – splits the series or changes all", async ({ request }) => {
  const { user, series, list } = await weeklySeries(request);
  const split = await expectBody(await request.put(`/api/calendar_events/${series.id}?num_in_series=5&apply_to=following`, { headers: user.auth, data: { name: "Standup v2" } }), 200, CalendarEvents);
  const tail = split.calendar_events[0]!;
  expect(tail.id).not.toBe(series.id);
  expect(tail).toMatchObject({ name: "Standup v2", series_id: tail.id, start_at: ms("2030-01-21T09:00:00Z"), period: 2, sel_days: [1, 3] });
  const occurrences = await list();
  expect(occurrences.map((o) => [o.series_id === series.id ? "old" : "new", o.num_in_series, o.name])).toEqual([
    ["old", 1, "Standup"],
    ["old", 2, "Standup"],
    ["old", 3, "Standup"],
    ["old", 4, "Standup"],
    ["new", 1, "Standup v2"],
    ["new", 2, "Standup v2"],
    ["new", 3, "Standup v2"],
    ["new", 4, "Standup v2"],
  ]);
  const all = await expectBody(await request.put(`/api/calendar_events/${series.id}?num_in_series=2&apply_to=all`, { headers: user.auth, data: { location: "Room 9" } }), 200, CalendarEvents);
  expect(all.calendar_events[0]).toMatchObject({ id: series.id, location: "Room 9", num_in_series: null });
  expect((await list()).map((o) => o.location)).toEqual(["Room 9", "Room 9", "Room 9", "Room 9", null, null, null, null]);
  await expectProblem(await request.put(`/api/calendar_events/${series.id}?apply_to=some`, { headers: user.auth, data: {} }), 400, "bad-request");
});

test("POST /api/calendar_events – recurrence names, weekday period 5, and the time_zone wall clock across DST", async ({ request }) => {
  const { user, spaceId } = await konaSetup(request);
  const named = await createEvent(request, user, { name: "Biweekly", space_id: spaceId, start_at: "2030-03-04T09:00:00Z", period: "week", frequency: "every_other", sel_days: ["Monday", "fri"] });
  expect(named).toMatchObject({ period: 2, frequency: 2, sel_days: [1, 5], rrule: null, series_end_at: null });
  const weekdays = await createEvent(request, user, { name: "Workdays", space_id: spaceId, start_at: "2030-04-01T08:00:00Z", end_at: "2030-04-01T08:30:00Z", period: 5 });
  expect(weekdays).toMatchObject({ period: 5, frequency: 1, sel_days: null, rrule: null });
  const week = await listEvents(request, user, `space_id=${spaceId}&date_range_start=2030-04-01&date_range_end=2030-04-08`);
  expect(week.filter((o) => o.id === weekdays.id).map(day)).toEqual(["04-01T08:00", "04-02T08:00", "04-03T08:00", "04-04T08:00", "04-05T08:00"]);
  // 09:00 in New York stays 09:00 when DST ends on 2 Nov 2025 (13:00Z → 14:00Z).
  const ny = await createEvent(request, user, { name: "NY sync", space_id: spaceId, start_at: "2025-10-27T13:00:00Z", end_at: "2025-10-27T14:00:00Z", time_zone: "America/New_York", period: 2 });
  expect(ny.time_zone).toBe("America/New_York");
  const across = await listEvents(request, user, `space_id=${spaceId}&date_range_start=2025-10-27&date_range_end=2025-11-04`);
  expect(across.map(day)).toEqual(["10-27T13:00", "11-03T14:00"]);
});

test("POST /api/calendar_events – rrule extension: a rule the Kona fields cannot express is shown with rrule and its nearest fields", async ({ request }) => {
  const { user, spaceId } = await konaSetup(request);
  // The second Tuesday of each month, five times: Feb 12, Mar 12, Apr 9, May 14, Jun 11 (2030).
  const series = await createEvent(request, user, { name: "Board", space_id: spaceId, start_at: "2030-02-12T09:00:00Z", end_at: "2030-02-12T11:00:00Z", rrule: "RRULE:FREQ=MONTHLY;BYDAY=2TU;COUNT=5" });
  expect(series).toMatchObject({ period: 3, frequency: 1, sel_days: null, rrule: "FREQ=MONTHLY;BYDAY=2TU;COUNT=5", series_end_at: ms("2030-06-11T09:00:00Z") });
  const april = await listEvents(request, user, `space_id=${spaceId}&date_range_start=2030-04-01&date_range_end=2030-05-01`);
  expect(april).toHaveLength(1);
  expect(april[0]).toMatchObject({ id: series.id, num_in_series: 3, start_at: ms("2030-04-09T09:00:00Z"), rrule: "FREQ=MONTHLY;BYDAY=2TU;COUNT=5", series_end_at: ms("2030-06-11T09:00:00Z") });
  // Echoing the resource back keeps the full rule (rrule wins over the nearest fields).
  const echoed = await expectBody(await request.put(`/api/calendar_events/${series.id}`, { headers: user.auth, data: { calendar_events: [{ ...series, name: "Board meeting" }] } }), 200, CalendarEvents);
  expect(echoed.calendar_events[0]).toMatchObject({ name: "Board meeting", rrule: "FREQ=MONTHLY;BYDAY=2TU;COUNT=5" });
});

test("PUT /api/calendar_events/:id – series_end_at alone ends the series; period 0 stops it recurring", async ({ request }) => {
  const { user, spaceId } = await konaSetup(request);
  const series = await createEvent(request, user, { name: "Daily", space_id: spaceId, start_at: "2030-05-01T07:00:00Z", end_at: "2030-05-01T07:15:00Z", period: 1 });
  const may = (u: KonaUser) => listEvents(request, u, `space_id=${spaceId}&date_range_start=2030-05-01&date_range_end=2030-06-01&per_page=100`);
  expect(await may(user)).toHaveLength(31);
  const ended = await expectBody(await request.put(`/api/calendar_events/${series.id}`, { headers: user.auth, data: { series_end_at: ms("2030-05-10T07:00:00Z") } }), 200, CalendarEvents);
  expect(ended.calendar_events[0]).toMatchObject({ period: 1, series_end_at: ms("2030-05-10T07:00:00Z") });
  expect(await may(user)).toHaveLength(10);
  const weekly = await expectBody(await request.put(`/api/calendar_events/${series.id}`, { headers: user.auth, data: { period: 2, sel_days: 3 } }), 200, CalendarEvents);
  expect(weekly.calendar_events[0]).toMatchObject({ period: 2, sel_days: [3], series_end_at: ms("2030-05-10T07:00:00Z") });
  expect((await may(user)).map(day)).toEqual(["05-01T07:00", "05-08T07:00"]);
  const single = await expectBody(await request.put(`/api/calendar_events/${series.id}`, { headers: user.auth, data: { period: 0 } }), 200, CalendarEvents);
  expect(single.calendar_events[0]).toMatchObject({ period: 0, frequency: 0, sel_days: null, series_end_at: null, series_id: null });
  expect(await may(user)).toHaveLength(1);
});

test("POST /api/calendar_events – 422 for recurrence fields out of range", async ({ request }) => {
  const { user, spaceId } = await konaSetup(request);
  const post = (data: Record<string, unknown>) => request.post("/api/calendar_events", { headers: user.auth, data: { name: "r", space_id: spaceId, start_at: "2030-01-07T09:00:00Z", ...data } });
  expect(fieldsOf(await expectProblem(await post({ period: 9 }), 422, "validation"))).toHaveProperty("period");
  expect(fieldsOf(await expectProblem(await post({ period: 2, sel_days: [1, 7] }), 422, "validation"))).toHaveProperty("sel_days");
  expect(fieldsOf(await expectProblem(await post({ period: 3, sel_days: [2] }), 422, "validation"))).toEqual({ sel_days: ["only applies to period 2 (week)"] });
  expect(fieldsOf(await expectProblem(await post({ frequency: 2 }), 422, "validation"))).toHaveProperty("period");
  expect(fieldsOf(await expectProblem(await post({ rrule: "FREQ=SOMETIMES" }), 422, "validation"))).toHaveProperty("rrule");
  expect(fieldsOf(await expectProblem(await post({ period: 2, series_end_at: "whenever" }), 422, "validation"))).toHaveProperty("series_end_at");
});
