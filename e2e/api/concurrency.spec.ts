// Two requests fired at the same moment, many rounds: a series, a calendar's owners and an event's
// ETag stay consistent whichever request wins. Runs on SQLite and on PostgreSQL (npm run test:pg).
import { expect, test, type APIRequestContext, type APIResponse } from "@playwright/test";
import { EventEnvelope, EventsEnvelope, MemberEnvelope, MembersEnvelope, Ok, TokenEnvelope } from "../../lib/api/sweetdate/schemas.ts";
import { expectBody, newCalendar, newUser, type TestUser } from "../helpers.ts";

const ROUNDS = Number(process.env.RACE_ROUNDS ?? 20);
const DAY = 86_400_000;

test.describe.configure({ timeout: 240_000 });

/** "2030-01-03T09:00:00Z" → "20300103T090000Z" (the occurrence id suffix). */
const stamp = (iso: string) => iso.replace(/[-:]/g, "").replace(/\.\d+/, "");
const iso = (ms: number) => new Date(ms).toISOString().replace(/\.000Z$/, "Z");

interface Round {
  user: TestUser;
  base: string;
  id: string;
  etag: string;
  /** Starts (ms) of the ten daily occurrences. */
  days: number[];
  window: string;
}

/** A daily series of ten occurrences at 09:00Z, in a month of its own so rounds never overlap. */
async function dailySeries(request: APIRequestContext, user: TestUser, base: string, round: number): Promise<Round> {
  const first = Date.UTC(2030, round, 1, 9);
  const response = await request.post(base, {
    headers: user.auth,
    data: { title: `Daily ${round}`, starts_at: iso(first), ends_at: iso(first + 3_600_000), time_zone: "UTC", rrule: "FREQ=DAILY;COUNT=10" },
  });
  const { event } = await expectBody(response, 201, EventEnvelope);
  const days = Array.from({ length: 10 }, (_, i) => first + i * DAY);
  return { user, base, id: event.id, etag: response.headers().etag!, days, window: `from=${iso(first - 2 * DAY)}&to=${iso(first + 14 * DAY)}` };
}

const occurrenceId = (r: Round, n: number) => `${r.id}_${stamp(iso(r.days[n - 1]!))}`;

/** Fires both at once; returns their responses in order. */
async function race(a: () => Promise<APIResponse>, b: () => Promise<APIResponse>): Promise<[APIResponse, APIResponse]> {
  return Promise.all([a(), b()]);
}

/** The invariant of a series: each day shows at most once, and every listed item reads and deletes. */
async function expectConsistent(request: APIRequestContext, r: Round, expectedCount: number | "any") {
  const { events } = await expectBody(await request.get(`${r.base}?${r.window}&limit=100`, { headers: r.user.auth }), 200, EventsEnvelope);
  const days = events.map((e) => (e.original_starts_at ?? e.starts_at).slice(0, 10));
  expect(new Set(days).size, `a day shows twice: ${JSON.stringify(events.map((e) => [e.id, e.title, e.starts_at]))}`).toBe(days.length);
  if (expectedCount !== "any") expect(events).toHaveLength(expectedCount);
  for (const e of events) {
    const got = await request.get(`${r.base}/${e.id}`, { headers: r.user.auth });
    expect(got.status(), `listed ${e.id} cannot be read`).toBe(200);
  }
  // Deleting what is listed works too (an orphan override could be listed but not deleted).
  for (const e of events.filter((e) => e.title === "mine")) {
    await expectBody(await request.delete(`${r.base}/${e.id}?scope=this`, { headers: r.user.auth }), 200, Ok);
  }
  return events;
}

/** Statuses a request that lost a race may get; with If-Match it must be 412. */
function expectOneWinner(statuses: number[], ifMatch: boolean) {
  if (ifMatch) {
    expect(statuses.slice().sort()).toEqual([200, 412]);
  } else {
    expect(statuses.filter((s) => s === 200).length, `statuses ${statuses}`).toBeGreaterThanOrEqual(1);
    for (const s of statuses) expect([200, 404, 409], `statuses ${statuses}`).toContain(s);
  }
}

