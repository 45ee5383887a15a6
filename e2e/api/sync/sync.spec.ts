import { expect, test, type APIRequestContext } from "@playwright/test";
import fc from "fast-check";
import { EventEnvelope, EventsEnvelope, SyncEnvelope } from "../../../lib/api/sweetdate/schemas.ts";
import { expectBody, expectError, newCalendar, newUser, type TestUser } from "../../helpers.ts";
import { fullState, syncRound, SyncReplica } from "./sync-client.ts";

const events = (calendarId: string) => `/api/v1/calendars/${calendarId}/events`;
const at = (day: number, hour = 9) => new Date(Date.UTC(2025, 8, 1 + day, hour)).toISOString().replace(".000Z", "Z");

async function create(request: APIRequestContext, user: TestUser, calendarId: string, data: Record<string, unknown>) {
  return (await expectBody(await request.post(events(calendarId), { headers: user.auth, data }), 201, EventEnvelope)).event;
}

test("GET /api/v1/calendars/:cid/events?sync_token= – full round with paging, then only changes and deletions", async ({ request }) => {
  const user = await newUser(request);
  const calendar = await newCalendar(request, user);
  const ids: string[] = [];
  for (let i = 0; i < 5; i++) ids.push((await create(request, user, calendar.id, { title: `E${i}`, starts_at: at(i), ends_at: at(i, 10) })).id);
  // Pages of 2: only the last one carries the next token.
  const first = await expectBody(await request.get(`${events(calendar.id)}?sync_token=&limit=2`, { headers: user.auth }), 200, SyncEnvelope);
  expect(first.meta).toEqual({ limit: 2, offset: 0, total: 5 });
  const last = await expectBody(await request.get(`${events(calendar.id)}?sync_token=&limit=2&offset=4`, { headers: user.auth }), 200, SyncEnvelope);
  expect(last.meta.next_sync_token).toEqual(expect.any(String));
  const full = (await syncRound(request, user, calendar.id, "", 2))!;
  expect(full.items.map((i) => i.id).sort()).toEqual([...ids].sort());
  expect(await syncRound(request, user, calendar.id, full.next)).toMatchObject({ items: [] });

  await request.put(`${events(calendar.id)}/${ids[0]}`, { headers: user.auth, data: { title: "E0 renamed" } });
  await request.delete(`${events(calendar.id)}/${ids[1]}`, { headers: user.auth });
  const added = await create(request, user, calendar.id, { title: "E5", starts_at: at(6), ends_at: at(6, 10) });
  const delta = (await syncRound(request, user, calendar.id, full.next))!;
  expect(delta.items).toEqual(
    expect.arrayContaining([expect.objectContaining({ id: ids[0], title: "E0 renamed", exdates: [] }), { id: ids[1], deleted: true }, expect.objectContaining({ id: added.id })]),
  );
  expect(delta.items).toHaveLength(3);
  expect(delta.next).not.toBe(full.next);
  expect((await syncRound(request, user, calendar.id, delta.next))!.items).toEqual([]);
});

test("GET …/events?sync_token= – a series carries exdates, an override travels under its occurrence id", async ({ request }) => {
  const user = await newUser(request);
  const calendar = await newCalendar(request, user);
  const series = await create(request, user, calendar.id, { title: "Daily", starts_at: at(0), ends_at: at(0, 10), rrule: "FREQ=DAILY;COUNT=10" });
  const start = (await syncRound(request, user, calendar.id, ""))!;
  await request.put(`${events(calendar.id)}/${series.id}_20250903T090000Z?scope=this`, { headers: user.auth, data: { title: "Moved", starts_at: at(2, 11), ends_at: at(2, 12) } });
  await request.delete(`${events(calendar.id)}/${series.id}_20250905T090000Z?scope=this`, { headers: user.auth });
  const delta = (await syncRound(request, user, calendar.id, start.next))!;
  const master = delta.items.find((i) => i.id === series.id);
  expect(master).toMatchObject({ exdates: ["2025-09-05T09:00:00Z"], rrule: "FREQ=DAILY;COUNT=10" });
  expect(delta.items.find((i) => i.id === `${series.id}_20250903T090000Z`)).toMatchObject({ title: "Moved", recurring_event_id: series.id, original_starts_at: "2025-09-03T09:00:00Z", starts_at: "2025-09-03T11:00:00Z" });
});

