// The user directory (/api/v1/users, Kona /api/users) shows only people who share a calendar with
// the caller, plus the one person whose exact email is asked for (to invite them).
import { expect, test } from "@playwright/test";
import { Users } from "../../../lib/api/kona/schemas.ts";
import { Ok, UsersEnvelope } from "../../../lib/api/sweetdate/schemas.ts";
import { expectBody, newCalendar, newUser } from "../../helpers.ts";

test("GET /api/v1/users, /api/users – a fresh sign-up sees only themselves; no one else's email leaks", async ({ request }) => {
  await newUser(request, { name: "Somebody Else" });
  const fresh = await newUser(request, { name: "Fresh Signup" });
  const all = await expectBody(await request.get("/api/v1/users?limit=100", { headers: fresh.auth }), 200, UsersEnvelope);
  expect(all.users.map((u) => u.id)).toEqual([fresh.id]);
  expect(all.meta.total).toBe(1);
  const kona = await expectBody(await request.get("/api/users?per_page=100", { headers: fresh.auth }), 200, Users);
  expect(kona.users.map((u) => u.email)).toEqual([fresh.email]);
  for (const q of ["@", "example", "e", "Somebody"]) {
    expect((await expectBody(await request.get(`/api/v1/users?q=${encodeURIComponent(q)}`, { headers: fresh.auth }), 200, UsersEnvelope)).users.every((u) => u.id === fresh.id)).toBe(true);
  }
});

test("GET /api/v1/users?q= – people sharing a calendar are found by part of a name; others only by their exact email; removal ends it", async ({ request }) => {
  const tag = `dir${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const owner = await newUser(request, { name: `${tag} Owner` });
  const member = await newUser(request, { name: `${tag} Member` });
  const stranger = await newUser(request, { name: `${tag} Stranger` });
  const calendar = await newCalendar(request, owner);
  expect((await request.post(`/api/v1/calendars/${calendar.id}/users`, { headers: owner.auth, data: { user_id: member.id, role: "member" } })).status()).toBe(201);

  const search = async (who: typeof owner, q: string) => (await expectBody(await request.get(`/api/v1/users?q=${encodeURIComponent(q)}`, { headers: who.auth }), 200, UsersEnvelope)).users.map((u) => u.id).sort();
  expect(await search(owner, tag)).toEqual([owner.id, member.id].sort());
  expect(await search(member, tag)).toEqual([owner.id, member.id].sort());
  expect(await search(stranger, tag)).toEqual([stranger.id]);
  // The exact address finds anyone (any case, padded), a near miss finds no one.
  expect(await search(owner, stranger.email)).toEqual([stranger.id]);
  expect(await search(owner, ` ${stranger.email.toUpperCase()} `)).toEqual([stranger.id]);
  expect(await search(owner, stranger.email.slice(0, -1))).toEqual([]);
  const konaExact = await expectBody(await request.get(`/api/users?like=${encodeURIComponent(stranger.email)}`, { headers: owner.auth }), 200, Users);
  expect(konaExact.users.map((u) => u.email)).toEqual([stranger.email]);

  await expectBody(await request.delete(`/api/v1/calendars/${calendar.id}/users/${member.id}`, { headers: owner.auth }), 200, Ok);
  expect(await search(owner, tag)).toEqual([owner.id]);
  expect(await search(member, tag)).toEqual([member.id]);
});
