import { expect, test } from "@playwright/test";
import { CalendarEnvelope, CalendarsEnvelope, MemberEnvelope, MembersEnvelope, Ok, UsersEnvelope } from "../../../lib/api/sweetdate/schemas.ts";
import { expectBody, expectError, newCalendar, newUser } from "../../helpers.ts";

test("POST /api/v1/calendars – 201 with Location; the creator is owner; defaults", async ({ request }) => {
  const user = await newUser(request, { timeZone: "America/New_York" });
  const response = await request.post("/api/v1/calendars", { headers: user.auth, data: { name: "Team", description: "Our team" } });
  const { calendar } = await expectBody(response, 201, CalendarEnvelope);
  expect(calendar).toMatchObject({ name: "Team", description: "Our team", color: "#3b82f6", time_zone: "America/New_York", role: "owner" });
  expect(response.headers()["location"]).toMatch(new RegExp(`/api/v1/calendars/${calendar.id}$`));
  const bad = await expectError(await request.post("/api/v1/calendars", { headers: user.auth, data: { name: "", color: "blue", time_zone: "Nowhere/Land" } }), 422, "VALIDATION_ERROR");
  expect(Object.keys(bad.fields!).sort()).toEqual(["color", "name", "time_zone"]);
});

test("GET /api/v1/calendars – only the caller's calendars, paged", async ({ request }) => {
  const user = await newUser(request);
  const other = await newUser(request);
  await newCalendar(request, user, { name: "One" });
  await newCalendar(request, user, { name: "Two" });
  await newCalendar(request, other, { name: "Theirs" });
  const list = await expectBody(await request.get("/api/v1/calendars", { headers: user.auth }), 200, CalendarsEnvelope);
  expect(list.calendars.map((c) => c.name)).toEqual(["One", "Two"]);
  expect(list.meta).toEqual({ limit: 25, offset: 0, total: 2 });
  const page = await expectBody(await request.get("/api/v1/calendars?limit=1&offset=1", { headers: user.auth }), 200, CalendarsEnvelope);
  expect(page.calendars.map((c) => c.name)).toEqual(["Two"]);
});

test("GET|PUT|DELETE /api/v1/calendars/:id – read, partial update, delete; others get 404", async ({ request }) => {
  const user = await newUser(request);
  const stranger = await newUser(request);
  const calendar = await newCalendar(request, user, { name: "Old" });
  const url = `/api/v1/calendars/${calendar.id}`;
  await expectBody(await request.get(url, { headers: user.auth }), 200, CalendarEnvelope);
  await expectError(await request.get(url, { headers: stranger.auth }), 404, "NOT_FOUND");
  await expectError(await request.get("/api/v1/calendars/garbage", { headers: user.auth }), 404, "NOT_FOUND");
  const { calendar: renamed } = await expectBody(await request.put(url, { headers: user.auth, data: { name: "New", color: "#ff0000" } }), 200, CalendarEnvelope);
  expect(renamed).toMatchObject({ name: "New", color: "#ff0000", description: null });
  await expectError(await request.put(url, { headers: stranger.auth, data: { name: "x" } }), 404, "NOT_FOUND");
  await expectError(await request.delete(url, { headers: stranger.auth }), 404, "NOT_FOUND");
  await expectBody(await request.delete(url, { headers: user.auth }), 200, Ok);
  await expectError(await request.get(url, { headers: user.auth }), 404, "NOT_FOUND");
});

test("/api/v1/calendars/:cid/users – owners add, re-role and remove members; members are read-only managers", async ({ request }) => {
  const owner = await newUser(request, { name: "Owner" });
  const alice = await newUser(request, { name: "Alice" });
  const bob = await newUser(request, { name: "Bob" });
  const calendar = await newCalendar(request, owner);
  const url = `/api/v1/calendars/${calendar.id}/users`;
  const added = await expectBody(await request.post(url, { headers: owner.auth, data: { user_id: alice.id, role: "member" } }), 201, MemberEnvelope);
  expect(added.user).toMatchObject({ id: alice.id, role: "member" });
  await expectError(await request.post(url, { headers: owner.auth, data: { user_id: alice.id } }), 409, "CONFLICT");
  await expectError(await request.post(url, { headers: owner.auth, data: { user_id: "00000000-0000-0000-0000-000000000000" } }), 404, "NOT_FOUND");
  await expectError(await request.post(url, { headers: owner.auth, data: { user_id: bob.id, role: "king" } }), 422, "VALIDATION_ERROR");
  // A member sees the calendar but may not manage members.
  const members = await expectBody(await request.get(url, { headers: alice.auth }), 200, MembersEnvelope);
  expect(members.users.map((u) => [u.name, u.role])).toEqual([["Owner", "owner"], ["Alice", "member"]]);
  await expectError(await request.post(url, { headers: alice.auth, data: { user_id: bob.id } }), 403, "FORBIDDEN");
  await expectError(await request.put(`/api/v1/calendars/${calendar.id}`, { headers: alice.auth, data: { name: "x" } }), 403, "FORBIDDEN");
  const changed = await expectBody(await request.put(`${url}/${alice.id}`, { headers: owner.auth, data: { role: "admin" } }), 200, MemberEnvelope);
  expect(changed.user.role).toBe("admin");
  // The last owner can neither be demoted nor leave.
  await expectError(await request.put(`${url}/${owner.id}`, { headers: owner.auth, data: { role: "member" } }), 422, "VALIDATION_ERROR");
  await expectError(await request.delete(`${url}/${owner.id}`, { headers: owner.auth }), 409, "CONFLICT");
  await expectBody(await request.delete(`${url}/${alice.id}`, { headers: owner.auth }), 200, Ok);
  await expectError(await request.get(`/api/v1/calendars/${calendar.id}`, { headers: alice.auth }), 404, "NOT_FOUND");
});

test("GET /api/v1/users?q= – finds users by name or email", async ({ request }) => {
  const user = await newUser(request, { name: "Zebulon Quartz" });
  const found = await expectBody(await request.get("/api/v1/users?q=zebulon", { headers: user.auth }), 200, UsersEnvelope);
  expect(found.users.map((u) => u.id)).toContain(user.id);
  expect(found.users.every((u) => /zebulon/i.test(u.name + u.email))).toBe(true);
});
