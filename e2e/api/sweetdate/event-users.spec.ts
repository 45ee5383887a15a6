import { expect, test } from "@playwright/test";
import { EventEnvelope, EventUserEnvelope, EventUsersEnvelope, Ok } from "../../../lib/api/sweetdate/schemas.ts";
import { expectBody, expectError, newCalendar, newUser } from "../../helpers.ts";

test("/api/v1/calendars/:cid/events/:id/users – add participants with roles, answer RSVP, remove", async ({ request }) => {
  const owner = await newUser(request, { name: "Owner" });
  const viewer = await newUser(request, { name: "Viewer" });
  const editor = await newUser(request, { name: "Editor" });
  const calendar = await newCalendar(request, owner);
  const base = `/api/v1/calendars/${calendar.id}/events`;
  const { event } = await expectBody(
    await request.post(base, { headers: owner.auth, data: { title: "Review", starts_at: "2025-08-21T09:00:00Z", ends_at: "2025-08-21T10:00:00Z", default_role: "viewer", stakeholder: "just_me" } }),
    201,
    EventEnvelope,
  );
  const url = `${base}/${event.id}/users`;
  const added = await expectBody(await request.post(url, { headers: owner.auth, data: { user_id: viewer.id } }), 201, EventUserEnvelope);
  expect(added.user).toMatchObject({ id: viewer.id, role: "viewer", rsvp: "needs_action" });
  await expectBody(await request.post(url, { headers: owner.auth, data: { user_id: editor.id, role: "editor" } }), 201, EventUserEnvelope);
  await expectError(await request.post(url, { headers: owner.auth, data: { user_id: editor.id } }), 409, "CONFLICT");
  const list = await expectBody(await request.get(url, { headers: owner.auth }), 200, EventUsersEnvelope);
  expect(list.users.map((u) => [u.name, u.role])).toEqual([["Viewer", "viewer"], ["Editor", "editor"]]);

  // Participants see the event (even outside the calendar); a viewer answers only their own RSVP.
  const rsvp = await expectBody(await request.put(`${url}/${viewer.id}`, { headers: viewer.auth, data: { rsvp: "accepted" } }), 200, EventUserEnvelope);
  expect(rsvp.user.rsvp).toBe("accepted");
  await expectError(await request.put(`${url}/${viewer.id}`, { headers: viewer.auth, data: { role: "editor" } }), 403, "FORBIDDEN");
  await expectError(await request.put(`${url}/${editor.id}`, { headers: viewer.auth, data: { rsvp: "declined" } }), 403, "FORBIDDEN");
  await expectError(await request.put(`${base}/${event.id}`, { headers: viewer.auth, data: { title: "hijack" } }), 403, "FORBIDDEN");
  // An editor participant may change the event.
  const changed = await expectBody(await request.put(`${base}/${event.id}`, { headers: editor.auth, data: { title: "Review v2" } }), 200, EventEnvelope);
  expect(changed.event.title).toBe("Review v2");
  await expectBody(await request.delete(`${url}/${viewer.id}`, { headers: owner.auth }), 200, Ok);
  await expectError(await request.get(`${base}/${event.id}`, { headers: viewer.auth }), 404, "NOT_FOUND");
});

test("POST /api/v1/calendars/:cid/events – a guest of the calendar may read but not create (403)", async ({ request }) => {
  const owner = await newUser(request);
  const guest = await newUser(request);
  const calendar = await newCalendar(request, owner);
  await request.post(`/api/v1/calendars/${calendar.id}/users`, { headers: owner.auth, data: { user_id: guest.id, role: "guest" } });
  const base = `/api/v1/calendars/${calendar.id}/events`;
  const { event } = await expectBody(await request.post(base, { headers: owner.auth, data: { title: "All hands", starts_at: "2025-08-21T09:00:00Z", ends_at: "2025-08-21T10:00:00Z" } }), 201, EventEnvelope);
  const seen = await expectBody(await request.get(`${base}/${event.id}`, { headers: guest.auth }), 200, EventEnvelope);
  expect(seen.event.editable).toBe(false);
  await expectError(await request.post(base, { headers: guest.auth, data: { title: "x", starts_at: "2025-08-21T09:00:00Z", ends_at: "2025-08-21T10:00:00Z" } }), 403, "FORBIDDEN");
  await expectError(await request.put(`${base}/${event.id}`, { headers: guest.auth, data: { title: "x" } }), 403, "FORBIDDEN");
  await expectError(await request.delete(`${base}/${event.id}`, { headers: guest.auth }), 403, "FORBIDDEN");
});
