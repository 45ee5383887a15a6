// CalDAV (SPEC §13) at the protocol level, over real HTTP against the built app: discovery,
// properties, GET/PUT/DELETE with ETags and preconditions, the three REPORTs, access rules.
import { expect, test, type APIRequestContext } from "@playwright/test";
import { CalendarsEnvelope, EventEnvelope, EventsEnvelope, MemberEnvelope } from "../../../lib/api/sweetdate/schemas.ts";
import { child, NS } from "../../../lib/dav/xml.ts";
import { expectBody, newCalendar, newUser, type TestUser } from "../../helpers.ts";
import { dav, hrefText, multistatus, propfindBody, vcalendar, vevent } from "./dav-helpers.ts";

const home = (user: TestUser) => `/dav/calendars/${user.id}/`;

async function setup(request: APIRequestContext) {
  const user = await newUser(request, { name: "Dav Owner" });
  const calendar = await newCalendar(request, user, { name: "Dav calendar", color: "#10b981", time_zone: "Europe/Berlin" });
  return { user, calendar, collection: `${home(user)}${calendar.id}/`, api: `/api/v1/calendars/${calendar.id}/events` };
}

test("OPTIONS /dav/ – advertises DAV 1, 3 and calendar-access without credentials", async ({ request }) => {
  const response = await dav(request, null, "OPTIONS", "/dav/");
  expect(response.status()).toBe(200);
  expect(response.headers()["dav"]).toContain("calendar-access");
  expect(response.headers()["allow"]).toContain("PROPFIND");
  expect(response.headers()["allow"]).toContain("REPORT");
});

test("/.well-known/caldav – redirects to the DAV root (RFC 6764)", async ({ request }) => {
  for (const method of ["GET", "PROPFIND"]) {
    const response = await dav(request, null, method, "/.well-known/caldav");
    expect(response.status()).toBe(301);
    expect(response.headers()["location"]).toBe("/dav/");
  }
});

test("PROPFIND /dav/ – 401 with a Basic challenge without credentials, with the account password, or with another account's token", async ({ request }) => {
  const user = await newUser(request);
  const other = await newUser(request);
  const none = await dav(request, null, "PROPFIND", "/dav/", { headers: { depth: "0" } });
  expect(none.status()).toBe(401);
  expect(none.headers()["www-authenticate"]).toMatch(/^Basic realm=/);
  const password = await dav(request, { ...user, token: user.password }, "PROPFIND", "/dav/", { headers: { depth: "0" } });
  expect(password.status()).toBe(401);
  const foreign = await dav(request, { ...user, token: other.token }, "PROPFIND", "/dav/", { headers: { depth: "0" } });
  expect(foreign.status()).toBe(401);
  const garbage = await dav(request, null, "PROPFIND", "/dav/", { headers: { depth: "0", authorization: "Basic %%%" } });
  expect(garbage.status()).toBe(401);
});

