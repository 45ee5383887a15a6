// Export (ETag/304), private feeds, import rules and subscribed calendars over real HTTP.
import http from "node:http";
import { expect, request as playwrightRequest, test, type APIRequestContext } from "@playwright/test";
import { CalendarEnvelope, EventEnvelope, EventsEnvelope, FeedEnvelope, Ok, RefreshEnvelope } from "../../../lib/api/sweetdate/schemas.ts";
import { BASE_URL, expectBody, expectError, newCalendar, newUser } from "../../helpers.ts";
import { apiOccurrences, exportText, importText } from "./ical-helpers.ts";

const ics = (body: string) => `BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n${body.trim().split("\n").join("\r\n")}\r\nEND:VCALENDAR\r\n`;

async function anonymous(): Promise<APIRequestContext> {
  return playwrightRequest.newContext({ baseURL: BASE_URL });
}

test("GET /api/v1/calendars/:cid/ics – text/calendar with an ETag; If-None-Match → 304; a change → a new ETag; non-members 404", async ({ request }) => {
  const user = await newUser(request);
  const calendar = await newCalendar(request, user);
  await expectBody(await request.post(`/api/v1/calendars/${calendar.id}/events`, { headers: user.auth, data: { title: "One", starts_at: "2025-05-01T10:00:00Z", ends_at: "2025-05-01T11:00:00Z" } }), 201, EventEnvelope);
  const first = await request.get(`/api/v1/calendars/${calendar.id}/ics`, { headers: user.auth });
  expect(first.status()).toBe(200);
  expect(first.headers()["content-type"]).toContain("text/calendar");
  const etag = first.headers()["etag"]!;
  expect(etag).toMatch(/^".+"$/);
  expect(await first.text()).toContain("SUMMARY:One");
  const again = await request.get(`/api/v1/calendars/${calendar.id}/ics`, { headers: { ...user.auth, "if-none-match": etag } });
  expect(again.status()).toBe(304);
  expect(await again.text()).toBe("");
  await expectBody(await request.post(`/api/v1/calendars/${calendar.id}/events`, { headers: user.auth, data: { title: "Two", starts_at: "2025-05-02T10:00:00Z", ends_at: "2025-05-02T11:00:00Z" } }), 201, EventEnvelope);
  const changed = await request.get(`/api/v1/calendars/${calendar.id}/ics`, { headers: { ...user.auth, "if-none-match": etag } });
  expect(changed.status()).toBe(200);
  expect(changed.headers()["etag"]).not.toBe(etag);
  const stranger = await newUser(request);
  await expectError(await request.get(`/api/v1/calendars/${calendar.id}/ics`, { headers: stranger.auth }), 404, "NOT_FOUND");
  await expectError(await request.get(`/api/v1/calendars/${calendar.id}/ics`), 401, "UNAUTHORIZED");
});

