import { expect, test, type APIRequestContext } from "@playwright/test";
import { EventEnvelope, EventsEnvelope } from "../../../lib/api/sweetdate/schemas.ts";
import { expectBody, expectError, newCalendar, newUser } from "../../helpers.ts";

// The whole RRULE grammar over the SweetDate API: sub-daily rules, RDATE, the per-window guard
// rail and exact durations across DST (SPEC §12).

async function setup(request: APIRequestContext) {
  const user = await newUser(request);
  const calendar = await newCalendar(request, user);
  const base = `/api/v1/calendars/${calendar.id}/events`;
  const create = async (data: Record<string, unknown>) => (await expectBody(await request.post(base, { headers: user.auth, data }), 201, EventEnvelope)).event;
  const list = async (from: string, to: string) =>
    (await expectBody(await request.get(`${base}?from=${from}&to=${to}&limit=100`, { headers: user.auth }), 200, EventsEnvelope)).events;
  return { user, base, create, list };
}

test("GET /api/v1/calendars/:cid/events?from&to – an HOURLY series in New York across spring-forward: wall-clock hours, the skipped 02:30 is not an occurrence", async ({ request }) => {
  const { create, list } = await setup(request);
  // 22:30 EST on 7 March 2026, every hour; 2026-03-08 02:30 local does not exist.
  const series = await create({ title: "Hourly check", starts_at: "2026-03-08T03:30:00Z", ends_at: "2026-03-08T03:45:00Z", time_zone: "America/New_York", rrule: "FREQ=HOURLY;BYHOUR=22,23,0,1,2,3,4" });
  expect(series).toMatchObject({ rrule: "FREQ=HOURLY;BYHOUR=0,1,2,3,4,22,23", recurrence_rule: "daily", rdates: [] });
  const occurrences = await list("2026-03-08T03:00:00Z", "2026-03-08T10:00:00Z");
  expect(occurrences.map((o) => o.starts_at)).toEqual([
    "2026-03-08T03:30:00Z", // 22:30 EST
    "2026-03-08T04:30:00Z", // 23:30 EST
    "2026-03-08T05:30:00Z", // 00:30 EST
    "2026-03-08T06:30:00Z", // 01:30 EST
    "2026-03-08T07:30:00Z", // 03:30 EDT (02:30 skipped)
    "2026-03-08T08:30:00Z", // 04:30 EDT
  ]);
  for (const o of occurrences) {
    expect(Date.parse(o.ends_at) - Date.parse(o.starts_at)).toBe(15 * 60_000);
    expect(o).toMatchObject({ recurring_event_id: series.id, id: expect.stringMatching(new RegExp(`^${series.id}_2026`)) });
  }
  // The next evening resumes at 22:30 EDT.
  expect((await list("2026-03-09T00:00:00Z", "2026-03-09T04:00:00Z")).map((o) => o.starts_at)).toEqual(["2026-03-09T02:30:00Z", "2026-03-09T03:30:00Z"]);
});

test("GET …/events?from&to – a 60-minute daily event at 01:30 New York lasts 60 minutes on the fall-back night", async ({ request }) => {
  const { create, list } = await setup(request);
  await create({ title: "Night job", starts_at: "2026-10-30T05:30:00Z", ends_at: "2026-10-30T06:30:00Z", time_zone: "America/New_York", rrule: "FREQ=DAILY;COUNT=4" });
  const occurrences = await list("2026-10-30T00:00:00Z", "2026-11-03T00:00:00Z");
  // 01:30 EDT on 1 November is 05:30Z; it ends at 06:30Z (01:30 EST), not at 02:30 EST.
  expect(occurrences.map((o) => [o.starts_at, o.ends_at])).toEqual([
    ["2026-10-30T05:30:00Z", "2026-10-30T06:30:00Z"],
    ["2026-10-31T05:30:00Z", "2026-10-31T06:30:00Z"],
    ["2026-11-01T05:30:00Z", "2026-11-01T06:30:00Z"],
    ["2026-11-02T06:30:00Z", "2026-11-02T07:30:00Z"],
  ]);
});