test("discovery – root → principal → calendar home → one collection per calendar the user belongs to (shared ones included)", async ({ request }) => {
  const { user, calendar } = await setup(request);
  const friend = await newUser(request, { name: "Friend" });
  const theirs = await newCalendar(request, friend, { name: "Friend's shared" });
  const secret = await newCalendar(request, friend, { name: "Friend's secret" });
  await expectBody(await request.post(`/api/v1/calendars/${theirs.id}/users`, { headers: friend.auth, data: { user_id: user.id, role: "member" } }), 201, MemberEnvelope);

  const root = await multistatus(await dav(request, user, "PROPFIND", "/dav/", { body: propfindBody([[NS.DAV, "current-user-principal"]]), headers: { depth: "0" } }));
  const principal = hrefText(root.entries[0]!.props.get(`{${NS.DAV}}current-user-principal`));
  expect(principal).toBe(`/dav/principals/${user.id}/`);

  const p = await multistatus(await dav(request, user, "PROPFIND", principal!, { body: propfindBody([[NS.CALDAV, "calendar-home-set"], [NS.CALDAV, "calendar-user-address-set"], [NS.DAV, "displayname"]]), headers: { depth: "0" } }));
  expect(hrefText(p.entries[0]!.props.get(`{${NS.CALDAV}}calendar-home-set`))).toBe(home(user));
  expect(hrefText(p.entries[0]!.props.get(`{${NS.CALDAV}}calendar-user-address-set`))).toBe(`mailto:${user.email}`);
  expect(p.entries[0]!.props.get(`{${NS.DAV}}displayname`)?.text).toBe("Dav Owner");

  const h = await multistatus(
    await dav(request, user, "PROPFIND", home(user), { body: propfindBody([[NS.DAV, "resourcetype"], [NS.DAV, "displayname"], [NS.APPLE, "calendar-color"], [NS.CALDAV, "supported-calendar-component-set"], [NS.CS, "getctag"], [NS.DAV, "sync-token"]]), headers: { depth: "1" } }),
  );
  const collections = h.entries.filter((e) => child(e.props.get(`{${NS.DAV}}resourcetype`), NS.CALDAV, "calendar"));
  expect(collections.map((c) => c.props.get(`{${NS.DAV}}displayname`)?.text).sort()).toEqual(["Dav calendar", "Friend's shared"]);
  const mine = collections.find((c) => c.href === `${home(user)}${calendar.id}/`)!;
  expect(mine.props.get(`{${NS.APPLE}}calendar-color`)?.text).toBe("#10B981");
  expect(child(mine.props.get(`{${NS.CALDAV}}supported-calendar-component-set`), NS.CALDAV, "comp")?.attrs.name).toBe("VEVENT");
  expect(mine.props.get(`{${NS.CS}}getctag`)?.text).toBeTruthy();
  expect(mine.props.get(`{${NS.DAV}}sync-token`)?.text).toBe(mine.props.get(`{${NS.CS}}getctag`)?.text);
  expect(JSON.stringify(h.entries.map((e) => e.href))).not.toContain(secret.id);

  // Someone else's tree is not found, whatever the path.
  expect((await dav(request, user, "PROPFIND", `/dav/calendars/${friend.id}/`, { headers: { depth: "0" } })).status()).toBe(404);
  expect((await dav(request, user, "PROPFIND", `${home(user)}${secret.id}/`, { headers: { depth: "0" } })).status()).toBe(404);
});

