// Reminders (issue 16): per-event `reminders` and a per-calendar `default_reminders`, validated,
// redacted for busy viewers, carried by occurrences and overrides, recorded by the change log,
// and written / read as VALARMs over iCalendar and CalDAV.
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { CalendarEnvelope, EventEnvelope, EventsEnvelope, MemberEnvelope, SyncEnvelope } from "../../../lib/api/sweetdate/schemas.ts";
import { expectBody, expectError, newCalendar, newUser, type TestUser } from "../../helpers.ts";
import { dav } from "../dav/dav-helpers.ts";
import { exportText, importText, PYTHON } from "./ical-helpers.ts";

const r = (...minutes: number[]) => minutes.map((m) => ({ minutes_before: m }));
const slot = { starts_at: "2026-03-02T09:00:00Z", ends_at: "2026-03-02T10:00:00Z" };

async function setup(request: APIRequestContext, calendarData: Record<string, unknown> = {}) {
  const user = await newUser(request);
  const calendar = await newCalendar(request, user, calendarData);
  const base = `/api/v1/calendars/${calendar.id}/events`;
  const create = async (data: Record<string, unknown>, who: TestUser = user) => (await expectBody(await request.post(base, { headers: who.auth, data: { title: "Design review", ...slot, ...data } }), 201, EventEnvelope)).event;
  return { user, calendar, base, create };
}

test("POST/PUT /api/v1/calendars/:cid/events – reminders are stored sorted without duplicates, changed, and removed with []", async ({ request }) => {
  const { user, base, create } = await setup(request);
  const event = await create({ reminders: r(1440, 10, 10, 0) });
  expect(event.reminders).toEqual(r(0, 10, 1440));
  const { event: read } = await expectBody(await request.get(`${base}/${event.id}`, { headers: user.auth }), 200, EventEnvelope);
  expect(read.reminders).toEqual(r(0, 10, 1440));
  const { event: changed } = await expectBody(await request.put(`${base}/${event.id}`, { headers: user.auth, data: { reminders: r(30) } }), 200, EventEnvelope);
  expect(changed.reminders).toEqual(r(30));
  expect(changed.sequence).toBe(event.sequence + 1);
  // A PUT without the field leaves them alone.
  const { event: untouched } = await expectBody(await request.put(`${base}/${event.id}`, { headers: user.auth, data: { title: "Design review v2" } }), 200, EventEnvelope);
  expect(untouched.reminders).toEqual(r(30));
  const { event: cleared } = await expectBody(await request.put(`${base}/${event.id}`, { headers: user.auth, data: { reminders: [] } }), 200, EventEnvelope);
  expect(cleared.reminders).toEqual([]);
});

test("POST /api/v1/calendars/:cid/events – 422 for more than five reminders, offsets outside 0–40320 and malformed entries", async ({ request }) => {
  const { user, base } = await setup(request);
  const post = (reminders: unknown) => request.post(base, { headers: user.auth, data: { title: "x", ...slot, reminders } });
  const many = await expectError(await post(r(1, 2, 3, 4, 5, 6)), 422, "VALIDATION_ERROR");
  expect(many.fields).toEqual({ reminders: ["at most 5 reminders are allowed"] });
  for (const bad of [-1, 40_321]) {
    const body = await expectError(await post(r(bad)), 422, "VALIDATION_ERROR");
    expect(Object.keys(body.fields!)).toEqual(["reminders.minutes_before"]);
  }
  expect((await expectError(await post([10]), 422, "VALIDATION_ERROR")).fields).toEqual({ reminders: ["must be an object"] });
  expect((await expectError(await post([{ minutes_before: 1.5 }]), 422, "VALIDATION_ERROR")).fields).toEqual({ "reminders.minutes_before": ["must be an integer"] });
  expect((await expectError(await post([{ minutes: 10 }]), 422, "VALIDATION_ERROR")).fields).toEqual({ "reminders.minutes": ["is not allowed"], "reminders.minutes_before": ["can't be blank"] });
  // Five distinct ones (duplicates merged first) and the bounds themselves are fine.
  const { event } = await expectBody(await post(r(0, 5, 5, 60, 1440, 40_320)), 201, EventEnvelope);
  expect(event.reminders).toEqual(r(0, 5, 60, 1440, 40_320));
});