test("POST|DELETE /api/v1/calendars/:cid/feed – a header-less URL showing what its owner sees; rotation and revocation kill the old URL at once", async ({ request }) => {
  const owner = await newUser(request);
  const member = await newUser(request);
  const calendar = await newCalendar(request, owner);
  await request.post(`/api/v1/calendars/${calendar.id}/users`, { headers: owner.auth, data: { user_id: member.id, role: "member" } });
  const base = `/api/v1/calendars/${calendar.id}/events`;
  await expectBody(await request.post(base, { headers: owner.auth, data: { title: "Owner's secret", visibility: "private", starts_at: "2025-05-01T10:00:00Z", ends_at: "2025-05-01T11:00:00Z" } }), 201, EventEnvelope);
  await expectBody(await request.post(base, { headers: owner.auth, data: { title: "Team lunch", starts_at: "2025-05-02T10:00:00Z", ends_at: "2025-05-02T11:00:00Z" } }), 201, EventEnvelope);

  const { feed } = await expectBody(await request.post(`/api/v1/calendars/${calendar.id}/feed`, { headers: member.auth }), 201, FeedEnvelope);
  expect(feed.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/feeds\/[A-Za-z0-9_-]{20,}\.ics$/);
  const path = new URL(feed.url).pathname;
  const anon = await anonymous();
  const got = await anon.get(path);
  expect(got.status()).toBe(200);
  expect(got.headers()["content-type"]).toContain("text/calendar");
  const text = await got.text();
  expect(text).toContain("SUMMARY:Team lunch");
  expect(text).not.toContain("Owner's secret");
  expect(text).toMatch(/REFRESH-INTERVAL;VALUE=DURATION:PT60M/);
  expect(text).toContain("X-PUBLISHED-TTL:PT60M");
  expect((await anon.get(path, { headers: { "if-none-match": got.headers()["etag"]! } })).status()).toBe(304);

  // The owner's own feed shows the private event.
  const ownerFeed = (await expectBody(await request.post(`/api/v1/calendars/${calendar.id}/feed`, { headers: owner.auth }), 201, FeedEnvelope)).feed;
  expect(await (await anon.get(new URL(ownerFeed.url).pathname)).text()).toContain("Owner's secret");

  // Rotation: the old URL is dead at once, the new one works.
  const rotated = (await expectBody(await request.post(`/api/v1/calendars/${calendar.id}/feed`, { headers: member.auth }), 201, FeedEnvelope)).feed;
  expect(rotated.url).not.toBe(feed.url);
  expect((await anon.get(path)).status()).toBe(404);
  expect((await anon.get(new URL(rotated.url).pathname)).status()).toBe(200);
  // Revocation.
  await expectBody(await request.delete(`/api/v1/calendars/${calendar.id}/feed`, { headers: member.auth }), 200, Ok);
  expect((await anon.get(new URL(rotated.url).pathname)).status()).toBe(404);
  expect((await anon.get("/feeds/not-a-real-secret-at-all.ics")).status()).toBe(404);
  // Leaving the calendar ends the feed too.
  const leaverFeed = (await expectBody(await request.post(`/api/v1/calendars/${calendar.id}/feed`, { headers: member.auth }), 201, FeedEnvelope)).feed;
  await request.delete(`/api/v1/calendars/${calendar.id}/users/${member.id}`, { headers: member.auth });
  expect((await anon.get(new URL(leaverFeed.url).pathname)).status()).toBe(404);
  await anon.dispose();
});