test("GET/PUT/DELETE – strong ETags, If-None-Match: *, If-Match; the UID and href a client chose are kept; REST sees the same event", async ({ request }) => {
  const { user, collection, api } = await setup(request);
  const body = vcalendar(
    "BEGIN:VTIMEZONE\r\nTZID:America/New_York\r\nBEGIN:STANDARD\r\nDTSTART:19701101T020000\r\nRRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU\r\nTZOFFSETFROM:-0400\r\nTZOFFSETTO:-0500\r\nEND:STANDARD\r\nBEGIN:DAYLIGHT\r\nDTSTART:19700308T020000\r\nRRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU\r\nTZOFFSETFROM:-0500\r\nTZOFFSETTO:-0400\r\nEND:DAYLIGHT\r\nEND:VTIMEZONE",
    vevent({ UID: "client-chosen-uid@example.test", "DTSTART;TZID=America/New_York": "20260310T090000", "DTEND;TZID=America/New_York": "20260310T100000", SUMMARY: "Written over CalDAV", LOCATION: "Room 7" }),
  );
  const url = `${collection}client%20chosen.ics`;
  const created = await dav(request, user, "PUT", url, { body, headers: { "if-none-match": "*" } });
  expect(created.status(), await created.text()).toBe(201);
  const etag = created.headers()["etag"];
  expect(etag).toMatch(/^"[^"]+"$/);

  const again = await dav(request, user, "PUT", url, { body, headers: { "if-none-match": "*" } });
  expect(again.status()).toBe(412);

  const get = await dav(request, user, "GET", url);
  expect(get.status()).toBe(200);
  expect(get.headers()["content-type"]).toContain("text/calendar");
  expect(get.headers()["etag"]).toBe(etag);
  const text = await get.text();
  expect(text).toContain("UID:client-chosen-uid@example.test");
  expect(text).toContain("SUMMARY:Written over CalDAV");
  expect(text).toMatch(/DTSTART;TZID=America\/New_York:20260310T090000/);

  // The REST API sees it, in the zone its TZID named.
  const { events } = await expectBody(await request.get(api, { headers: user.auth }), 200, EventsEnvelope);
  expect(events).toHaveLength(1);
  expect(events[0]).toMatchObject({ title: "Written over CalDAV", time_zone: "America/New_York", starts_at: "2026-03-10T13:00:00Z", location: "Room 7" });

  const stale = await dav(request, user, "PUT", url, { body: body.replace("Room 7", "Room 8"), headers: { "if-match": '"not-the-etag"' } });
  expect(stale.status()).toBe(412);
  const updated = await dav(request, user, "PUT", url, { body: body.replace("Room 7", "Room 8"), headers: { "if-match": etag! } });
  expect(updated.status(), await updated.text()).toBe(204);
  const newEtag = updated.headers()["etag"];
  expect(newEtag).toBeTruthy();
  expect(newEtag).not.toBe(etag);
  const { event } = await expectBody(await request.get(`${api}/${events[0]!.id}`, { headers: user.auth }), 200, EventEnvelope);
  expect(event.location).toBe("Room 8");

  expect((await dav(request, user, "DELETE", url, { headers: { "if-match": etag! } })).status()).toBe(412);
  expect((await dav(request, user, "DELETE", url, { headers: { "if-match": newEtag! } })).status()).toBe(204);
  expect((await dav(request, user, "GET", url)).status()).toBe(404);
  expect((await request.get(`${api}/${events[0]!.id}`, { headers: user.auth })).status()).toBe(404);
});

test("GET – an API-made series is one resource <uuid>.ics: the master with RRULE/EXDATE and its override by RECURRENCE-ID", async ({ request }) => {
  const { user, collection, api } = await setup(request);
  const { event } = await expectBody(
    await request.post(api, { headers: user.auth, data: { title: "Standup", starts_at: "2026-03-02T08:00:00Z", ends_at: "2026-03-02T08:15:00Z", time_zone: "Europe/Berlin", rrule: "FREQ=DAILY;COUNT=5" } }),
    201,
    EventEnvelope,
  );
  await expectBody(await request.put(`${api}/${event.id}_20260303T080000Z?scope=this`, { headers: user.auth, data: { title: "Standup (moved)", starts_at: "2026-03-03T10:00:00Z", ends_at: "2026-03-03T10:15:00Z" } }), 200, EventEnvelope);
  expect((await request.delete(`${api}/${event.id}_20260304T080000Z?scope=this`, { headers: user.auth })).status()).toBe(200);

  const list = await multistatus(await dav(request, user, "PROPFIND", collection, { body: propfindBody([[NS.DAV, "getetag"]]), headers: { depth: "1" } }));
  const objects = list.entries.filter((e) => e.href !== collection);
  expect(objects.map((o) => o.href)).toEqual([`${collection}${event.id}.ics`]);
  const text = await (await dav(request, user, "GET", objects[0]!.href)).text();
  expect(text.match(/BEGIN:VEVENT/g)).toHaveLength(2);
  expect(text).toContain(`UID:${event.id}`);
  expect(text).toMatch(/RRULE:FREQ=DAILY;COUNT=5/);
  expect(text).toMatch(/EXDATE;TZID=Europe\/Berlin:20260304T090000/);
  expect(text).toMatch(/RECURRENCE-ID;TZID=Europe\/Berlin:20260303T090000/);
  expect(text).toContain("SUMMARY:Standup (moved)");
});