test("calendars' default_reminders – new events without reminders get them; [] or a list of their own wins; 422 in the calendar's shape", async ({ request }) => {
  const { user, calendar, base, create } = await setup(request, { default_reminders: r(10, 60) });
  expect(calendar.default_reminders).toEqual(r(10, 60));
  expect((await create({})).reminders).toEqual(r(10, 60));
  expect((await create({ reminders: [] })).reminders).toEqual([]);
  expect((await create({ reminders: r(5) })).reminders).toEqual(r(5));
  const { calendar: changed } = await expectBody(await request.put(`/api/v1/calendars/${calendar.id}`, { headers: user.auth, data: { default_reminders: r(1440, 1440) } }), 200, CalendarEnvelope);
  expect(changed.default_reminders).toEqual(r(1440));
  expect((await create({})).reminders).toEqual(r(1440));
  // Existing events keep what they had: the default applies at creation only.
  const { events } = await expectBody(await request.get(`${base}?limit=100`, { headers: user.auth }), 200, EventsEnvelope);
  expect(events.map((e) => e.reminders.map((x) => x.minutes_before))).toEqual([[10, 60], [], [5], [1440]]);
  const bad = await expectError(await request.put(`/api/v1/calendars/${calendar.id}`, { headers: user.auth, data: { default_reminders: r(1, 2, 3, 4, 5, 6) } }), 422, "VALIDATION_ERROR");
  expect(bad.fields).toEqual({ default_reminders: ["at most 5 reminders are allowed"] });
  const fresh = await newCalendar(request, user);
  expect(fresh.default_reminders).toEqual([]);
});

test("GET /api/v1/calendars/:cid/events – a busy viewer gets no reminders (list, event, export); full viewers do", async ({ request }) => {
  const { user: owner, calendar, base, create } = await setup(request);
  const member = await newUser(request, { name: "Member" });
  await expectBody(await request.post(`/api/v1/calendars/${calendar.id}/users`, { headers: owner.auth, data: { user_id: member.id, role: "member" } }), 201, MemberEnvelope);
  const busy = await create({ title: "Salary talk", visibility: "busy", reminders: r(15) });
  const open = await create({ title: "Team lunch", reminders: r(30), starts_at: "2026-03-03T12:00:00Z", ends_at: "2026-03-03T13:00:00Z" });
  const { events } = await expectBody(await request.get(`${base}?from=2026-03-01T00:00:00Z&to=2026-03-05T00:00:00Z`, { headers: member.auth }), 200, EventsEnvelope);
  expect(events.map((e) => [e.title, e.reminders])).toEqual([["Busy", []], ["Team lunch", r(30)]]);
  const { event } = await expectBody(await request.get(`${base}/${busy.id}`, { headers: member.auth }), 200, EventEnvelope);
  expect(event.reminders).toEqual([]);
  const { event: own } = await expectBody(await request.get(`${base}/${busy.id}`, { headers: owner.auth }), 200, EventEnvelope);
  expect(own.reminders).toEqual(r(15));
  const memberIcs = await exportText(request, member, calendar.id);
  expect(memberIcs.match(/BEGIN:VALARM/g)).toHaveLength(1); // the lunch's only
  expect(memberIcs).toContain("TRIGGER:-PT30M");
  expect(memberIcs).not.toContain("TRIGGER:-PT15M");
  expect(open.reminders).toEqual(r(30));
});

test("recurring series – every occurrence carries the series' reminders; an override keeps its own; scope=all passes a change on", async ({ request }) => {
  const { user, base, create } = await setup(request);
  const series = await create({ title: "Stand-up", rrule: "FREQ=DAILY;COUNT=3", reminders: r(10) });
  const window = `${base}?from=2026-03-02T00:00:00Z&to=2026-03-06T00:00:00Z`;
  const list = async () => (await expectBody(await request.get(window, { headers: user.auth }), 200, EventsEnvelope)).events.map((e) => e.reminders.map((x) => x.minutes_before));
  expect(await list()).toEqual([[10], [10], [10]]);
  // One occurrence gets a reminder of its own; another only a new title (it inherits from here on).
  await expectBody(await request.put(`${base}/${series.id}_20260303T090000Z?scope=this`, { headers: user.auth, data: { reminders: r(60) } }), 200, EventEnvelope);
  await expectBody(await request.put(`${base}/${series.id}_20260304T090000Z?scope=this`, { headers: user.auth, data: { title: "Stand-up (late)" } }), 200, EventEnvelope);
  expect(await list()).toEqual([[10], [60], [10]]);
  await expectBody(await request.put(`${base}/${series.id}?scope=all`, { headers: user.auth, data: { reminders: r(5) } }), 200, EventEnvelope);
  expect(await list()).toEqual([[5], [60], [5]]);
});

test("GET /api/v1/calendars/:cid/events?sync_token= – a reminder change is in the change log like any field", async ({ request }) => {
  const { user, calendar, base, create } = await setup(request);
  const event = await create({ reminders: r(10) });
  const sync = (token: string) => request.get(`/api/v1/calendars/${calendar.id}/events?sync_token=${encodeURIComponent(token)}`, { headers: user.auth });
  const first = await expectBody(await sync(""), 200, SyncEnvelope);
  await expectBody(await request.put(`${base}/${event.id}`, { headers: user.auth, data: { reminders: r(20) } }), 200, EventEnvelope);
  const delta = await expectBody(await sync(first.meta.next_sync_token!), 200, SyncEnvelope);
  expect(delta.events).toHaveLength(1);
  expect(delta.events[0]).toMatchObject({ id: event.id, reminders: r(20) });
});

