// Every read query of lib/db on both engines: the same fixtures written through the services into a
// fresh SQLite file and a fresh PostgreSQL database (skipped when PostgreSQL is not reachable, the
// way scripts/e2e-server.mjs makes throw-away databases), the same expected results on each, and
// the SQL access rule checked against lib/domain/access.ts for every viewer and every event.
import os from "node:os";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postgresReachable, throwawayDatabase, type ThrowawayDatabase } from "./testing/throwaway-database.ts";
import { eventAccess } from "../domain/access.ts";
import type { EventRecord, Viewer } from "../domain/types.ts";

const PG_ADMIN = process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";


interface Fixture {
  users: Record<"alice" | "bob" | "carol" | "dave", number>;
  calendar: { id: number; uuid: string };
  other: { id: number; uuid: string };
  token: string;
  ids: Record<string, number>;
}

/** Everything the queries are asked, as plain data with stable names instead of random uuids and clocks. */
type Results = Record<string, unknown>;

async function seed(): Promise<Fixture> {
  const users = await import("./user-repository.ts");
  const calendars = await import("./calendar-repository.ts");
  const { createEvent } = await import("../services/create-event.ts");
  const { updateEvent } = await import("../services/update-event.ts");
  const { deleteEvent } = await import("../services/delete-event.ts");
  const { loadViewer } = await import("../services/viewer.ts");
  const { createApiToken } = await import("../services/accounts.ts");
  const u = async (name: string) => (await users.insertUser({ email: `${name}@example.test`, name, passwordHash: "x" })).id;
  const ids = { alice: await u("alice"), bob: await u("bob"), carol: await u("carol"), dave: await u("dave") };
  const team = await calendars.insertCalendar({ name: "Team", description: null, color: "#123456", timeZone: "Europe/Berlin" }, ids.alice);
  await calendars.upsertMember(team.id, ids.bob, "member");
  await calendars.upsertMember(team.id, ids.carol, "admin");
  const other = await calendars.insertCalendar({ name: "Dave's", description: null, color: "#654321", timeZone: "UTC" }, ids.dave);
  const { token } = await createApiToken(ids.bob, "test");

  const made: Record<string, number> = {};
  const at = (iso: string) => new Date(iso);
  const create = async (who: number, calendar: typeof team, title: string, extra: Record<string, unknown> = {}) => {
    const v = await createEvent(await loadViewer(who), { ...calendar, role: "owner" }, { title, startsAt: at("2026-03-10T09:00:00Z"), endsAt: at("2026-03-10T10:00:00Z"), ...extra }, "scheduled");
    made[title] = v.event.id;
    return v;
  };
  await create(ids.alice, team, "Public group", { visibility: "public", description: "Agenda: 100%_done\\ok", location: "Room 1" });
  await create(ids.alice, team, "Private group", { visibility: "private", startsAt: at("2026-03-11T09:00:00Z"), endsAt: at("2026-03-11T10:00:00Z") });
  await create(ids.alice, team, "Busy group", { visibility: "busy", startsAt: at("2026-03-12T09:00:00Z"), endsAt: at("2026-03-12T10:00:00Z") });
  await create(ids.alice, team, "Just me", { stakeholder: "just_me", visibility: "public" });
  await create(ids.alice, team, "Everyone private", { stakeholder: "everyone", visibility: "private" });
  await create(ids.alice, team, "Invited", { visibility: "private", participantIds: [ids.dave], editorIds: [ids.bob], externalObject: { id: "x1", name: "Ticket", url: "https://example.test/x1" } });
  await create(ids.alice, team, "Long", { startsAt: at("2026-02-01T00:00:00Z"), endsAt: at("2026-04-15T00:00:00Z") });
  await create(ids.alice, team, "April", { startsAt: at("2026-04-10T09:00:00Z"), endsAt: at("2026-04-10T10:00:00Z") });
  await create(ids.alice, team, "Deleted", {});
  await deleteEvent({ id: made.Deleted! }, await loadViewer(ids.alice), undefined);
  const weekly = await create(ids.alice, team, "Weekly", { timeZone: "Europe/Berlin", startsAt: at("2026-01-05T08:00:00Z"), endsAt: at("2026-01-05T09:00:00Z"), rrule: "FREQ=WEEKLY;BYDAY=MO" });
  // One occurrence moved (an override), one removed (an EXDATE).
  await updateEvent({ uuid: weekly.event.uuid, originalStart: at("2026-03-09T08:00:00Z") }, await loadViewer(ids.alice), { title: "Weekly moved", startsAt: at("2026-03-09T12:00:00Z"), endsAt: at("2026-03-09T13:00:00Z") }, "this");
  await deleteEvent({ uuid: weekly.event.uuid, originalStart: at("2026-03-16T08:00:00Z") }, await loadViewer(ids.alice), "this");
  await create(ids.dave, other, "Dave's own", { visibility: "public" });
  return { users: ids, calendar: { id: team.id, uuid: team.uuid }, other: { id: other.id, uuid: other.uuid }, token, ids: made };
}

