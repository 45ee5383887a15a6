// The rest of the SDK against the built server: pagination, calendars, members, participants,
// users, recurring occurrences with scope, and the cross-calendar list.
import { expect, test } from "@playwright/test";
import { CalendarEnvelope, EventEnvelope } from "../../lib/api/sweetdate/schemas.ts";
import { Calendar, NotFoundError, SD } from "../../sdks/js/src/index.ts";
import { expectBody, newUser } from "../helpers.ts";
import { clientFor, rawEvent, sdkSetup } from "./sdk.ts";

test("SDK calendar.events – limit/offset page through events in starts_at order; eventsPage has meta; allEvents walks every page", async ({ request }) => {
  const { user, calendarId } = await sdkSetup(request);
  const made = [];
  for (const day of [25, 21, 23, 22, 24]) made.push(await rawEvent(request, user, calendarId, { title: `Day ${day}`, starts_at: `2025-08-${day}T09:00:00Z`, ends_at: `2025-08-${day}T10:00:00Z` }));
  const inOrder = [...made].sort((a, b) => a.starts_at.localeCompare(b.starts_at)).map((e) => e.id);
  const calendar = await SD.Calendar.get(calendarId);

  const pages = [await calendar.events({ limit: 2, offset: 0 }), await calendar.events({ limit: 2, offset: 2 }), await calendar.events({ limit: 2, offset: 4 })];
  expect(pages.map((p) => p.length)).toEqual([2, 2, 1]);
  expect(pages.flat().map((e) => e.id)).toEqual(inOrder);
  expect(await calendar.events({ limit: 2, offset: 5 })).toEqual([]);

  const page = await calendar.eventsPage({ limit: 2, offset: 2 });
  expect(page.meta).toEqual({ limit: 2, offset: 2, total: 5 });
  expect(page.events.map((e) => e.id)).toEqual(inOrder.slice(2, 4));
  expect((await calendar.eventsPage()).meta).toEqual({ limit: 25, offset: 0, total: 5 });

  const walked = [];
  for await (const event of calendar.allEvents({ limit: 2 })) walked.push(event.id);
  expect(walked).toEqual(inOrder);
});

test("SDK SD.Calendar.create/list/get, calendar.update/delete", async ({ request }) => {
  await sdkSetup(request);
  const created = await SD.Calendar.create({ name: "Release train", color: "#10b981", time_zone: "Europe/Berlin" });
  expect(created).toBeInstanceOf(Calendar);
  expect(created).toMatchObject({ name: "Release train", color: "#10b981", time_zone: "Europe/Berlin", role: "owner" });
  // JSON shows the wire object only (no client internals).
  expect(CalendarEnvelope.shape.calendar.parse(JSON.parse(JSON.stringify(created)))).toEqual(created.toJSON());
  expect(Object.keys(JSON.parse(JSON.stringify(created))).sort()).toEqual(["color", "default_reminders", "description", "id", "inserted_at", "name", "role", "source_url", "time_zone", "updated_at"]);

  const names = (await SD.Calendar.list()).map((c) => c.name);
  expect(names).toContain("Release train");
  expect((await SD.Calendar.list({ limit: 1 })).length).toBe(1);

  const same = await created.update({ name: "Release train (EU)" });
  expect(same).toBe(created);
  expect(created.name).toBe("Release train (EU)");
  expect((await SD.Calendar.get(created.id)).name).toBe("Release train (EU)");

  expect(await created.delete()).toEqual({ status: "ok" });
  await expect(SD.Calendar.get(created.id)).rejects.toBeInstanceOf(NotFoundError);
});

test("SDK SD.Users.search/me and calendar members: users, addUser, updateUser, removeUser", async ({ request }) => {
  const { user, calendarId } = await sdkSetup(request);
  const other = await newUser(request, { name: "Grace Hopper" });
  expect((await SD.Users.me()).id).toBe(user.id);
  const found = await SD.Users.search(other.email);
  expect(found.map((u) => u.id)).toEqual([other.id]);

  const calendar = await SD.Calendar.get(calendarId);
  const added = await calendar.addUser(other.id);
  expect(added).toMatchObject({ id: other.id, role: "member", name: "Grace Hopper" });
  expect((await calendar.users()).map((m) => [m.id, m.role]).sort()).toEqual([[user.id, "owner"], [other.id, "member"]].sort());
  expect(await calendar.updateUser(other.id, { role: "admin" })).toMatchObject({ id: other.id, role: "admin" });
  expect((await clientFor(other).Calendar.get(calendarId)).role).toBe("admin");
  expect(await calendar.removeUser(other.id)).toEqual({ status: "ok" });
  expect((await calendar.users()).map((m) => m.id)).toEqual([user.id]);
});