test("REPORT calendar-query – a time range matches expanded occurrences, not only stored starts; multiget returns data and ETags", async ({ request }) => {
  const { user, collection, api } = await setup(request);
  const weekly = await expectBody(await request.post(api, { headers: user.auth, data: { title: "Weekly", starts_at: "2025-01-06T09:00:00Z", ends_at: "2025-01-06T10:00:00Z", rrule: "FREQ=WEEKLY" } }), 201, EventEnvelope);
  const ended = await expectBody(await request.post(api, { headers: user.auth, data: { title: "Ended", starts_at: "2025-01-07T09:00:00Z", ends_at: "2025-01-07T10:00:00Z", rrule: "FREQ=WEEKLY;COUNT=3" } }), 201, EventEnvelope);
  const single = await expectBody(await request.post(api, { headers: user.auth, data: { title: "Single", starts_at: "2026-03-12T09:00:00Z", ends_at: "2026-03-12T10:00:00Z" } }), 201, EventEnvelope);
  await expectBody(await request.post(api, { headers: user.auth, data: { title: "April", starts_at: "2026-04-12T09:00:00Z", ends_at: "2026-04-12T10:00:00Z" } }), 201, EventEnvelope);

  const query = `<?xml version="1.0"?><c:calendar-query xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav"><d:prop><d:getetag/></d:prop><c:filter><c:comp-filter name="VCALENDAR"><c:comp-filter name="VEVENT"><c:time-range start="20260301T000000Z" end="20260401T000000Z"/></c:comp-filter></c:comp-filter></c:filter></c:calendar-query>`;
  const found = await multistatus(await dav(request, user, "REPORT", collection, { body: query, headers: { depth: "1" } }));
  expect(found.entries.map((e) => e.href).sort()).toEqual([`${collection}${single.event.id}.ics`, `${collection}${weekly.event.id}.ics`].sort());
  expect(found.entries.every((e) => e.props.get(`{${NS.DAV}}getetag`)?.text.startsWith('"'))).toBe(true);
  expect(JSON.stringify(found.entries)).not.toContain(ended.event.id);

  const multiget = `<?xml version="1.0"?><C:calendar-multiget xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav"><D:prop><D:getetag/><C:calendar-data/></D:prop><D:href>${collection}${single.event.id}.ics</D:href><D:href>${collection}missing.ics</D:href></C:calendar-multiget>`;
  const got = await multistatus(await dav(request, user, "REPORT", collection, { body: multiget, headers: { depth: "1" } }));
  const hit = got.entries.find((e) => e.href.endsWith(`${single.event.id}.ics`))!;
  expect(hit.props.get(`{${NS.CALDAV}}calendar-data`)?.text).toContain("SUMMARY:Single");
  expect(hit.props.get(`{${NS.DAV}}getetag`)?.text).toBe((await dav(request, user, "GET", hit.href)).headers()["etag"]);
  expect(got.entries.find((e) => e.href.endsWith("missing.ics"))?.status).toContain("404");

  // A lookup by UID (prop-filter text-match), as clients find one event.
  const byUid = `<?xml version="1.0"?><c:calendar-query xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav"><d:prop><d:getetag/></d:prop><c:filter><c:comp-filter name="VCALENDAR"><c:comp-filter name="VEVENT"><c:prop-filter name="UID"><c:text-match collation="i;octet">${single.event.id}</c:text-match></c:prop-filter></c:comp-filter></c:comp-filter></c:filter></c:calendar-query>`;
  const one = await multistatus(await dav(request, user, "REPORT", collection, { body: byUid, headers: { depth: "1" } }));
  expect(one.entries.map((e) => e.href)).toEqual([`${collection}${single.event.id}.ics`]);
});

