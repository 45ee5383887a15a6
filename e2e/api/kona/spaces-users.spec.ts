import { expect, test } from "@playwright/test";
import { Spaces, Users } from "../../../lib/api/kona/schemas.ts";
import { CalendarEnvelope } from "../../../lib/api/sweetdate/schemas.ts";
import { expectBody } from "../../helpers.ts";
import { expectProblem, fieldsOf, konaSetup, konaUser } from "./kona.ts";

test("POST /api/spaces – 201 with Location; GET, PUT (full resource) and DELETE (204) /api/spaces/:id", async ({ request }) => {
  const user = await konaUser(request);
  const response = await request.post("/api/spaces", { headers: user.auth, data: { spaces: [{ name: "Team", description: "Our space", color: "#10b981", time_zone: "Europe/Berlin" }] } });
  const space = (await expectBody(response, 201, Spaces)).spaces[0]!;
  expect(space).toMatchObject({ name: "Team", description: "Our space", color: "#10b981", time_zone: "Europe/Berlin", role: "owner" });
  expect(response.headers()["location"]).toBe(space.href);
  expect(space.href).toMatch(new RegExp(`^http://[^/]+/api/spaces/${space.id}$`));
  expect(String(space.created_at)).toMatch(/^\d{13}$/);
  const read = await expectBody(await request.get(`/api/spaces/${space.id}`, { headers: user.auth }), 200, Spaces);
  expect(read.spaces).toEqual([space]);
  const changed = await expectBody(await request.put(`/api/spaces/${space.id}`, { headers: user.auth, data: { space: { name: "Team B", id: 999 } } }), 200, Spaces);
  expect(changed.spaces[0]).toMatchObject({ id: space.id, name: "Team B", description: "Our space", time_zone: "Europe/Berlin" });
  // Bare objects and defaults (the creator's time zone, the default colour).
  const bare = await expectBody(await request.post("/api/spaces", { headers: user.auth, data: { name: "Bare" } }), 201, Spaces);
  expect(bare.spaces[0]).toMatchObject({ name: "Bare", description: null, time_zone: "UTC", color: "#3b82f6" });
  const deleted = await request.delete(`/api/spaces/${space.id}`, { headers: user.auth });
  expect(deleted.status()).toBe(204);
  expect(await deleted.text()).toBe("");
  await expectProblem(await request.get(`/api/spaces/${space.id}`, { headers: user.auth }), 404, "not-found");
});

test("GET /api/spaces – the caller's spaces with integer ids, paged with Link and X-Total-Count", async ({ request }) => {
  const user = await konaUser(request);
  for (const name of ["One", "Two", "Three"]) await request.post("/api/spaces", { headers: user.auth, data: { name } });
  const page1 = await request.get("/api/spaces?per_page=2", { headers: user.auth });
  expect((await expectBody(page1, 200, Spaces)).spaces.map((s) => s.name)).toEqual(["One", "Two"]);
  expect(page1.headers()["x-total-count"]).toBe("3");
  expect(page1.headers()["link"]).toMatch(/<http:\/\/[^>]+\/api\/spaces\?per_page=2&page=2>; rel="next"/);
  const page2 = await request.get("/api/spaces?per_page=2&page=2", { headers: user.auth });
  expect((await expectBody(page2, 200, Spaces)).spaces.map((s) => s.name)).toEqual(["Three"]);
  expect(page2.headers()["link"]).toMatch(/rel="prev"/);
  await expectProblem(await request.get("/api/spaces?per_page=500", { headers: user.auth }), 400, "bad-request");
});

