import { expect, test } from "@playwright/test";
import { createEvent, expectProblem, fieldsOf, getEvent, konaSetup, listEvents, ms } from "./kona.ts";

// The whole RRULE grammar over the Kona dialect: `rrule` and `rdates` are extensions there.

test("POST /api/calendar_events with an HOURLY rrule – occurrences in a window with num_in_series; Kona fields say period 1 and show the rrule", async ({ request }) => {
  const { user, spaceId } = await konaSetup(request);
  const series = await createEvent(request, user, { name: "Shift check", space_id: spaceId, start_at: "2030-01-07T06:00:00Z", end_at: "2030-01-07T06:10:00Z", time_zone: "UTC", rrule: "FREQ=HOURLY;INTERVAL=4;BYDAY=MO" });
  expect(series).toMatchObject({ period: 1, rrule: "FREQ=HOURLY;INTERVAL=4;BYDAY=MO", rdates: [] });
  const list = await listEvents(request, user, `space_id=${spaceId}&date_range_start=2030-01-14 00:00:00.000&date_range_end=2030-01-15 00:00:00.000`);
  expect(list.map((o) => new Date(o.start_at).toISOString().slice(11, 16))).toEqual(["02:00", "06:00", "10:00", "14:00", "18:00", "22:00"]);
  // 6 on Monday the 7th from 06:00 (06, 10, 14, 18, 22) = 5, then the 14th: 02:00 is the 6th.
  expect(list.map((o) => o.num_in_series)).toEqual([6, 7, 8, 9, 10, 11]);
  for (const o of list) expect(o.end_at - o.start_at).toBe(10 * 60_000);
  const eighth = await getEvent(request, user, `/api/calendar_events/${series.id}?num_in_series=8`);
  expect(eighth.start_at).toBe(ms("2030-01-14T10:00:00Z"));
});

test("POST /api/calendar_events with rdates – round trip as epoch milliseconds, merged into the series' numbering", async ({ request }) => {
  const { user, spaceId } = await konaSetup(request);
  const series = await createEvent(request, user, {
    name: "Review", space_id: spaceId, start_at: "2030-01-07T09:00:00Z", end_at: "2030-01-07T10:00:00Z", time_zone: "UTC",
    period: 2, frequency: 1, sel_days: [1], series_end_at: "2030-01-21 23:00:00.000", rdates: [ms("2030-01-09T15:00:00Z"), "2030-01-30 09:00:00.000"],
  });
  expect(series.rdates).toEqual([ms("2030-01-09T15:00:00Z"), ms("2030-01-30T09:00:00Z")]);
  expect((await getEvent(request, user, `/api/calendar_events/${series.id}`)).rdates).toEqual(series.rdates);
  const list = await listEvents(request, user, `space_id=${spaceId}&date_range_start=2030-01-01 00:00:00.000&date_range_end=2030-02-01 00:00:00.000`);
  expect(list.map((o) => [new Date(o.start_at).toISOString().slice(5, 16), o.num_in_series])).toEqual([
    ["01-07T09:00", 1],
    ["01-09T15:00", 2],
    ["01-14T09:00", 3],
    ["01-21T09:00", 4],
    ["01-30T09:00", 5],
  ]);
  expect((await getEvent(request, user, `/api/calendar_events/${series.id}?num_in_series=5`)).start_at).toBe(ms("2030-01-30T09:00:00Z"));
});

test("GET /api/calendar_events – 422 problem naming the series when it has more than 5000 occurrences in the window", async ({ request }) => {
  const { user, spaceId } = await konaSetup(request);
  const series = await createEvent(request, user, { name: "Ticker", space_id: spaceId, start_at: "2030-01-01T00:00:00Z", end_at: "2030-01-01T00:00:00Z", time_zone: "UTC", rrule: "FREQ=MINUTELY" });
  const problem = await expectProblem(
    await request.get(`/api/calendar_events?space_id=${spaceId}&date_range_start=2030-01-01 00:00:00.000&date_range_end=2030-01-08 00:00:00.000`, { headers: user.auth }),
    422,
    "validation",
  );
  expect(fieldsOf(problem).rrule?.[0]).toMatch(new RegExp(`id ${series.id}, FREQ=MINUTELY\\) has more than 5000 occurrences`));
});

test("POST /api/calendar_events – 422 naming the malformed rule part", async ({ request }) => {
  const { user, spaceId } = await konaSetup(request);
  const base = { name: "x", space_id: spaceId, start_at: "2030-01-07T09:00:00Z", end_at: "2030-01-07T10:00:00Z" };
  for (const [rrule, part] of [["FREQ=MINUTELY;BYSECOND=61", "BYSECOND"], ["FREQ=YEARLY;BYYEARDAY=367", "BYYEARDAY"], ["FREQ=HOURLY;BYHOUR=9,x", "BYHOUR"]]) {
    const problem = await expectProblem(await request.post("/api/calendar_events", { headers: user.auth, data: { ...base, rrule } }), 422, "validation");
    expect(fieldsOf(problem).rrule?.join(" "), rrule).toContain(part);
  }
});