async function ask(f: Fixture): Promise<Results> {
  const events = await import("./event-repository.ts");
  const calendars = await import("./calendar-repository.ts");
  const users = await import("./user-repository.ts");
  const dav = await import("./dav-repository.ts");
  const trash = await import("./trash-repository.ts");
  const ical = await import("./ical-repository.ts");
  const { hashSecret } = await import("../domain/secret-hash.ts");
  const { listEvents } = await import("../services/list-events.ts");
  const { loadViewer } = await import("../services/viewer.ts");

  const names = new Map<number, string>(Object.entries(f.users).map(([name, id]) => [id, name]));
  const plain = (e: EventRecord) => ({
    ...e,
    uuid: "-",
    calendarUuid: e.calendarUuid === f.calendar.uuid ? "team" : "other",
    seriesUuid: e.seriesUuid ? "series" : null,
    createdAt: "-",
    updatedAt: "-",
    participants: e.participants.map((p) => ({ ...p, userUuid: names.get(p.userId) })),
  });
  const march = { from: new Date("2026-03-01T00:00:00Z"), to: new Date("2026-04-01T00:00:00Z") };
  const results: Results = {};
  const all: EventRecord[] = await events.findEventsByIds(Object.values(f.ids).concat([f.ids.Weekly! + 1]));
  results.byIds = all.map(plain);
  for (const [name, userId] of Object.entries(f.users)) {
    const viewer = await loadViewer(userId);
    results[`${name}.roles`] = [...viewer.roles].sort();
    const window = await events.findWindow(viewer, march, f.calendar.id, undefined);
    results[`${name}.window`] = { events: window.events.map(plain), overrides: window.overrides.map(plain), parents: window.parents.map(plain) };
    results[`${name}.allWindow`] = (await events.findWindow(viewer, march, undefined, undefined)).events.map((e) => e.title);
    results[`${name}.search`] = (await events.findWindow(viewer, march, undefined, "100%_done\\")).events.map((e) => e.title);
    results[`${name}.searchPercent`] = (await events.findEvents({ viewer, q: "%" })).events.map((e) => e.title);
    results[`${name}.paged`] = await events.findEvents({ viewer, calendarId: f.calendar.id, orderBy: "starts_at", limit: 3, offset: 1 }).then((r) => ({ total: r.total, titles: r.events.map((e) => e.title) }));
    results[`${name}.stored`] = await events.findStoredEvents(viewer, f.calendar.id, { limit: 100, offset: 0 }).then((r) => ({ total: r.total, titles: r.events.map((e) => e.title) }));
    results[`${name}.list`] = (await listEvents({ viewer, calendarId: f.calendar.id, window: march, limit: 100, offset: 0 })).items.map((v) => `${v.event.title}@${v.event.startsAt.toISOString()}:${v.access.see}`);
    results[`${name}.calendar`] = await calendars.findCalendar({ uuid: f.calendar.uuid }, userId).then((c) => c && { ...c, uuid: "-", createdAt: "-", updatedAt: "-" });
    results[`${name}.calendarById`] = await calendars.findCalendar({ id: f.calendar.id }, userId).then((c) => c?.role);
    // The SQL rule and the domain rule agree on every event.
    const visible = new Set((await events.findStoredEvents(viewer, f.calendar.id, { limit: 100, offset: 0 })).events.map((e) => e.id));
    for (const e of all.filter((x) => !x.deleted && x.calendarId === f.calendar.id)) {
      expect(visible.has(e.id), `${name} sees ${e.title}`).toBe(eventAccess(e, viewer as Viewer).see !== "none");
    }
  }
  const weekly = await events.findEventById(f.ids.Weekly!);
  results.byUuid = plain((await events.findEventByUuid(weekly!.uuid))!);
  results.deletedById = await events.findEventById(f.ids.Deleted!);
  results.overrides = (await events.findOverrides([f.ids.Weekly!])).map(plain);
  results.token = await users.findApiTokenUser(hashSecret(f.token)).then((u) => u && { ...u, uuid: "-", createdAt: "-", updatedAt: "-" });
  results.noToken = await users.findApiTokenUser(hashSecret("nope"));
  results.davByName = await dav.findObjectRow(f.calendar.id, `${weekly!.uuid}.ics`).then((o) => o && o.event.title);
  results.davByUid = await dav.findObjectByUid(f.calendar.id, weekly!.uuid).then((o) => o && [o.event.title, o.davHref]);
  results.trash = (await trash.findTrashed(f.calendar.id, new Date(0))).map((t) => [t.event.title, t.event.deleted, t.deletedAt instanceof Date]);
  results.calendarRows = (await ical.findCalendarRows(f.calendar.id)).map((e) => e.title);
  // A cached window answers a write at once: the calendar's version moved.
  const { updateEvent } = await import("../services/update-event.ts");
  const bob = await loadViewer(f.users.bob);
  const titles = async () => (await listEvents({ viewer: bob, calendarId: f.calendar.id, window: march, limit: 100, offset: 0 })).items.map((v) => v.event.title);
  const before = await titles();
  expect(Object.isFrozen((await listEvents({ viewer: bob, calendarId: f.calendar.id, window: march, limit: 1, offset: 0 })).items[0]!.event)).toBe(true);
  await updateEvent({ id: f.ids["Public group"]! }, await loadViewer(f.users.alice), { title: "Public renamed" }, undefined);
  results.cacheSeesWrite = [before.includes("Public group"), (await titles()).includes("Public renamed")];
  return results;
}