async function setUp(request: APIRequestContext) {
  const user = await newUser(request);
  const calendar = await newCalendar(request, user);
  return { user, base: `/api/v1/calendars/${calendar.id}/events` };
}

test("PUT scope=this racing PUT scope=all (a move) – one winner, the loser 409/412, no day twice", async ({ request }) => {
  const { user, base } = await setUp(request);
  for (let round = 0; round < ROUNDS; round++) {
    const r = await dailySeries(request, user, base, round);
    const withEtag = round % 2 === 0;
    const headers = { ...user.auth, ...(withEtag ? { "if-match": r.etag } : {}) };
    // Half the rounds move the series through its own id, half through an occurrence's.
    const mover = round % 4 < 2 ? r.id : occurrenceId(r, 2);
    const moverStart = round % 4 < 2 ? r.days[0]! : r.days[1]!;
    const [a, b] = await race(
      () => request.put(`${base}/${occurrenceId(r, 3)}?scope=this`, { headers, data: { title: "mine" } }),
      () => request.put(`${base}/${mover}?scope=all`, { headers, data: { starts_at: iso(moverStart + 3_600_000), ends_at: iso(moverStart + 7_200_000) } }),
    );
    expectOneWinner([a.status(), b.status()], withEtag);
    await expectConsistent(request, r, 10);
  }
});

test("PUT scope=this racing PUT scope=following – one winner, the loser 409/412, no day twice", async ({ request }) => {
  const { user, base } = await setUp(request);
  for (let round = 0; round < ROUNDS; round++) {
    const r = await dailySeries(request, user, base, round);
    const withEtag = round % 2 === 0;
    const headers = { ...user.auth, ...(withEtag ? { "if-match": r.etag } : {}) };
    const [a, b] = await race(
      () => request.put(`${base}/${occurrenceId(r, 6)}?scope=this`, { headers, data: { title: "mine" } }),
      () => request.put(`${base}/${occurrenceId(r, 4)}?scope=following`, { headers, data: { title: "tail" } }),
    );
    expectOneWinner([a.status(), b.status()], withEtag);
    const events = await expectConsistent(request, r, 10);
    if (b.status() === 200) expect(events.slice(3).map((e) => e.title).filter((t) => t !== "tail")).toEqual(a.status() === 200 ? ["mine"] : []);
  }
});

test("PUT scope=this racing DELETE of the series – one winner, never an override on a deleted series", async ({ request }) => {
  const { user, base } = await setUp(request);
  for (let round = 0; round < ROUNDS; round++) {
    const r = await dailySeries(request, user, base, round);
    const withEtag = round % 2 === 0;
    const headers = { ...user.auth, ...(withEtag ? { "if-match": r.etag } : {}) };
    const [a, b] = await race(
      () => request.put(`${base}/${occurrenceId(r, 3)}?scope=this`, { headers, data: { title: "mine" } }),
      () => request.delete(`${base}/${r.id}`, { headers }),
    );
    expectOneWinner([a.status(), b.status()], withEtag);
    const events = await expectConsistent(request, r, b.status() === 200 ? 0 : 10);
    if (b.status() === 200) expect(events).toEqual([]);
  }
});

test("PUT If-Match racing PUT If-Match on one event – exactly one 200, the other 412", async ({ request }) => {
  const { user, base } = await setUp(request);
  for (let round = 0; round < ROUNDS; round++) {
    const created = await request.post(base, { headers: user.auth, data: { title: "single", starts_at: "2030-05-01T09:00:00Z", ends_at: "2030-05-01T10:00:00Z" } });
    const { event } = await expectBody(created, 201, EventEnvelope);
    const headers = { ...user.auth, "if-match": created.headers().etag! };
    const [a, b] = await race(
      () => request.put(`${base}/${event.id}`, { headers, data: { title: "first" } }),
      () => request.put(`${base}/${event.id}`, { headers, data: { title: "second" } }),
    );
    expect([a.status(), b.status()].sort()).toEqual([200, 412]);
    const { event: after } = await expectBody(await request.get(`${base}/${event.id}`, { headers: user.auth }), 200, EventEnvelope);
    expect(after.title).toBe(a.status() === 200 ? "first" : "second");
    expect(after.sequence).toBe(event.sequence + 1);
  }
});