test("POST/PUT …/events with rdates – RDATEs round trip, merge with the rule, and address like occurrences", async ({ request }) => {
  const { user, base, create, list } = await setup(request);
  const series = await create({
    title: "Review",
    starts_at: "2026-04-06T09:00:00Z",
    ends_at: "2026-04-06T10:00:00Z",
    time_zone: "UTC",
    rrule: "FREQ=WEEKLY;COUNT=3",
    rdates: ["2026-05-01T14:00:00Z", "2026-04-08T09:00:00+00:00", "2026-04-13T09:00:00Z", "2026-01-01T09:00:00Z"],
  });
  // Sorted; the one before DTSTART dropped; a duplicate of a rule occurrence kept (it is that occurrence).
  expect(series.rdates).toEqual(["2026-04-08T09:00:00Z", "2026-04-13T09:00:00Z", "2026-05-01T14:00:00Z"]);
  const read = (await expectBody(await request.get(`${base}/${series.id}`, { headers: user.auth }), 200, EventEnvelope)).event;
  expect(read.rdates).toEqual(series.rdates);

  const occurrences = await list("2026-04-01T00:00:00Z", "2026-06-01T00:00:00Z");
  expect(occurrences.map((o) => o.starts_at)).toEqual(["2026-04-06T09:00:00Z", "2026-04-08T09:00:00Z", "2026-04-13T09:00:00Z", "2026-04-20T09:00:00Z", "2026-05-01T14:00:00Z"]);
  // The RDATE occurrence is an occurrence like the others: readable by its id, and deletable (EXDATE wins).
  const extra = occurrences[4]!;
  expect((await expectBody(await request.get(`${base}/${extra.id}`, { headers: user.auth }), 200, EventEnvelope)).event).toMatchObject({ starts_at: "2026-05-01T14:00:00Z", ends_at: "2026-05-01T15:00:00Z" });
  await expectBody(await request.delete(`${base}/${occurrences[1]!.id}`, { headers: user.auth }), 200, EventEnvelope.pick({ status: true }));
  expect((await list("2026-04-01T00:00:00Z", "2026-06-01T00:00:00Z")).map((o) => o.starts_at)).toEqual(["2026-04-06T09:00:00Z", "2026-04-13T09:00:00Z", "2026-04-20T09:00:00Z", "2026-05-01T14:00:00Z"]);

  // [] removes them.
  const cleared = (await expectBody(await request.put(`${base}/${series.id}`, { headers: user.auth, data: { rdates: [] } }), 200, EventEnvelope)).event;
  expect(cleared.rdates).toEqual([]);
  expect((await list("2026-04-01T00:00:00Z", "2026-06-01T00:00:00Z")).map((o) => o.starts_at)).toEqual(["2026-04-06T09:00:00Z", "2026-04-13T09:00:00Z", "2026-04-20T09:00:00Z"]);
});

test("POST …/events with rdates and no rrule – DTSTART plus the RDATEs", async ({ request }) => {
  const { create: make, list } = await setup(request);
  const event = await make({ title: "Dates", starts_at: "2026-04-06T09:00:00Z", ends_at: "2026-04-06T09:30:00Z", rdates: ["2026-04-20T09:00:00Z"] });
  expect(event).toMatchObject({ rrule: "FREQ=DAILY;COUNT=1", rdates: ["2026-04-20T09:00:00Z"] });
  expect((await list("2026-04-01T00:00:00Z", "2026-05-01T00:00:00Z")).map((o) => o.starts_at)).toEqual(["2026-04-06T09:00:00Z", "2026-04-20T09:00:00Z"]);
});

test("GET …/events?from&to – 422 naming the problem when a series has more than 5000 occurrences in the window (never a hang)", async ({ request }) => {
  const { user, base, create } = await setup(request);
  const series = await create({ title: "Every second", starts_at: "2026-03-01T00:00:00Z", ends_at: "2026-03-01T00:00:01Z", rrule: "FREQ=SECONDLY" });
  const response = await request.get(`${base}?from=2026-03-01T00:00:00Z&to=2026-04-01T00:00:00Z`, { headers: user.auth });
  const error = await expectError(response, 422, "VALIDATION_ERROR");
  expect(error.fields?.rrule?.[0]).toContain(series.id);
  expect(error.fields?.rrule?.[0]).toMatch(/more than 5000 occurrences in the requested window/);
  // A window it fits in is fine.
  const ok = await expectBody(await request.get(`${base}?from=2026-03-01T00:00:00Z&to=2026-03-01T00:01:00Z&limit=100`, { headers: user.auth }), 200, EventsEnvelope);
  expect(ok.events).toHaveLength(60);
});

test("POST …/events – 422 naming the rule part for malformed BYHOUR/BYMINUTE/BYSECOND/BYWEEKNO/BYYEARDAY and for time parts on an all-day event", async ({ request }) => {
  const { user, base } = await setup(request);
  const times = { title: "x", starts_at: "2026-04-06T09:00:00Z", ends_at: "2026-04-06T10:00:00Z" };
  for (const [rrule, part] of [
    ["FREQ=DAILY;BYHOUR=24", "BYHOUR"],
    ["FREQ=HOURLY;BYMINUTE=60", "BYMINUTE"],
    ["FREQ=MINUTELY;BYSECOND=x", "BYSECOND"],
    ["FREQ=YEARLY;BYWEEKNO=54", "BYWEEKNO"],
    ["FREQ=YEARLY;BYYEARDAY=0", "BYYEARDAY"],
    ["FREQ=YEARLY;BYWEEKNO=1;BYDAY=1MO", "BYDAY"],
  ]) {
    const error = await expectError(await request.post(base, { headers: user.auth, data: { ...times, rrule } }), 422, "VALIDATION_ERROR");
    expect(error.fields?.rrule?.join(" "), rrule).toContain(part);
  }
  const allDay = await expectError(
    await request.post(base, { headers: user.auth, data: { title: "x", starts_at: "2026-04-06", ends_at: "2026-04-07", all_day: true, rrule: "FREQ=HOURLY" } }),
    422,
    "VALIDATION_ERROR",
  );
  expect(allDay.fields?.rrule?.[0]).toMatch(/timed event/);
  const badDate = await expectError(await request.post(base, { headers: user.auth, data: { ...times, rrule: "FREQ=DAILY", rdates: ["soon"] } }), 422, "VALIDATION_ERROR");
  expect(Object.keys(badDate.fields ?? {})).toEqual(["rdates"]);
});