test("SDK event users: addEventUser, eventUsers, updateEventUser, removeEventUser", async ({ request }) => {
  const { calendarId } = await sdkSetup(request);
  const guest = await newUser(request);
  const calendar = await SD.Calendar.get(calendarId);
  await calendar.addUser(guest.id);
  const event = await calendar.createEvent({ title: "Design review", starts_at: "2025-08-21T09:00:00Z", ends_at: "2025-08-21T10:00:00Z", default_role: "viewer" });

  expect(await calendar.addEventUser(event.id, guest.id)).toMatchObject({ id: guest.id, role: "viewer", rsvp: "needs_action" });
  expect((await calendar.eventUsers(event.id)).map((u) => u.id)).toEqual([guest.id]);
  // The participant answers for themselves through their own client.
  const theirs = await clientFor(guest).Calendar.get(calendarId);
  expect(await theirs.updateEventUser(event.id, guest.id, { rsvp: "accepted" })).toMatchObject({ rsvp: "accepted", role: "viewer" });
  expect(await calendar.updateEventUser(event.id, guest.id, { role: "editor" })).toMatchObject({ rsvp: "accepted", role: "editor" });
  expect(await calendar.removeEventUser(event.id, guest.id)).toEqual({ status: "ok" });
  expect(await calendar.eventUsers(event.id)).toEqual([]);
});

test("SDK recurring events: events({ from, to }) lists occurrences; getEvent/updateEvent/deleteEvent take occurrence ids and scope", async ({ request }) => {
  const { user, calendarId } = await sdkSetup(request);
  const calendar = await SD.Calendar.get(calendarId);
  const series = await calendar.createEvent({ title: "Stand-up", starts_at: "2025-09-01T09:00:00Z", ends_at: "2025-09-01T09:15:00Z", rrule: "FREQ=WEEKLY;BYDAY=MO" });
  expect(series).toMatchObject({ recurrence_rule: "weekly", rrule: "FREQ=WEEKLY;BYDAY=MO" });

  const window = { from: "2025-09-01T00:00:00Z", to: "2025-09-29T00:00:00Z" };
  const occurrences = await calendar.events(window);
  expect(occurrences.map((o) => o.id)).toEqual(["20250901", "20250908", "20250915", "20250922"].map((d) => `${series.id}_${d}T090000Z`));
  const [, second, third] = occurrences;
  expect(await calendar.getEvent(second!.id)).toMatchObject({ recurring_event_id: series.id, original_starts_at: "2025-09-08T09:00:00Z" });

  const moved = await calendar.updateEvent(second!.id, { title: "Stand-up (moved)", starts_at: "2025-09-08T10:00:00Z", ends_at: "2025-09-08T10:15:00Z" }, { scope: "this" });
  expect(moved).toMatchObject({ title: "Stand-up (moved)", starts_at: "2025-09-08T10:00:00Z" });
  expect(await calendar.deleteEvent(third!.id, { scope: "this" })).toEqual({ status: "ok" });

  const after = await calendar.events(window);
  expect(after.map((o) => [o.title, o.starts_at])).toEqual([
    ["Stand-up", "2025-09-01T09:00:00Z"],
    ["Stand-up (moved)", "2025-09-08T10:00:00Z"],
    ["Stand-up", "2025-09-22T09:00:00Z"],
  ]);
  // The series itself is untouched.
  const stored = await expectBody(await request.get(`/api/v1/calendars/${calendarId}/events/${series.id}`, { headers: user.auth }), 200, EventEnvelope);
  expect(stored.event.title).toBe("Stand-up");
});

test("SDK SD.Events.list – events across all the caller's calendars", async ({ request }) => {
  const { user, calendarId } = await sdkSetup(request);
  const second = await SD.Calendar.create({ name: "Second" });
  const a = await rawEvent(request, user, calendarId, { title: "In the first" });
  const b = await second.createEvent({ title: "In the second", starts_at: "2025-08-22T09:00:00Z", ends_at: "2025-08-22T10:00:00Z" });
  // Other tests' `everyone` events are visible to every user: look at this user's calendars only.
  const mine = (events: { id: string; calendar_id: string }[]) => events.filter((e) => e.calendar_id === calendarId || e.calendar_id === second.id).map((e) => e.id);
  expect(mine(await SD.Events.list({ limit: 100 }))).toEqual([a.id, b.id]);
  expect(mine(await SD.Events.list({ q: "in the second" }))).toEqual([b.id]);
  const first = await SD.Events.page({ limit: 1 });
  expect(first.meta.limit).toBe(1);
  expect(first.events).toHaveLength(1);
  expect(first.meta.total).toBeGreaterThanOrEqual(2);
});