async function twoOwners(request: APIRequestContext) {
  const [one, two] = [await newUser(request), await newUser(request)];
  const calendar = await newCalendar(request, one);
  const members = `/api/v1/calendars/${calendar.id}/users`;
  await expectBody(await request.post(members, { headers: one.auth, data: { user_id: two.id, role: "owner" } }), 201, MemberEnvelope);
  return { one, two, members };
}

async function expectAnOwner(request: APIRequestContext, members: string, users: TestUser[]) {
  for (const user of users) {
    const response = await request.get(members, { headers: user.auth });
    if (response.status() === 404) continue; // left the calendar
    const { users: list } = await expectBody(response, 200, MembersEnvelope);
    expect(list.filter((m) => m.role === "owner").length, JSON.stringify(list)).toBeGreaterThanOrEqual(1);
    return;
  }
  throw new Error("no one is left in the calendar");
}

test("two owners demoting each other at once – the calendar keeps an owner", async ({ request }) => {
  for (let round = 0; round < ROUNDS; round++) {
    const { one, two, members } = await twoOwners(request);
    const [a, b] = await race(
      () => request.put(`${members}/${two.id}`, { headers: one.auth, data: { role: "admin" } }),
      () => request.put(`${members}/${one.id}`, { headers: two.auth, data: { role: "admin" } }),
    );
    const statuses = [a.status(), b.status()].sort();
    expect(statuses[0], `statuses ${statuses}`).toBe(200);
    expect([403, 422], `statuses ${statuses}`).toContain(statuses[1]);
    await expectAnOwner(request, members, [one, two]);
  }
});

test("two owners leaving at once – one leaves, the last owner stays (409)", async ({ request }) => {
  for (let round = 0; round < ROUNDS; round++) {
    const { one, two, members } = await twoOwners(request);
    const [a, b] = await race(
      () => request.delete(`${members}/${one.id}`, { headers: one.auth }),
      () => request.delete(`${members}/${two.id}`, { headers: two.auth }),
    );
    expect([a.status(), b.status()].sort()).toEqual([200, 409]);
    await expectAnOwner(request, members, [one, two]);
  }
});

test("writes outside a transaction while others roll back – every acknowledged API token works", async ({ request }) => {
  // On SQLite every request shares one connection: a write made while another request's
  // transaction was open used to join it, and vanished with its rollback (still answered 201).
  const { user, base } = await setUp(request);
  const r = await dailySeries(request, user, base, 0);
  const tokens: string[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const failing = Array.from({ length: 4 }, (_, i) =>
      // Invalid times: refused (422) inside the transaction, which rolls back.
      request.put(`${base}/${occurrenceId(r, 1 + ((round + i) % 10))}?scope=this`, { headers: user.auth, data: { starts_at: "2030-01-05T10:00:00Z", ends_at: "2030-01-05T09:00:00Z" } }),
    );
    const creating = Array.from({ length: 4 }, () => request.post("/api/v1/tokens", { headers: user.auth, data: { name: `round ${round}` } }));
    const [refused, created] = await Promise.all([Promise.all(failing), Promise.all(creating)]);
    for (const response of refused) expect(response.status()).toBe(422);
    for (const response of created) tokens.push((await expectBody(response, 201, TokenEnvelope)).token.token!);
  }
  for (const token of tokens) {
    const me = await request.get("/api/v1/me", { headers: { Authorization: `Bearer ${token}` } });
    expect(me.status(), "an acknowledged token does not work").toBe(200);
  }
});
