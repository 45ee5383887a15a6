import { expect, test } from "@playwright/test";
import { CalendarEvents } from "../../../lib/api/kona/schemas.ts";
import { EventEnvelope, EventsEnvelope } from "../../../lib/api/sweetdate/schemas.ts";
import { expectBody } from "../../helpers.ts";
import { createEvent, getEvent, konaSetup, listEvents, ms } from "./kona.ts";

test("POST /api/calendar_events with status 0, visibility 1 – reads in SweetDate as tentative/private", async ({ request }) => {
  const { user, calendar, spaceId } = await konaSetup(request);
  const kona = await createEvent(request, user, { name: "Kona made", space_id: spaceId, start_at: ms("2025-08-21T09:00:00Z"), end_at: ms("2025-08-21T10:00:00Z"), status: 0, visibility: 1, stakeholder: 2, default_role: 2 });
  const { events } = await expectBody(await request.get(`/api/v1/calendars/${calendar.id}/events`, { headers: user.auth }), 200, EventsEnvelope);
  expect(events.map((e) => e.title)).toEqual(["Kona made"]);
  const { event } = await expectBody(await request.get(`/api/v1/calendars/${calendar.id}/events/${events[0]!.id}`, { headers: user.auth }), 200, EventEnvelope);
  expect(event).toMatchObject({ title: "Kona made", status: "tentative", visibility: "private", stakeholder: "everyone", default_role: "viewer", starts_at: "2025-08-21T09:00:00Z", ends_at: "2025-08-21T10:00:00Z" });
  // A Kona default reads in SweetDate as scheduled, and each other Kona status maps per SPEC §7.
  const expected = { 1: "scheduled", 2: "completed", 3: "cancelled", 4: "scheduled" } as const;
  for (const [code, name] of Object.entries(expected)) {
    await expectBody(await request.put(`/api/calendar_events/${kona.id}`, { headers: user.auth, data: { status: Number(code) } }), 200, CalendarEvents);
    const read = await expectBody(await request.get(`/api/v1/calendars/${calendar.id}/events/${event.id}`, { headers: user.auth }), 200, EventEnvelope);
    expect(read.event.status, `Kona ${code}`).toBe(name);
    expect((await getEvent(request, user, `/api/calendar_events/${kona.id}`)).status).toBe(Number(code));
  }
});

test("POST /api/v1/calendars/:cid/events with status confirmed – reads in Kona as 1; PUT through Kona keeps unspecified fields", async ({ request }) => {
  const { user, calendar, spaceId } = await konaSetup(request);
  const { event } = await expectBody(
    await request.post(`/api/v1/calendars/${calendar.id}/events`, {
      headers: user.auth,
      data: { title: "SweetDate made", description: "agenda #plan", location: "Room 1", starts_at: "2031-02-03T09:00:00Z", ends_at: "2031-02-03T10:00:00Z", status: "confirmed", visibility: "busy", time_zone: "Europe/Paris" },
    }),
    201,
    EventEnvelope,
  );
  const [kona] = await listEvents(request, user, `space_id=${spaceId}&date_range_start=2031-02-01&date_range_end=2031-03-01`);
  expect(kona).toMatchObject({ name: "SweetDate made", details: "agenda #plan", location: "Room 1", status: 1, visibility: 1, stakeholder: 1, default_role: 1, time_zone: "Europe/Paris", tags: ["plan"], start_at: ms("2031-02-03T09:00:00Z") });
  // A partial Kona PUT changes only what it names …
  await expectBody(await request.put(`/api/calendar_events/${kona!.id}`, { headers: user.auth, data: { name: "Renamed in Kona" } }), 200, CalendarEvents);
  const afterPartial = await expectBody(await request.get(`/api/v1/calendars/${calendar.id}/events/${event.id}`, { headers: user.auth }), 200, EventEnvelope);
  expect(afterPartial.event).toMatchObject({ ...event, title: "Renamed in Kona", updated_at: afterPartial.event.updated_at, sequence: afterPartial.event.sequence });
  // … and echoing the codes it read (status 1, visibility 1) keeps SweetDate's confirmed/busy.
  await expectBody(await request.put(`/api/calendar_events/${kona!.id}`, { headers: user.auth, data: { calendar_events: [{ ...kona, name: "Echoed" }] } }), 200, CalendarEvents);
  const afterEcho = await expectBody(await request.get(`/api/v1/calendars/${calendar.id}/events/${event.id}`, { headers: user.auth }), 200, EventEnvelope);
  expect(afterEcho.event).toMatchObject({ title: "Echoed", status: "confirmed", visibility: "busy", description: "agenda #plan", location: "Room 1", time_zone: "Europe/Paris" });
  // A different Kona code is a real change: it stores the Kona name.
  await expectBody(await request.put(`/api/calendar_events/${kona!.id}`, { headers: user.auth, data: { status: 0, visibility: 2 } }), 200, CalendarEvents);
  const afterChange = await expectBody(await request.get(`/api/v1/calendars/${calendar.id}/events/${event.id}`, { headers: user.auth }), 200, EventEnvelope);
  expect(afterChange.event).toMatchObject({ status: "tentative", visibility: "public" });
});