test("GET …/events?sync_token= – 410 SYNC_TOKEN_EXPIRED for malformed, forged, foreign-user and foreign-calendar tokens; 422 with from/to/q", async ({ request }) => {
  const user = await newUser(request);
  const other = await newUser(request);
  const calendar = await newCalendar(request, user);
  const second = await newCalendar(request, user);
  await request.post(`/api/v1/calendars/${calendar.id}/users`, { headers: user.auth, data: { user_id: other.id, role: "member" } });
  const token = (await syncRound(request, user, calendar.id, ""))!.next;
  const url = (t: string, cal = calendar.id) => `${events(cal)}?sync_token=${encodeURIComponent(t)}`;
  const forged = token.replace(/^./, (c) => (c === "M" ? "N" : "M"));
  for (const bad of ["nonsense", "a.b", `${token}x`, forged, "..."]) {
    await expectError(await request.get(url(bad), { headers: user.auth }), 410, "SYNC_TOKEN_EXPIRED");
  }
  await expectError(await request.get(url(token), { headers: other.auth }), 410, "SYNC_TOKEN_EXPIRED");
  await expectError(await request.get(url(token, second.id), { headers: user.auth }), 410, "SYNC_TOKEN_EXPIRED");
  for (const extra of ["from=2025-01-01T00:00:00Z&to=2025-02-01T00:00:00Z", "q=x"]) {
    await expectError(await request.get(`${url(token)}&${extra}`, { headers: user.auth }), 422, "VALIDATION_ERROR");
  }
  await expectError(await request.get(`/api/v1/events?sync_token=`, { headers: user.auth }), 422, "VALIDATION_ERROR");
  // Without membership the calendar does not exist for the caller.
  const stranger = await newUser(request);
  await expectError(await request.get(url(""), { headers: stranger.auth }), 404, "NOT_FOUND");
});

// ── Property: replaying sync deltas always equals a full list ─────────────────────────────────
type Op =
  | { kind: "single"; day: number; visibility: string; stakeholder: string }
  | { kind: "series"; day: number; count: number }
  | { kind: "edit"; pick: number; title: string; shift: number; visibility: string }
  | { kind: "occurrence"; pick: number; nth: number; scope: "this" | "following" | "all"; shift: number; title: string; visibility: string }
  | { kind: "deleteOccurrence"; pick: number; nth: number; scope: "this" | "following" | "all" }
  | { kind: "delete"; pick: number }
  | { kind: "participant"; pick: number; add: boolean }
  | { kind: "membership"; role: "member" | "admin" | "guest" | "none" };

const visibility = fc.constantFrom("public", "private", "busy");
const scope = fc.constantFrom("this" as const, "following" as const, "all" as const);
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant("single" as const), day: fc.integer({ min: 0, max: 20 }), visibility, stakeholder: fc.constantFrom("group", "just_me", "everyone") }),
  fc.record({ kind: fc.constant("series" as const), day: fc.integer({ min: 0, max: 10 }), count: fc.integer({ min: 2, max: 8 }) }),
  fc.record({ kind: fc.constant("edit" as const), pick: fc.nat(), title: fc.constantFrom("A", "B #tag"), shift: fc.integer({ min: -2, max: 2 }), visibility }),
  fc.record({ kind: fc.constant("occurrence" as const), pick: fc.nat(), nth: fc.nat(), scope, shift: fc.integer({ min: -1, max: 1 }), title: fc.constantFrom("X", "Y"), visibility }),
  fc.record({ kind: fc.constant("deleteOccurrence" as const), pick: fc.nat(), nth: fc.nat(), scope }),
  fc.record({ kind: fc.constant("delete" as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant("participant" as const), pick: fc.nat(), add: fc.boolean() }),
  fc.record({ kind: fc.constant("membership" as const), role: fc.constantFrom("member" as const, "admin" as const, "guest" as const, "none" as const) }),
);