async function run(url: string): Promise<Results> {
  const { closeDb } = await import("./client.ts");
  await closeDb();
  process.env.DATABASE_URL = url;
  const { migrate } = await import("./migrate.ts");
  await migrate();
  try {
    return await ask(await seed());
  } finally {
    await closeDb();
  }
}

const engines: Results[] = [];
const databases: ThrowawayDatabase[] = [];

describe("the read path on both engines", () => {
  beforeAll(async () => {
    const sqlite = await throwawayDatabase({ prefix: "sweetdate-read", dir: os.tmpdir() });
    databases.push(sqlite);
    engines.push(await run(sqlite.url));
    if (await postgresReachable(PG_ADMIN)) {
      const postgres = await throwawayDatabase({ prefix: "sweetdate_read", postgres: PG_ADMIN, dir: os.tmpdir() });
      databases.push(postgres);
      engines.push(await run(postgres.url));
    }
  }, 120_000);

  afterAll(async () => {
    for (const database of databases) await database.drop();
  });
  it("gives the expected answers on SQLite", () => {
    const r = engines[0]!;
    expect(r["bob.roles"]).toEqual([[1, "member"]]);
    expect(r["dave.roles"]).toEqual([[2, "owner"]]);
    // bob: member, no private ones unless invited; the busy one is listed (redacted later).
    expect((r["bob.window"] as { events: { title: string }[] }).events.map((e) => e.title)).toEqual(["Weekly", "Long", "Weekly moved", "Public group", "Invited", "Busy group"]);
    expect((r["carol.window"] as { events: { title: string }[] }).events.map((e) => e.title)).toEqual(["Weekly", "Long", "Weekly moved", "Public group", "Everyone private", "Invited", "Private group", "Busy group"]);
    expect((r["alice.window"] as { overrides: { title: string }[] }).overrides.map((e) => e.title)).toEqual(["Weekly moved"]);
    // dave is no member of Team but invited to one event there, and sees "everyone" events.
    expect(r["dave.allWindow"]).toEqual(["Invited", "Dave's own"]);
    expect(r["alice.search"]).toEqual(["Public group"]);
    expect(r["bob.searchPercent"]).toEqual(["Public group"]);
    expect(r["alice.paged"]).toEqual({ total: 9, titles: ["Long", "Public group", "Just me"] });
    expect(r["bob.stored"]).toEqual({ total: 7, titles: ["Public group", "Busy group", "Invited", "Long", "April", "Weekly", "Weekly moved"] });
    expect(r["bob.list"]).toContain("Weekly moved@2026-03-09T12:00:00.000Z:full");
    expect((r["bob.list"] as string[]).filter((s) => s.startsWith("Weekly@"))).toEqual([
      "Weekly@2026-03-02T08:00:00.000Z:full",
      "Weekly@2026-03-23T08:00:00.000Z:full",
      "Weekly@2026-03-30T07:00:00.000Z:full",
    ]);
    expect(r["bob.list"]).toContain("Busy@2026-03-12T09:00:00.000Z:busy");
    expect(r["dave.calendar"]).toMatchObject({ name: "Team", role: null });
    expect(r["carol.calendarById"]).toBe("admin");
    expect(r.token).toMatchObject({ name: "bob", email: "bob@example.test" });
    expect(r.noToken).toBeNull();
    expect(r.deletedById).toBeNull();
    expect(r.davByName).toBe("Weekly");
    expect(r.davByUid).toEqual(["Weekly", null]);
    expect(r.trash).toEqual([["Deleted", false, true]]);
    expect(r.cacheSeesWrite).toEqual([true, true]);
    const invited = (r.byIds as EventRecord[]).find((e) => e.title === "Invited")!;
    expect(invited.participants.map((p) => [p.userUuid, p.role, p.rsvp])).toEqual([
      ["bob", "editor", "needs_action"],
      ["dave", "editor", "needs_action"],
    ]);
    expect(invited.externalObject).toEqual({ id: "x1", name: "Ticket", url: "https://example.test/x1" });
  });

  it("gives the same answers on PostgreSQL", (ctx) => {
    if (engines.length < 2) return ctx.skip();
    expect(engines[1]).toEqual(engines[0]);
  });
});