test("PUT /api/v1/calendars/:cid/events/:id – a zero-length Kona event stays editable in SweetDate", async ({ request }) => {
  const { user, calendar, spaceId } = await konaSetup(request);
  await createEvent(request, user, { name: "Deadline", space_id: spaceId, start_at: ms("2031-02-10T17:00:00Z") });
  const { events } = await expectBody(await request.get(`/api/v1/calendars/${calendar.id}/events`, { headers: user.auth }), 200, EventsEnvelope);
  expect(events[0]).toMatchObject({ starts_at: "2031-02-10T17:00:00Z", ends_at: "2031-02-10T17:00:00Z" });
  const { event } = await expectBody(await request.put(`/api/v1/calendars/${calendar.id}/events/${events[0]!.id}`, { headers: user.auth, data: { title: "Deadline (renamed)" } }), 200, EventEnvelope);
  expect(event.title).toBe("Deadline (renamed)");
  // SweetDate itself still refuses to make an event end when it starts.
  const res = await request.put(`/api/v1/calendars/${calendar.id}/events/${events[0]!.id}`, { headers: user.auth, data: { ends_at: "2031-02-10T17:00:00Z", starts_at: "2031-02-10T17:00:00Z" } });
  expect(res.status()).toBe(422);
});

test("GET /api/calendar_events – a SweetDate weekly series lists with Kona occurrence ids", async ({ request }) => {
  const { user, calendar, spaceId } = await konaSetup(request);
  const { event } = await expectBody(
    await request.post(`/api/v1/calendars/${calendar.id}/events`, { headers: user.auth, data: { title: "Weekly", starts_at: "2031-03-03T09:00:00Z", ends_at: "2031-03-03T09:30:00Z", recurrence_rule: "weekly" } }),
    201,
    EventEnvelope,
  );
  const list = await listEvents(request, user, `space_id=${spaceId}&date_range_start=2031-03-01&date_range_end=2031-03-20`);
  expect(list.map((o) => o.num_in_series)).toEqual([1, 2, 3]);
  expect(new Set(list.map((o) => o.id)).size).toBe(1);
  expect(list[0]).toMatchObject({ period: 2, frequency: 1, series_id: list[0]!.id });
  // SweetDate's occurrence id and Kona's num_in_series address the same occurrence.
  await expectBody(await request.put(`/api/calendar_events/${list[0]!.id}?num_in_series=2`, { headers: user.auth, data: { name: "Second, changed in Kona" } }), 200, CalendarEvents);
  const { event: occ } = await expectBody(await request.get(`/api/v1/calendars/${calendar.id}/events/${event.id}_20310310T090000Z`, { headers: user.auth }), 200, EventEnvelope);
  expect(occ.title).toBe("Second, changed in Kona");
});