test("POST /api/v1/calendars/:cid/import – Windows zones, floating times, repaired UIDs, orphan overrides, unknown zones; one bad event fails alone; SEQUENCE decides updates", async ({ request }) => {
  const user = await newUser(request);
  const calendar = await newCalendar(request, user, { time_zone: "America/Chicago" });
  const text = ics(`
BEGIN:VEVENT
UID:win-1
DTSTART;TZID="W. Europe Standard Time":20250707T100000
DTEND;TZID="W. Europe Standard Time":20250707T110000
RRULE:FREQ=DAILY;COUNT=3
EXDATE;TZID="W. Europe Standard Time":20250708T100000
SUMMARY:Outlook series
END:VEVENT
BEGIN:VEVENT
UID:floating-1
DTSTART:20250710T090000
DTEND:20250710T100000
SUMMARY:Floating
END:VEVENT
BEGIN:VEVENT
DTSTART:20250711T090000Z
DTEND:20250711T100000Z
SUMMARY:No UID
END:VEVENT
BEGIN:VEVENT
UID:orphan-1
RECURRENCE-ID:20250712T090000Z
DTSTART:20250712T120000Z
DTEND:20250712T130000Z
SUMMARY:Orphan
END:VEVENT
BEGIN:VEVENT
UID:mars-1
DTSTART;TZID=Mars/Olympus_Mons:20250713T090000
DTEND;TZID=Mars/Olympus_Mons:20250713T100000
SUMMARY:Unknown zone
END:VEVENT
BEGIN:VEVENT
UID:bad-1
SUMMARY:No start at all
END:VEVENT
BEGIN:VEVENT
UID:allday-1
DTSTART;VALUE=DATE:20250714
SUMMARY:All day
END:VEVENT`);
  const first = await importText(request, user, calendar.id, text);
  expect(first.created).toBe(6);
  expect(first.failed).toEqual([{ uid: "bad-1", reason: expect.stringContaining("DTSTART") }]);
  expect(first.warnings.map((w) => w.uid)).toEqual(expect.arrayContaining(["mars-1", "orphan-1"]));
  const list = await apiOccurrences(request, user, calendar.id, "2025-07-01T00:00:00Z", "2025-08-01T00:00:00Z");
  expect(list).toEqual([
    { start: "2025-07-07T08:00:00Z", end: "2025-07-07T09:00:00Z", summary: "Outlook series" },
    { start: "2025-07-09T08:00:00Z", end: "2025-07-09T09:00:00Z", summary: "Outlook series" },
    { start: "2025-07-10T14:00:00Z", end: "2025-07-10T15:00:00Z", summary: "Floating" }, // 09:00 in Chicago
    { start: "2025-07-11T09:00:00Z", end: "2025-07-11T10:00:00Z", summary: "No UID" },
    { start: "2025-07-12T12:00:00Z", end: "2025-07-12T13:00:00Z", summary: "Orphan" },
    { start: "2025-07-13T14:00:00Z", end: "2025-07-13T15:00:00Z", summary: "Unknown zone" },
    { start: "2025-07-14", end: "2025-07-15", summary: "All day" },
  ]);
  const stored = (await expectBody(await request.get(`/api/v1/calendars/${calendar.id}/events?limit=100`, { headers: user.auth }), 200, EventsEnvelope)).events;
  expect(stored.find((e) => e.title === "Outlook series")).toMatchObject({ time_zone: "Europe/Berlin", rrule: "FREQ=DAILY;COUNT=3", ics_feed_id: null, editable: true });

  // Same file: nothing changes (the generated UID is stable).
  expect(await importText(request, user, calendar.id, text)).toMatchObject({ created: 0, updated: 0, unchanged: 6 });
  // A newer SEQUENCE updates; an older one does not.
  const newer = ics(`
BEGIN:VEVENT
UID:floating-1
SEQUENCE:2
DTSTART:20250710T090000
DTEND:20250710T103000
SUMMARY:Floating (longer)
END:VEVENT`);
  expect(await importText(request, user, calendar.id, newer)).toMatchObject({ created: 0, updated: 1, unchanged: 0 });
  const older = newer.replace("SEQUENCE:2", "SEQUENCE:1").replace("(longer)", "(stale)");
  expect(await importText(request, user, calendar.id, older)).toMatchObject({ created: 0, updated: 0, unchanged: 1 });
  const after = await apiOccurrences(request, user, calendar.id, "2025-07-10T00:00:00Z", "2025-07-11T00:00:00Z");
  expect(after).toEqual([{ start: "2025-07-10T14:00:00Z", end: "2025-07-10T15:30:00Z", summary: "Floating (longer)" }]);

  // Wrong media type, not iCalendar, guests.
  await expectError(await request.post(`/api/v1/calendars/${calendar.id}/import`, { headers: user.auth, data: { x: 1 } }), 415, "UNSUPPORTED_MEDIA_TYPE");
  await expectError(await request.post(`/api/v1/calendars/${calendar.id}/import`, { headers: { ...user.auth, "content-type": "text/calendar" }, data: "hello" }), 400, "BAD_REQUEST");
  const guest = await newUser(request);
  await request.post(`/api/v1/calendars/${calendar.id}/users`, { headers: user.auth, data: { user_id: guest.id, role: "guest" } });
  await expectError(await request.post(`/api/v1/calendars/${calendar.id}/import`, { headers: { ...guest.auth, "content-type": "text/calendar" }, data: text }), 403, "FORBIDDEN");
});