test("REPORT sync-collection – full first round, then only what changed (a deletion as 404), a stale or foreign token → 403 valid-sync-token", async ({ request }) => {
  const { user, collection, api } = await setup(request);
  const a = await expectBody(await request.post(api, { headers: user.auth, data: { title: "A", starts_at: "2026-03-02T08:00:00Z", ends_at: "2026-03-02T09:00:00Z" } }), 201, EventEnvelope);
  const b = await expectBody(await request.post(api, { headers: user.auth, data: { title: "B", starts_at: "2026-03-03T08:00:00Z", ends_at: "2026-03-03T09:00:00Z" } }), 201, EventEnvelope);
  const sync = (token: string) =>
    dav(request, user, "REPORT", collection, { body: `<?xml version="1.0"?><d:sync-collection xmlns:d="DAV:"><d:sync-token>${token}</d:sync-token><d:sync-level>1</d:sync-level><d:prop><d:getetag/></d:prop></d:sync-collection>` });
  const first = await multistatus(await sync(""));
  expect(first.entries.map((e) => e.href).sort()).toEqual([`${collection}${a.event.id}.ics`, `${collection}${b.event.id}.ics`].sort());
  expect(first.syncToken).toBeTruthy();

  const nothing = await multistatus(await sync(first.syncToken!));
  expect(nothing.entries).toEqual([]);

  await expectBody(await request.put(`${api}/${a.event.id}`, { headers: user.auth, data: { title: "A2" } }), 200, EventEnvelope);
  expect((await request.delete(`${api}/${b.event.id}`, { headers: user.auth })).status()).toBe(200);
  const delta = await multistatus(await sync(first.syncToken!));
  expect(delta.entries.find((e) => e.href.endsWith(`${a.event.id}.ics`))?.props.get(`{${NS.DAV}}getetag`)).toBeTruthy();
  expect(delta.entries.find((e) => e.href.endsWith(`${b.event.id}.ics`))?.status).toContain("404");
  expect(delta.entries).toHaveLength(2);
  expect(delta.syncToken).not.toBe(first.syncToken);

  for (const bad of ["urn:sweetdate:sync:nonsense", "http://example.com/sync/1", first.syncToken!.replace(/:\d+$/, ":99999")]) {
    const response = await sync(bad);
    expect(response.status(), bad).toBe(403);
    expect(await response.text()).toContain("valid-sync-token");
  }
});

test("REPORT sync-collection and PROPFIND depth 1 – a first sync of a calendar larger than one database query's parameters (2,000 events, 400 series with overrides)", async ({ request }) => {
  test.setTimeout(180_000);
  const { user, calendar, collection } = await setup(request);
  // Bulk through the .ics import: 1,600 single events and 400 weekly series, each with a moved occurrence.
  const stamp = "20260101T000000Z";
  const lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//SweetDate tests//EN"];
  for (let i = 0; i < 2_000; i++) {
    const day = String(1 + (i % 28)).padStart(2, "0");
    const start = `202603${day}T${String(8 + (i % 10)).padStart(2, "0")}0000Z`;
    const end = `202603${day}T${String(9 + (i % 10)).padStart(2, "0")}0000Z`;
    lines.push("BEGIN:VEVENT", `UID:bulk-${i}@test`, `DTSTAMP:${stamp}`, `DTSTART:${start}`, `DTEND:${end}`, `SUMMARY:Bulk ${i}`);
    if (i % 5 === 0) lines.push("RRULE:FREQ=WEEKLY;COUNT=4");
    lines.push("END:VEVENT");
    if (i % 5 === 0) lines.push("BEGIN:VEVENT", `UID:bulk-${i}@test`, `DTSTAMP:${stamp}`, `RECURRENCE-ID:${start}`, `DTSTART:202603${day}T200000Z`, `DTEND:202603${day}T210000Z`, `SUMMARY:Bulk ${i} moved`, "END:VEVENT");
  }
  lines.push("END:VCALENDAR");
  const imported = await request.post(`/api/v1/calendars/${calendar.id}/import`, { headers: { ...user.auth, "content-type": "text/calendar" }, data: lines.join("\r\n") + "\r\n" });
  expect(imported.status(), await imported.text()).toBe(200);

  const first = await multistatus(
    await dav(request, user, "REPORT", collection, { body: `<?xml version="1.0"?><d:sync-collection xmlns:d="DAV:"><d:sync-token/><d:sync-level>1</d:sync-level><d:prop><d:getetag/></d:prop></d:sync-collection>` }),
  );
  expect(new Set(first.entries.map((e) => e.href)).size).toBe(2_000);
  expect(first.entries.every((e) => e.props.get(`{${NS.DAV}}getetag`))).toBe(true);
  const listing = await multistatus(await dav(request, user, "PROPFIND", collection, { body: propfindBody([[NS.DAV, "getetag"]]), headers: { depth: "1" } }));
  expect(listing.entries.filter((e) => e.href !== collection)).toHaveLength(2_000);
});

