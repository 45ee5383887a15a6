import { expect, test, type APIRequestContext } from "@playwright/test";
import { EventEnvelope, EventsEnvelope, EventUserEnvelope, MemberEnvelope } from "../../../lib/api/sweetdate/schemas.ts";
import { expectBody, expectError, newCalendar, newUser, type TestUser } from "../../helpers.ts";

// Weekly on Mondays at 09:00 UTC, five occurrences: 6, 13, 20, 27 May and 3 June 2030.
const weekly = { title: "Sync", location: "Room A", starts_at: "2030-05-06T09:00:00Z", ends_at: "2030-05-06T10:00:00Z", time_zone: "UTC", rrule: "FREQ=WEEKLY;COUNT=5" };
const window = "from=2030-05-01T00:00:00Z&to=2030-06-10T00:00:00Z&limit=100";

async function series(request: APIRequestContext) {
  const user = await newUser(request);
  const calendar = await newCalendar(request, user);
  const base = `/api/v1/calendars/${calendar.id}/events`;
  const { event } = await expectBody(await request.post(base, { headers: user.auth, data: weekly }), 201, EventEnvelope);
  return { user, calendar, base, event };
}

async function list(request: APIRequestContext, user: TestUser, base: string) {
  return (await expectBody(await request.get(`${base}?${window}`, { headers: user.auth }), 200, EventsEnvelope)).events;
}

test("PUT …/events/:series_id?scope=all – a move re-keys an override made with scope=this (no day twice)", async ({ request }) => {
  const { user, base, event } = await series(request);
  await expectBody(await request.put(`${base}/${event.id}_20300513T090000Z?scope=this`, { headers: user.auth, data: { title: "Special" } }), 200, EventEnvelope);
  // Through the series' own id, not an occurrence's: the same re-keying must happen.
  await expectBody(await request.put(`${base}/${event.id}?scope=all`, { headers: user.auth, data: { starts_at: "2030-05-06T11:00:00Z", ends_at: "2030-05-06T12:00:00Z" } }), 200, EventEnvelope);
  const after = await list(request, user, base);
  expect(after.map((o) => [o.title, o.starts_at, o.original_starts_at])).toEqual([
    ["Sync", "2030-05-06T11:00:00Z", "2030-05-06T11:00:00Z"],
    ["Special", "2030-05-13T11:00:00Z", "2030-05-13T11:00:00Z"],
    ["Sync", "2030-05-20T11:00:00Z", "2030-05-20T11:00:00Z"],
    ["Sync", "2030-05-27T11:00:00Z", "2030-05-27T11:00:00Z"],
    ["Sync", "2030-06-03T11:00:00Z", "2030-06-03T11:00:00Z"],
  ]);
  for (const o of after) await expectBody(await request.get(`${base}/${o.id}`, { headers: user.auth }), 200, EventEnvelope);
});

test("PUT …?scope=all – fields an override did not change follow the series; its own changes stay", async ({ request }) => {
  const { user, base, event } = await series(request);
  // One occurrence renamed and moved to the afternoon, another only given a new location.
  await expectBody(
    await request.put(`${base}/${event.id}_20300513T090000Z?scope=this`, { headers: user.auth, data: { title: "Special", starts_at: "2030-05-13T14:00:00Z", ends_at: "2030-05-13T15:00:00Z" } }),
    200,
    EventEnvelope,
  );
  await expectBody(await request.put(`${base}/${event.id}_20300520T090000Z?scope=this`, { headers: user.auth, data: { location: "Garden" } }), 200, EventEnvelope);
  await expectBody(
    await request.put(`${base}/${event.id}_20300527T090000Z?scope=all`, { headers: user.auth, data: { title: "Weekly sync", location: "Room B", description: "agenda", ends_at: "2030-05-27T10:30:00Z" } }),
    200,
    EventEnvelope,
  );
  const after = await list(request, user, base);
  expect(after.map((o) => [o.title, o.location, o.description, o.starts_at, o.ends_at])).toEqual([
    ["Weekly sync", "Room B", "agenda", "2030-05-06T09:00:00Z", "2030-05-06T10:30:00Z"],
    // Kept its own title and times; took the new location and description.
    ["Special", "Room B", "agenda", "2030-05-13T14:00:00Z", "2030-05-13T15:00:00Z"],
    // Kept its own location; took the rest, including the new length.
    ["Weekly sync", "Garden", "agenda", "2030-05-20T09:00:00Z", "2030-05-20T10:30:00Z"],
    ["Weekly sync", "Room B", "agenda", "2030-05-27T09:00:00Z", "2030-05-27T10:30:00Z"],
    ["Weekly sync", "Room B", "agenda", "2030-06-03T09:00:00Z", "2030-06-03T10:30:00Z"],
  ]);
});