async function apply(request: APIRequestContext, owner: TestUser, viewer: TestUser, calendarId: string, step: Op, member: { role: string }) {
  const base = events(calendarId);
  const stored = [...(await fullState(request, owner, calendarId)).values()];
  const masters = stored.filter((e) => e.recurring_event_id === null);
  const seriesList = masters.filter((e) => e.rrule !== null);
  const pickOf = <T>(list: T[], n: number) => (list.length ? list[n % list.length]! : null);
  const shifted = (iso: string, hours: number) => new Date(Date.parse(iso) + hours * 3_600_000).toISOString().replace(".000Z", "Z");
  let response;
  switch (step.kind) {
    case "single":
      response = await request.post(base, { headers: owner.auth, data: { title: "S", starts_at: at(step.day), ends_at: at(step.day, 10), visibility: step.visibility, stakeholder: step.stakeholder } });
      break;
    case "series":
      response = await request.post(base, { headers: owner.auth, data: { title: "R", starts_at: at(step.day), ends_at: at(step.day, 10), rrule: `FREQ=DAILY;COUNT=${step.count}` } });
      break;
    case "edit": {
      const target = pickOf(stored, step.pick);
      if (!target) return;
      response = await request.put(`${base}/${target.id}`, { headers: owner.auth, data: { title: step.title, visibility: step.visibility, starts_at: shifted(target.starts_at, step.shift), ends_at: shifted(target.ends_at, step.shift) } });
      break;
    }
    case "occurrence":
    case "deleteOccurrence": {
      const series = pickOf(seriesList, step.pick);
      if (!series) return;
      const window = await expectBody(await request.get(`${base}?from=2025-08-20T00:00:00Z&to=2025-10-20T00:00:00Z&limit=100`, { headers: owner.auth }), 200, EventsEnvelope);
      const occurrence = pickOf(window.events.filter((e) => e.recurring_event_id === series.id), step.nth);
      if (!occurrence) return;
      const url = `${base}/${occurrence.id}?scope=${step.scope}`;
      response =
        step.kind === "occurrence"
          ? await request.put(url, { headers: owner.auth, data: { title: step.title, visibility: step.visibility, starts_at: shifted(occurrence.starts_at, step.shift), ends_at: shifted(occurrence.ends_at, step.shift) } })
          : await request.delete(url, { headers: owner.auth });
      break;
    }
    case "delete": {
      const target = pickOf(stored, step.pick);
      if (!target) return;
      response = await request.delete(`${base}/${target.id}`, { headers: owner.auth });
      break;
    }
    case "participant": {
      const target = pickOf(masters, step.pick);
      if (!target) return;
      response = step.add
        ? await request.post(`${base}/${target.id}/users`, { headers: owner.auth, data: { user_id: viewer.id, role: "viewer" } })
        : await request.delete(`${base}/${target.id}/users/${viewer.id}`, { headers: owner.auth });
      break;
    }
    case "membership": {
      const url = `/api/v1/calendars/${calendarId}/users`;
      if (step.role === "none") response = member.role === "none" ? null : await request.delete(`${url}/${viewer.id}`, { headers: owner.auth });
      else response = member.role === "none" ? await request.post(url, { headers: owner.auth, data: { user_id: viewer.id, role: step.role } }) : await request.put(`${url}/${viewer.id}`, { headers: owner.auth, data: { role: step.role } });
      if (response && response.ok()) member.role = step.role;
      break;
    }
  }
  if (response) expect(response.status(), `${JSON.stringify(step)} → ${await response.text()}`).toBeLessThan(500);
}

test("property: after any sequence of writes (all scopes, access changes), sync deltas reproduce a full list", async ({ request }) => {
  test.setTimeout(300_000);
  await fc.assert(
    fc.asyncProperty(fc.array(op, { minLength: 3, maxLength: 9 }), async (steps) => {
      const owner = await newUser(request, { name: "Owner" });
      const viewer = await newUser(request, { name: "Viewer" });
      const calendar = await newCalendar(request, owner);
      await request.post(`/api/v1/calendars/${calendar.id}/users`, { headers: owner.auth, data: { user_id: viewer.id, role: "member" } });
      const member = { role: "member" };
      const replicas = [new SyncReplica(request, owner, calendar.id), new SyncReplica(request, viewer, calendar.id)];
      for (const r of replicas) await r.pull();
      for (const step of steps) {
        await apply(request, owner, viewer, calendar.id, step, member);
        for (const [i, replica] of replicas.entries()) {
          if (i === 1 && member.role === "none") continue; // not a member: the calendar is a 404 for them
          await replica.pull();
          const truth = await fullState(request, i === 0 ? owner : viewer, calendar.id);
          expect(Object.fromEntries(replica.items), `after ${JSON.stringify(step)} for ${i === 0 ? "owner" : "viewer"}`).toEqual(Object.fromEntries(truth));
        }
      }
      // Incremental rounds did the work: only the first round (and access changes) were full.
      expect(replicas[0]!.fullRounds).toBe(1);
    }),
    { numRuns: Number(process.env.SYNC_PROPERTY_RUNS ?? 12), endOnFailure: true },
  );
});