test("access – a guest reads (busy events redacted, private ones absent) but every write is 403 need-privileges", async ({ request }) => {
  const { user: owner, calendar, api } = await setup(request);
  const guest = await newUser(request, { name: "Guest" });
  await expectBody(await request.post(`/api/v1/calendars/${calendar.id}/users`, { headers: owner.auth, data: { user_id: guest.id, role: "guest" } }), 201, MemberEnvelope);
  const busy = await expectBody(
    await request.post(api, { headers: owner.auth, data: { title: "Doctor", description: "secret", starts_at: "2026-03-05T08:00:00Z", ends_at: "2026-03-05T09:00:00Z", visibility: "busy" } }),
    201,
    EventEnvelope,
  );
  const hidden = await expectBody(await request.post(api, { headers: owner.auth, data: { title: "Hidden", starts_at: "2026-03-06T08:00:00Z", ends_at: "2026-03-06T09:00:00Z", visibility: "private" } }), 201, EventEnvelope);
  const guestCollection = `/dav/calendars/${guest.id}/${calendar.id}/`;

  const list = await multistatus(await dav(request, guest, "PROPFIND", guestCollection, { body: propfindBody([[NS.DAV, "getetag"], [NS.DAV, "current-user-privilege-set"]]), headers: { depth: "1" } }));
  expect(list.entries.map((e) => e.href)).toEqual([guestCollection, `${guestCollection}${busy.event.id}.ics`]);
  const privileges = list.entries[0]!.props.get(`{${NS.DAV}}current-user-privilege-set`)!.children.map((p) => p.children[0]!.name);
  expect(privileges).toContain("read");
  expect(privileges).not.toContain("write-content");

  const text = await (await dav(request, guest, "GET", `${guestCollection}${busy.event.id}.ics`)).text();
  expect(text).toContain("SUMMARY:Busy");
  expect(text).not.toContain("Doctor");
  expect(text).not.toContain("secret");
  expect((await dav(request, guest, "GET", `${guestCollection}${hidden.event.id}.ics`)).status()).toBe(404);

  const put = await dav(request, guest, "PUT", `${guestCollection}new.ics`, { body: vcalendar(vevent({ UID: "guest-new", DTSTART: "20260310T090000Z", DTEND: "20260310T100000Z", SUMMARY: "Nope" })) });
  expect(put.status()).toBe(403);
  expect(await put.text()).toContain("need-privileges");
  const del = await dav(request, guest, "DELETE", `${guestCollection}${busy.event.id}.ics`);
  expect(del.status()).toBe(403);
  expect(await del.text()).toContain("need-privileges");
  // Nothing was written.
  const { events } = await expectBody(await request.get(api, { headers: owner.auth }), 200, EventsEnvelope);
  expect(events.map((e) => e.title).sort()).toEqual(["Doctor", "Hidden"]);
});

