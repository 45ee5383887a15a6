// Seed 004's JavaScript examples, run exactly as the seed prints them (only "CALENDAR-ID" and
// "EVENT-ID" replaced), against the built server; the results are checked over the raw API.
import { expect, test } from "@playwright/test";
import { EventEnvelope, EventsEnvelope, Ok } from "../../lib/api/sweetdate/schemas.ts";
import { SD } from "../../sdks/js/src/index.ts";
import { expectBody, expectError } from "../helpers.ts";
import { BASE_URL, rawEvent, runSeedExample, sdkSetup } from "./sdk.ts";

const LIST_EVENTS = `
const calendar = await SD.Calendar.get("CALENDAR-ID");
const events = await calendar.events({ limit: 25, offset: 0, q: "meeting" });
console.log(events);
`;

const CREATE_EVENT = `
const calendar = await SD.Calendar.get("CALENDAR-ID");
const event = await calendar.createEvent({
  title: "Sprint Planning",
  starts_at: "2025-08-21T09:00:00Z",
  ends_at: "2025-08-21T10:00:00Z",
  location: "Room A",
  description: "Quarterly planning session",
  status: "tentative"
});
console.log(event);
`;

const GET_EVENT = `
const calendar = await SD.Calendar.get("CALENDAR-ID");
const event = await calendar.getEvent("EVENT-ID");
console.log(event);
`;

const UPDATE_EVENT = `
const calendar = await SD.Calendar.get("CALENDAR-ID");
const updated = await calendar.updateEvent("EVENT-ID", {
  title: "Sprint Planning (Updated)",
  status: "confirmed",
  location: "Room B"
});
console.log(updated);
`;

const DELETE_EVENT = `
const calendar = await SD.Calendar.get("CALENDAR-ID");
const resp = await calendar.deleteEvent("EVENT-ID");
console.log(resp);
`;

test("seed LIST EVENTS – calendar.events({ limit, offset, q }) prints the matching events", async ({ request }) => {
  const { user, calendarId } = await sdkSetup(request);
  const planning = await rawEvent(request, user, calendarId, { title: "Planning meeting", starts_at: "2025-08-21T09:00:00Z", ends_at: "2025-08-21T10:00:00Z" });
  const retro = await rawEvent(request, user, calendarId, { title: "Retro", description: "after the MEETING", starts_at: "2025-08-22T09:00:00Z", ends_at: "2025-08-22T10:00:00Z" });
  await rawEvent(request, user, calendarId, { title: "Lunch" });

  const [events] = await runSeedExample(LIST_EVENTS, { "CALENDAR-ID": calendarId });

  // The SDK returns the events array (the seed prints `events`), each a full wire Event.
  expect(Array.isArray(events)).toBe(true);
  const list = EventsEnvelope.shape.events.parse(events);
  expect(list.map((e) => e.id)).toEqual([planning.id, retro.id]);
  expect(list[0]).toEqual(planning);
});

test("seed CREATE EVENT – calendar.createEvent({...}) prints the created event", async ({ request }) => {
  const { user, calendarId } = await sdkSetup(request);

  const [event] = await runSeedExample(CREATE_EVENT, { "CALENDAR-ID": calendarId });

  const created = EventEnvelope.shape.event.parse(event);
  expect(created).toMatchObject({
    calendar_id: calendarId,
    title: "Sprint Planning",
    starts_at: "2025-08-21T09:00:00Z",
    ends_at: "2025-08-21T10:00:00Z",
    location: "Room A",
    description: "Quarterly planning session",
    status: "tentative",
  });
  const stored = await expectBody(await request.get(`/api/v1/calendars/${calendarId}/events/${created.id}`, { headers: user.auth }), 200, EventEnvelope);
  expect(stored.event).toEqual(created);
});

test("seed GET EVENT – calendar.getEvent(id) prints the event", async ({ request }) => {
  const { user, calendarId } = await sdkSetup(request);
  const existing = await rawEvent(request, user, calendarId, { title: "Sprint Planning", location: "Room A", status: "confirmed" });

  const [event] = await runSeedExample(GET_EVENT, { "CALENDAR-ID": calendarId, "EVENT-ID": existing.id });

  expect(event).toEqual(existing);
});

test("seed UPDATE EVENT – calendar.updateEvent(id, attrs) prints the updated event", async ({ request }) => {
  const { user, calendarId } = await sdkSetup(request);
  const existing = await rawEvent(request, user, calendarId, { title: "Sprint Planning", location: "Room A", description: "Quarterly planning session" });

  const [updated] = await runSeedExample(UPDATE_EVENT, { "CALENDAR-ID": calendarId, "EVENT-ID": existing.id });

  const event = EventEnvelope.shape.event.parse(updated);
  expect(event).toMatchObject({ id: existing.id, title: "Sprint Planning (Updated)", status: "confirmed", location: "Room B", description: "Quarterly planning session", starts_at: existing.starts_at });
  expect(event.sequence).toBeGreaterThan(existing.sequence);
  const stored = await expectBody(await request.get(`/api/v1/calendars/${calendarId}/events/${existing.id}`, { headers: user.auth }), 200, EventEnvelope);
  expect(stored.event).toEqual(event);
});

test("seed DELETE EVENT – calendar.deleteEvent(id) prints { status: \"ok\" }", async ({ request }) => {
  const { user, calendarId } = await sdkSetup(request);
  const existing = await rawEvent(request, user, calendarId, { title: "Sprint Planning" });

  const [resp] = await runSeedExample(DELETE_EVENT, { "CALENDAR-ID": calendarId, "EVENT-ID": existing.id });

  expect(Ok.parse(resp)).toEqual({ status: "ok" });
  expect(resp).toEqual({ status: "ok" });
  await expectError(await request.get(`/api/v1/calendars/${calendarId}/events/${existing.id}`, { headers: user.auth }), 404, "NOT_FOUND");
});

test("seed examples run with SD configured only by SWEETDATE_URL / SWEETDATE_API_TOKEN", async ({ request }) => {
  const { user, calendarId } = await sdkSetup(request);
  const saved = { url: process.env.SWEETDATE_URL, token: process.env.SWEETDATE_API_TOKEN };
  SD.configure({ baseUrl: undefined, token: undefined });
  process.env.SWEETDATE_URL = BASE_URL;
  process.env.SWEETDATE_API_TOKEN = user.token;
  try {
    const [event] = await runSeedExample(CREATE_EVENT, { "CALENDAR-ID": calendarId });
    const created = EventEnvelope.shape.event.parse(event);
    const [events] = await runSeedExample(LIST_EVENTS.replace('q: "meeting"', 'q: "sprint"'), { "CALENDAR-ID": calendarId });
    expect(EventsEnvelope.shape.events.parse(events).map((e) => e.id)).toEqual([created.id]);
  } finally {
    for (const [key, value] of [["SWEETDATE_URL", saved.url], ["SWEETDATE_API_TOKEN", saved.token]] as const) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
});