test("PUT /api/spaces/:id – 403 for a member who is not an admin, 404 for outsiders and malformed ids, 422 details", async ({ request }) => {
  const { user: owner, calendar, spaceId } = await konaSetup(request);
  const member = await konaUser(request);
  const outsider = await konaUser(request);
  await request.post(`/api/v1/calendars/${calendar.id}/users`, { headers: owner.auth, data: { user_id: member.id, role: "member" } });
  const seen = await expectBody(await request.get(`/api/spaces/${spaceId}`, { headers: member.auth }), 200, Spaces);
  expect(seen.spaces[0]!.role).toBe("member");
  const forbidden = await expectProblem(await request.put(`/api/spaces/${spaceId}`, { headers: member.auth, data: { name: "x" } }), 403, "forbidden");
  expect(forbidden.details).toBe("only the space's owners and admins may change it");
  await expectProblem(await request.delete(`/api/spaces/${spaceId}`, { headers: member.auth }), 403, "forbidden");
  await expectProblem(await request.get(`/api/spaces/${spaceId}`, { headers: outsider.auth }), 404, "not-found");
  await expectProblem(await request.put(`/api/spaces/${spaceId}`, { headers: outsider.auth, data: { name: "x" } }), 404, "not-found");
  for (const id of ["abc", "0", "2147483648"]) await expectProblem(await request.get(`/api/spaces/${id}`, { headers: owner.auth }), 404, "not-found");
  const invalid = await expectProblem(await request.put(`/api/spaces/${spaceId}`, { headers: owner.auth, data: { name: " ", color: "red", time_zone: "Mars/Base", owner: 1 } }), 422, "validation");
  expect(fieldsOf(invalid)).toEqual({ owner: ["is not allowed"] });
  const rules = await expectProblem(await request.put(`/api/spaces/${spaceId}`, { headers: owner.auth, data: { name: " ", color: "red", time_zone: "Mars/Base" } }), 422, "validation");
  expect(Object.keys(fieldsOf(rules)).sort()).toEqual(["color", "name", "time_zone"]);
  const missing = await expectProblem(await request.post("/api/spaces", { headers: owner.auth, data: {} }), 422, "validation");
  expect(fieldsOf(missing)).toEqual({ name: ["can't be blank"] });
  // The SweetDate view of the space is unchanged by the refused writes.
  const { calendar: after } = await expectBody(await request.get(`/api/v1/calendars/${calendar.id}`, { headers: owner.auth }), 200, CalendarEnvelope);
  expect(after.name).toBe(calendar.name);
});

test("GET /api/userinfo – the authenticated user wrapped in users", async ({ request }) => {
  const user = await konaUser(request, { name: "Ada Lovelace", timeZone: "Europe/London" });
  const response = await request.get("/api/userinfo", { headers: user.auth });
  const { users } = await expectBody(response, 200, Users);
  expect(users).toEqual([{ id: user.konaId, name: "Ada Lovelace", email: user.email, time_zone: "Europe/London", created_at: users[0]!.created_at, updated_at: users[0]!.updated_at }]);
  expect(String(users[0]!.created_at)).toMatch(/^\d{13}$/);
});

test("GET /api/users – like= prefix on name or email among people sharing a space (others only by exact email), space_id= members, paging", async ({ request }) => {
  const tag = `kz${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const { user: owner, calendar, spaceId } = await konaSetup(request, { name: `${tag} Owner` });
  const member = await konaUser(request, { name: `${tag} Member` });
  const loner = await konaUser(request, { name: `${tag} Loner` });
  await request.post(`/api/v1/calendars/${calendar.id}/users`, { headers: owner.auth, data: { user_id: member.id, role: "member" } });
  // The loner shares no space with the owner: not listed by a prefix, found by their exact email.
  const byName = await request.get(`/api/users?like=${tag}`, { headers: owner.auth });
  expect((await expectBody(byName, 200, Users)).users.map((u) => u.name)).toEqual([`${tag} Member`, `${tag} Owner`]);
  expect(byName.headers()["x-total-count"]).toBe("2");
  // Emails start with the name's slug (see e2e/helpers.ts uniqueEmail).
  const byPrefix = await expectBody(await request.get(`/api/users?like=${encodeURIComponent(member.email.slice(0, member.email.indexOf("@")))}`, { headers: owner.auth }), 200, Users);
  expect(byPrefix.users.map((u) => u.id)).toEqual([member.konaId]);
  expect((await expectBody(await request.get(`/api/users?like=${encodeURIComponent(loner.email.slice(0, loner.email.indexOf("@")))}`, { headers: owner.auth }), 200, Users)).users).toEqual([]);
  const byEmail = await expectBody(await request.get(`/api/users?like=${encodeURIComponent(loner.email.toUpperCase())}`, { headers: owner.auth }), 200, Users);
  expect(byEmail.users.map((u) => u.id)).toEqual([loner.konaId]);
  const members = await expectBody(await request.get(`/api/users?space_id=${spaceId}`, { headers: owner.auth }), 200, Users);
  expect(members.users.map((u) => u.id).sort()).toEqual([owner.konaId, member.konaId].sort());
  const both = await expectBody(await request.get(`/api/users?space_id=${spaceId}&like=${tag}%20M`, { headers: owner.auth }), 200, Users);
  expect(both.users.map((u) => u.id)).toEqual([member.konaId]);
  const paged = await request.get(`/api/users?like=${tag}&per_page=1&page=2`, { headers: owner.auth });
  expect((await expectBody(paged, 200, Users)).users.map((u) => u.name)).toEqual([`${tag} Owner`]);
  expect(paged.headers()["link"]).toMatch(/rel="prev"/);
  // Membership lists are for members only.
  await expectProblem(await request.get(`/api/users?space_id=${spaceId}`, { headers: loner.auth }), 404, "not-found");
  await expectProblem(await request.get(`/api/users?space_id=x`, { headers: owner.auth }), 400, "bad-request");
});