/** A feed served by the test itself; `body` can change between requests. */
async function feedServer() {
  const state = { body: "", etag: '"v1"', requests: [] as { ifNoneMatch: string | undefined }[] };
  const server = http.createServer((req, res) => {
    state.requests.push({ ifNoneMatch: req.headers["if-none-match"] });
    if (req.headers["if-none-match"] === state.etag) {
      res.writeHead(304, { etag: state.etag });
      return res.end();
    }
    res.writeHead(200, { "content-type": "text/calendar", etag: state.etag });
    res.end(state.body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as { port: number }).port;
  return { state, url: `http://127.0.0.1:${port}/holidays.ics`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

test("POST /api/v1/calendars with source_url – a read-only calendar filled from the feed; refresh picks up changes; 304 when nothing changed", async ({ request }) => {
  const feed = await feedServer();
  feed.state.body = ics(`
X-WR-CALNAME:Holidays
REFRESH-INTERVAL;VALUE=DURATION:PT6H
BEGIN:VEVENT
UID:h-1
DTSTART;VALUE=DATE:20251225
SUMMARY:Christmas
END:VEVENT
BEGIN:VEVENT
UID:h-2
DTSTART;VALUE=DATE:20251226
SUMMARY:Boxing Day
END:VEVENT`);
  try {
    const user = await newUser(request);
    const { calendar } = await expectBody(await request.post("/api/v1/calendars", { headers: user.auth, data: { name: "Holidays", source_url: feed.url } }), 201, CalendarEnvelope);
    expect(calendar.source_url).toBe(feed.url);
    const base = `/api/v1/calendars/${calendar.id}/events`;
    const window = "from=2025-12-01T00:00:00Z&to=2026-01-01T00:00:00Z&limit=100";
    let events = (await expectBody(await request.get(`${base}?${window}`, { headers: user.auth }), 200, EventsEnvelope)).events;
    expect(events.map((e) => e.title)).toEqual(["Christmas", "Boxing Day"]);
    const feedId = events[0]!.ics_feed_id;
    expect(Number.isInteger(feedId)).toBe(true);
    expect(events.every((e) => e.ics_feed_id === feedId && !e.editable)).toBe(true);

    // Read-only: create, change, delete, import all answer 403 READ_ONLY.
    await expectError(await request.post(base, { headers: user.auth, data: { title: "Mine", starts_at: "2025-12-03T10:00:00Z", ends_at: "2025-12-03T11:00:00Z" } }), 403, "READ_ONLY");
    await expectError(await request.put(`${base}/${events[0]!.id}`, { headers: user.auth, data: { title: "Changed" } }), 403, "READ_ONLY");
    await expectError(await request.delete(`${base}/${events[0]!.id}`, { headers: user.auth }), 403, "READ_ONLY");
    await expectError(await request.post(`/api/v1/calendars/${calendar.id}/import`, { headers: { ...user.auth, "content-type": "text/calendar" }, data: feed.state.body }), 403, "READ_ONLY");

    // Nothing changed: the server asks conditionally and gets a 304.
    const same = await expectBody(await request.post(`/api/v1/calendars/${calendar.id}/refresh`, { headers: user.auth }), 200, RefreshEnvelope);
    expect(same.refresh.result).toBe("not_modified");
    expect(feed.state.requests.at(-1)!.ifNoneMatch).toBe('"v1"');

    // The feed changes: one event renamed, one gone, one new.
    feed.state.etag = '"v2"';
    feed.state.body = ics(`
BEGIN:VEVENT
UID:h-1
SEQUENCE:1
DTSTART;VALUE=DATE:20251225
SUMMARY:Christmas Day
END:VEVENT
BEGIN:VEVENT
UID:h-3
DTSTART;VALUE=DATE:20251231
SUMMARY:New Year's Eve
END:VEVENT`);
    const changed = await expectBody(await request.post(`/api/v1/calendars/${calendar.id}/refresh`, { headers: user.auth }), 200, RefreshEnvelope);
    expect(changed.refresh).toMatchObject({ result: "updated", created: 1, updated: 1, unchanged: 0, deleted: 1 });
    events = (await expectBody(await request.get(`${base}?${window}`, { headers: user.auth }), 200, EventsEnvelope)).events;
    expect(events.map((e) => [e.title, e.ics_feed_id])).toEqual([["Christmas Day", feedId], ["New Year's Eve", feedId]]);

    // Not a subscription → 422; a bad URL → 422.
    const plain = await newCalendar(request, user);
    await expectError(await request.post(`/api/v1/calendars/${plain.id}/refresh`, { headers: user.auth }), 422, "VALIDATION_ERROR");
    const bad = await expectError(await request.post("/api/v1/calendars", { headers: user.auth, data: { name: "x", source_url: "ftp://example.com/x.ics" } }), 422, "VALIDATION_ERROR");
    expect(bad.fields?.source_url).toBeDefined();
    await expectError(await request.put(`/api/v1/calendars/${plain.id}`, { headers: user.auth, data: { source_url: feed.url } }), 422, "VALIDATION_ERROR");
  } finally {
    await feed.close();
  }
});

test("GET /api/v1/calendars/:cid/ics – an imported event keeps its UID; exports of other events use their id", async ({ request }) => {
  const user = await newUser(request);
  const calendar = await newCalendar(request, user);
  await importText(request, user, calendar.id, ics(`
BEGIN:VEVENT
UID:keep-me@example.com
DTSTART:20250601T100000Z
DTEND:20250601T110000Z
SUMMARY:Imported
END:VEVENT`));
  const { event } = await expectBody(await request.post(`/api/v1/calendars/${calendar.id}/events`, { headers: user.auth, data: { title: "Native", starts_at: "2025-06-02T10:00:00Z", ends_at: "2025-06-02T11:00:00Z" } }), 201, EventEnvelope);
  const text = await exportText(request, user, calendar.id);
  expect(text).toContain("UID:keep-me@example.com");
  expect(text).toContain(`UID:${event.id}`);
});
