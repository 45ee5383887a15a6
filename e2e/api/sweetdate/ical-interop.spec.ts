// Our iCalendar read by independent readers (Debian's python3-icalendar + python3-recurring-ical-events):
// the same occurrences (start, end, summary) as our API's window list; and export → import round trips.
import { expect, test, type APIRequestContext } from "@playwright/test";
import { CalendarEnvelope, EventEnvelope, MemberEnvelope } from "../../../lib/api/sweetdate/schemas.ts";
import { expectBody, newCalendar, newUser, type TestUser } from "../../helpers.ts";
import { apiOccurrences, exportText, importText, pythonOccurrences, startingIn } from "./ical-helpers.ts";

const FROM = "2025-03-01T00:00:00Z";
const TO = "2025-06-01T00:00:00Z";

/** A calendar with what the issue lists: DST, an override, an EXDATE, all-day, private/busy, several zones. */
async function richCalendar(request: APIRequestContext) {
  const owner = await newUser(request, { name: "Owner" });
  const reader = await newUser(request, { name: "Reader" });
  const calendar = await newCalendar(request, owner, { time_zone: "Europe/Berlin" });
  await expectBody(await request.post(`/api/v1/calendars/${calendar.id}/users`, { headers: owner.auth, data: { user_id: reader.id, role: "member" } }), 201, MemberEnvelope);
  const base = `/api/v1/calendars/${calendar.id}/events`;
  const create = async (data: Record<string, unknown>, user: TestUser = owner) => (await expectBody(await request.post(base, { headers: user.auth, data }), 201, EventEnvelope)).event;
  // Weekly Monday 09:00 Berlin across the change to summer time (30 March 2025): 08:00Z, then 07:00Z.
  const weekly = await create({ title: "Weekly planning #team", description: "Agenda in the doc", location: "Room 1", starts_at: "2025-03-10T08:00:00Z", ends_at: "2025-03-10T09:00:00Z", time_zone: "Europe/Berlin", rrule: "FREQ=WEEKLY;BYDAY=MO;COUNT=10" });
  // An override (moved and renamed) and an EXDATE (one occurrence deleted).
  await expectBody(await request.put(`${base}/${weekly.id}_20250331T070000Z?scope=this`, { headers: owner.auth, data: { title: "Planning (moved)", starts_at: "2025-04-01T12:00:00Z", ends_at: "2025-04-01T13:30:00Z" } }), 200, EventEnvelope);
  expect((await request.delete(`${base}/${weekly.id}_20250414T070000Z?scope=this`, { headers: owner.auth })).status()).toBe(200);
  // All-day: a two-day single event and a monthly all-day series.
  await create({ title: "Offsite", all_day: true, starts_at: "2025-04-10", ends_at: "2025-04-12" });
  await create({ title: "Payday", all_day: true, starts_at: "2025-03-25", ends_at: "2025-03-26", rrule: "FREQ=MONTHLY;BYMONTHDAY=25" });
  // Several zones: New York across its own DST change (9 March), Tokyo (none), UTC.
  await create({ title: "NY standup", starts_at: "2025-03-03T14:30:00Z", ends_at: "2025-03-03T14:45:00Z", time_zone: "America/New_York", rrule: "FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR;UNTIL=20250321T235959Z" });
  await create({ title: "Tokyo sync", starts_at: "2025-03-05T01:00:00Z", ends_at: "2025-03-05T02:00:00Z", time_zone: "Asia/Tokyo", rrule: "FREQ=WEEKLY;INTERVAL=2;COUNT=6" });
  await create({ title: "UTC deploy", starts_at: "2025-05-02T22:00:00Z", ends_at: "2025-05-02T23:30:00Z", time_zone: "UTC" });
  // Redaction: the owner's private event (absent for the reader) and busy event ("Busy" for the reader).
  await create({ title: "Doctor", description: "private!", starts_at: "2025-03-12T10:00:00Z", ends_at: "2025-03-12T11:00:00Z", visibility: "private" });
  await create({ title: "Interview with Sam", location: "Secret room", starts_at: "2025-03-13T10:00:00Z", ends_at: "2025-03-13T11:00:00Z", visibility: "busy", rrule: "FREQ=WEEKLY;COUNT=3" });
  return { owner, reader, calendar };
}