test("PUT …?scope=following – overrides moved to the new series follow its change and its move", async ({ request }) => {
  const { user, base, event } = await series(request);
  await expectBody(await request.put(`${base}/${event.id}_20300527T090000Z?scope=this`, { headers: user.auth, data: { title: "Special" } }), 200, EventEnvelope);
  await expectBody(
    await request.put(`${base}/${event.id}_20300520T090000Z?scope=following`, { headers: user.auth, data: { location: "Room C", starts_at: "2030-05-20T13:00:00Z", ends_at: "2030-05-20T14:00:00Z" } }),
    200,
    EventEnvelope,
  );
  const after = await list(request, user, base);
  expect(after.map((o) => [o.title, o.location, o.starts_at])).toEqual([
    ["Sync", "Room A", "2030-05-06T09:00:00Z"],
    ["Sync", "Room A", "2030-05-13T09:00:00Z"],
    ["Sync", "Room C", "2030-05-20T13:00:00Z"],
    ["Special", "Room C", "2030-05-27T13:00:00Z"],
    ["Sync", "Room C", "2030-06-03T13:00:00Z"],
  ]);
});

test("PUT …/events/:id/users/:user_id – only the participant answers their own RSVP (not an editor, not the calendar owner)", async ({ request }) => {
  const owner = await newUser(request, { name: "Owner" });
  const editor = await newUser(request, { name: "Editor" });
  const guest = await newUser(request, { name: "Guest" });
  const calendar = await newCalendar(request, owner);
  await expectBody(await request.post(`/api/v1/calendars/${calendar.id}/users`, { headers: owner.auth, data: { user_id: editor.id, role: "admin" } }), 201, MemberEnvelope);
  const base = `/api/v1/calendars/${calendar.id}/events`;
  const { event } = await expectBody(await request.post(base, { headers: owner.auth, data: { title: "Review", starts_at: "2030-05-06T09:00:00Z", ends_at: "2030-05-06T10:00:00Z" } }), 201, EventEnvelope);
  const users = `${base}/${event.id}/users`;
  await expectBody(await request.post(users, { headers: owner.auth, data: { user_id: editor.id, role: "editor" } }), 201, EventUserEnvelope);
  // An invitation cannot carry someone else's answer …
  await expectError(await request.post(users, { headers: owner.auth, data: { user_id: guest.id, rsvp: "accepted" } }), 403, "FORBIDDEN");
  const invited = await expectBody(await request.post(users, { headers: owner.auth, data: { user_id: guest.id } }), 201, EventUserEnvelope);
  expect(invited.user.rsvp).toBe("needs_action");
  // … and neither the event's editor, the calendar's admin nor its owner answers for the guest.
  await expectError(await request.put(`${users}/${guest.id}`, { headers: editor.auth, data: { rsvp: "declined" } }), 403, "FORBIDDEN");
  await expectError(await request.put(`${users}/${guest.id}`, { headers: owner.auth, data: { rsvp: "accepted" } }), 403, "FORBIDDEN");
  // The owner may still change the guest's role, and the guest answers for themselves.
  expect((await expectBody(await request.put(`${users}/${guest.id}`, { headers: owner.auth, data: { role: "editor" } }), 200, EventUserEnvelope)).user).toMatchObject({ role: "editor", rsvp: "needs_action" });
  expect((await expectBody(await request.put(`${users}/${guest.id}`, { headers: guest.auth, data: { rsvp: "tentative" } }), 200, EventUserEnvelope)).user.rsvp).toBe("tentative");
  // Adding oneself may carry one's own answer.
  expect((await expectBody(await request.post(users, { headers: owner.auth, data: { user_id: owner.id, rsvp: "accepted" } }), 201, EventUserEnvelope)).user.rsvp).toBe("accepted");
});