test("PUT – malformed iCalendar, a second UID in one resource, or a non-calendar body is a 4xx that writes nothing", async ({ request }) => {
  const { user, collection, api } = await setup(request);
  const bad = [
    "not a calendar",
    vcalendar(vevent({ UID: "one", DTSTART: "20260310T090000Z", DTEND: "20260310T100000Z", SUMMARY: "1" }), vevent({ UID: "two", DTSTART: "20260311T090000Z", DTEND: "20260311T100000Z", SUMMARY: "2" })),
    vcalendar(vevent({ UID: "broken", DTSTART: "yesterday", SUMMARY: "x" })),
  ];
  for (const body of bad) {
    const response = await dav(request, user, "PUT", `${collection}bad.ics`, { body });
    expect(response.status(), body).toBeGreaterThanOrEqual(400);
    expect(response.status(), body).toBeLessThan(500);
  }
  const { events } = await expectBody(await request.get(api, { headers: user.auth }), 200, EventsEnvelope);
  expect(events).toEqual([]);
});

test("MKCALENDAR – makes a calendar the caller owns at the client's name; the API sees it; DELETE of the collection deletes it (owners only)", async ({ request }) => {
  const user = await newUser(request, { name: "Maker" });
  const url = `${home(user)}work-cal/`;
  const body = `<?xml version="1.0"?><C:mkcalendar xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav" xmlns:A="http://apple.com/ns/ical/"><D:set><D:prop><D:displayname>Work</D:displayname><A:calendar-color>#FF8800FF</A:calendar-color></D:prop></D:set></C:mkcalendar>`;
  const made = await dav(request, user, "MKCALENDAR", url, { body });
  expect(made.status(), await made.text()).toBe(201);
  expect((await dav(request, user, "MKCALENDAR", url, { body })).status()).toBe(405);
  expect((await dav(request, user, "MKCOL", `${home(user)}nowhere/deeper/`)).status()).toBe(409);

  const props = await multistatus(await dav(request, user, "PROPFIND", url, { body: propfindBody([[NS.DAV, "displayname"], [NS.APPLE, "calendar-color"], [NS.DAV, "resourcetype"]]), headers: { depth: "0" } }));
  expect(props.entries[0]!.href).toBe(url);
  expect(props.entries[0]!.props.get(`{${NS.DAV}}displayname`)?.text).toBe("Work");
  expect(props.entries[0]!.props.get(`{${NS.APPLE}}calendar-color`)?.text).toBe("#FF8800");
  const { calendars } = await expectBody(await request.get("/api/v1/calendars", { headers: user.auth }), 200, CalendarsEnvelope);
  expect(calendars.map((c) => [c.name, c.role])).toEqual([["Work", "owner"]]);

  // An event PUT into it lands in that calendar.
  const put = await dav(request, user, "PUT", `${url}e.ics`, { body: vcalendar(vevent({ UID: "in-work", DTSTART: "20260310T090000Z", DTEND: "20260310T100000Z", SUMMARY: "In Work" })) });
  expect(put.status()).toBe(201);
  const { events } = await expectBody(await request.get(`/api/v1/calendars/${calendars[0]!.id}/events`, { headers: user.auth }), 200, EventsEnvelope);
  expect(events.map((e) => e.title)).toEqual(["In Work"]);

  // A member who is not an owner cannot delete the calendar; the owner can.
  const member = await newUser(request);
  await expectBody(await request.post(`/api/v1/calendars/${calendars[0]!.id}/users`, { headers: user.auth, data: { user_id: member.id, role: "admin" } }), 201, MemberEnvelope);
  expect((await dav(request, member, "DELETE", `${home(member)}work-cal/`)).status()).toBe(403);
  expect((await dav(request, user, "DELETE", url)).status()).toBe(204);
  expect((await request.get(`/api/v1/calendars/${calendars[0]!.id}`, { headers: user.auth })).status()).toBe(404);
});