test("GET /api/v1/calendars/:cid/ics – recurring_ical_events expands the same occurrences as our window list (DST, override, EXDATE, all-day, zones, redaction)", async ({ request }) => {
  const { owner, reader, calendar } = await richCalendar(request);
  for (const user of [owner, reader]) {
    const text = await exportText(request, user, calendar.id);
    const theirs = startingIn(await pythonOccurrences(text, FROM, TO), FROM, TO);
    const ours = startingIn(await apiOccurrences(request, user, calendar.id, FROM, TO), FROM, TO);
    expect(theirs.length).toBeGreaterThan(30);
    expect(theirs).toEqual(ours);
    if (user === reader) {
      expect(text).not.toContain("Doctor");
      expect(text).not.toContain("Interview");
      expect(text).not.toContain("Secret room");
      expect(theirs.filter((o) => o.summary === "Busy")).toHaveLength(3);
    } else {
      expect(theirs.filter((o) => o.summary === "Doctor")).toHaveLength(1);
    }
  }
  const text = await exportText(request, owner, calendar.id);
  // The facts the comparison rests on, spelled out once.
  const theirs = await pythonOccurrences(text, FROM, TO);
  expect(theirs).toContainEqual({ start: "2025-03-24T08:00:00Z", end: "2025-03-24T09:00:00Z", summary: "Weekly planning #team" });
  expect(theirs).toContainEqual({ start: "2025-04-07T07:00:00Z", end: "2025-04-07T08:00:00Z", summary: "Weekly planning #team" });
  expect(theirs).toContainEqual({ start: "2025-04-01T12:00:00Z", end: "2025-04-01T13:30:00Z", summary: "Planning (moved)" });
  expect(theirs.filter((o) => o.start.startsWith("2025-03-31") || o.start.startsWith("2025-04-14"))).toEqual([]);
  expect(theirs).toContainEqual({ start: "2025-04-10", end: "2025-04-12", summary: "Offsite" });
  expect(theirs).toContainEqual({ start: "2025-04-25", end: "2025-04-26", summary: "Payday" });
  expect(text).toMatch(/DTSTART;TZID=Europe\/Berlin:20250310T090000/);
  expect(text).toMatch(/BEGIN:VTIMEZONE\r\nTZID:America\/New_York/);
  expect(text).toContain("CATEGORIES:team");
});

test("POST /api/v1/calendars/:cid/import – export → import into a new calendar gives the same occurrences; a second import changes nothing", async ({ request }) => {
  const { owner, calendar } = await richCalendar(request);
  const text = await exportText(request, owner, calendar.id);
  const copy = await newCalendar(request, owner, { name: "Copy", time_zone: "Asia/Tokyo" });
  const first = await importText(request, owner, copy.id, text);
  // Counted per UID: the weekly series with its override is one.
  expect(first).toMatchObject({ created: 8, updated: 0, unchanged: 0, failed: [] });
  const original = await apiOccurrences(request, owner, calendar.id, FROM, TO);
  const copied = await apiOccurrences(request, owner, copy.id, FROM, TO);
  expect(copied).toEqual(original);
  const second = await importText(request, owner, copy.id, text);
  expect(second).toMatchObject({ created: 0, updated: 0, unchanged: 8, failed: [] });
  // The copy exports the same UIDs, and re-reading that export changes nothing either.
  const again = await exportText(request, owner, copy.id);
  const uids = (t: string) => [...new Set(t.match(/^UID:.*$/gm))].sort();
  expect(uids(again)).toEqual(uids(text));
  expect(await importText(request, owner, copy.id, again)).toMatchObject({ created: 0, updated: 0, unchanged: 8 });
  const { calendar: fresh } = await expectBody(await request.get(`/api/v1/calendars/${copy.id}`, { headers: owner.auth }), 200, CalendarEnvelope);
  expect(fresh.time_zone).toBe("Asia/Tokyo");
});