/** What python3-icalendar (Debian) reads from the VALARMs: per SUMMARY, the TRIGGERs in seconds. */
async function pythonAlarms(text: string): Promise<Record<string, { action: string; trigger: number }[]>> {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "sweetdate-alarm-")), "calendar.ics");
  fs.writeFileSync(file, text);
  const script = [
    "import icalendar, json, sys",
    "cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())",
    "out = {}",
    "for ev in cal.walk('VEVENT'):",
    "    out[str(ev.get('SUMMARY'))] = [{'action': str(a.get('ACTION')), 'trigger': a.decoded('TRIGGER').total_seconds()} for a in ev.walk('VALARM')]",
    "print(json.dumps(out))",
  ].join("\n");
  try {
    const { stdout } = await promisify(execFile)(PYTHON, ["-c", script, file]);
    return JSON.parse(stdout) as Record<string, { action: string; trigger: number }[]>;
  } finally {
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  }
}

test("GET /api/v1/calendars/:cid/ics – one VALARM per reminder that python3-icalendar reads; import reads them back and warns about absolute ones", async ({ request }) => {
  const { user, calendar, create } = await setup(request);
  await create({ title: "Design review", reminders: r(10, 1440) });
  await create({ title: "No alarms", reminders: [], starts_at: "2026-03-03T09:00:00Z", ends_at: "2026-03-03T10:00:00Z" });
  const text = await exportText(request, user, calendar.id);
  expect(await pythonAlarms(text)).toEqual({
    "Design review": [{ action: "DISPLAY", trigger: -600 }, { action: "DISPLAY", trigger: -86_400 }],
    "No alarms": [],
  });
  const copy = await newCalendar(request, user, { name: "Copy", default_reminders: r(99) });
  expect(await importText(request, user, copy.id, text)).toMatchObject({ created: 2, failed: [] });
  const { events } = await expectBody(await request.get(`/api/v1/calendars/${copy.id}/events?limit=10`, { headers: user.auth }), 200, EventsEnvelope);
  // An import takes what the file says, not the calendar's default.
  expect(events.map((e) => [e.title, e.reminders])).toEqual([["Design review", r(10, 1440)], ["No alarms", []]]);
  expect(await importText(request, user, copy.id, text)).toMatchObject({ created: 0, updated: 0, unchanged: 2 });

  const absolute = text.replace("TRIGGER:-PT10M", "TRIGGER;VALUE=DATE-TIME:20260302T083000Z").replace(/SEQUENCE:\d+/g, "SEQUENCE:7");
  const result = await importText(request, user, copy.id, absolute);
  expect(result).toMatchObject({ updated: 1, failed: [] });
  expect(result.warnings).toContainEqual(expect.objectContaining({ reason: expect.stringContaining("absolute") }));
  const { events: after } = await expectBody(await request.get(`/api/v1/calendars/${copy.id}/events?limit=10`, { headers: user.auth }), 200, EventsEnvelope);
  expect(after[0]!.reminders).toEqual(r(1440));
});

test("CalDAV PUT/GET – a VALARM round-trips as a reminder; a PUT without alarms removes them", async ({ request }) => {
  const { user, calendar, base } = await setup(request, { default_reminders: r(99) });
  const url = `/dav/calendars/${user.id}/${calendar.id}/alarm-1.ics`;
  const body = (alarms: string[]) =>
    ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//SweetDate tests//EN", "BEGIN:VEVENT", "UID:alarm-1@test", "DTSTAMP:20260101T000000Z", "DTSTART:20260302T090000Z", "DTEND:20260302T100000Z", "SUMMARY:Dentist", ...alarms, "END:VEVENT", "END:VCALENDAR", ""].join("\r\n");
  const alarm = (trigger: string) => ["BEGIN:VALARM", "ACTION:DISPLAY", "DESCRIPTION:Dentist", trigger, "END:VALARM"];
  expect((await dav(request, user, "PUT", url, { body: body([...alarm("TRIGGER:-PT15M"), ...alarm("TRIGGER;RELATED=START:-P1D")]), headers: { "content-type": "text/calendar" } })).status()).toBe(201);
  const { events } = await expectBody(await request.get(`${base}?limit=10`, { headers: user.auth }), 200, EventsEnvelope);
  expect(events.map((e) => [e.title, e.reminders])).toEqual([["Dentist", r(15, 1440)]]);
  const got = await (await dav(request, user, "GET", url)).text();
  expect(got.match(/TRIGGER:[^\r\n]+/g)).toEqual(["TRIGGER:-PT15M", "TRIGGER:-P1D"]);
  // What the client sends next replaces them: no VALARM = no reminders.
  expect((await dav(request, user, "PUT", url, { body: body([]).replace("SUMMARY:Dentist", "SUMMARY:Dentist (moved)"), headers: { "content-type": "text/calendar" } })).status()).toBe(204);
  const { event } = await expectBody(await request.get(`${base}/${events[0]!.id}`, { headers: user.auth }), 200, EventEnvelope);
  expect(event).toMatchObject({ title: "Dentist (moved)", reminders: [] });
  expect(await (await dav(request, user, "GET", url)).text()).not.toContain("VALARM");
});
