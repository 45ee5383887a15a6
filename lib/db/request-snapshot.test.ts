// The request snapshot (lib/db/request-snapshot.ts) on both engines: what a request's credentials
// lookup learns serves its reads, a change made elsewhere (another request, another instance) is
// seen by the next request, and a request's own write is read back by that same request.
import os from "node:os";
import { afterAll, describe, expect, it } from "vitest";
import { postgresReachable, throwawayDatabase, type ThrowawayDatabase } from "./testing/throwaway-database.ts";

const PG_ADMIN = process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

async function pgDatabase(): Promise<ThrowawayDatabase | null> {
  return (await postgresReachable(PG_ADMIN)) ? throwawayDatabase({ prefix: "sweetdate_snapshot", postgres: PG_ADMIN, dir: os.tmpdir() }) : null;
}

async function useDatabase(url: string) {
  const { closeDb } = await import("./client.ts");
  await closeDb();
  process.env.DATABASE_URL = url;
  const { migrate } = await import("./migrate.ts");
  await migrate();
}

async function scenario() {
  const users = await import("./user-repository.ts");
  const calendars = await import("./calendar-repository.ts");
  const accounts = await import("../services/accounts.ts");
  const manage = await import("../services/manage-calendars.ts");
  const { createEvent } = await import("../services/create-event.ts");
  const { listEvents } = await import("../services/list-events.ts");
  const { loadViewer } = await import("../services/viewer.ts");
  const { inRequestScope, currentSnapshot } = await import("./request-snapshot.ts");

  const alice = await users.insertUser({ email: "alice@example.test", name: "Alice", passwordHash: "x" });
  const bob = await users.insertUser({ email: "bob@example.test", name: "Bob", passwordHash: "x" });
  const team = await calendars.insertCalendar({ name: "Team", description: null, color: "#123456", timeZone: "UTC" }, alice.id);
  await calendars.upsertMember(team.id, bob.id, "member");
  const { token } = await accounts.createApiToken(bob.id, "test");
  const march = { from: new Date("2026-03-01T00:00:00Z"), to: new Date("2026-04-01T00:00:00Z") };
  const titles = async () => (await listEvents({ viewer: await loadViewer(bob.id), calendarId: team.id, window: march, limit: 100, offset: 0 })).items.map((v) => v.event.title);

  // A request: the credentials lookup installs the snapshot; roles, calendar and window read through it.
  const first = await inRequestScope(async () => {
    expect((await accounts.userForToken(token))?.id).toBe(bob.id);
    const snapshot = currentSnapshot(bob.id);
    return {
      snapshotCalendars: snapshot ? [...snapshot.calendars.values()].map((c) => [c.uuid === team.uuid, c.role, c.subscribed]) : null,
      roles: [...(await calendars.rolesOf(bob.id))],
      name: (await calendars.findCalendar({ uuid: team.uuid }, bob.id))?.name,
      titles: await titles(),
    };
  });

  // Elsewhere (outside any request of this process, as another instance would): bob becomes an
  // admin, the calendar is renamed, alice adds an event.
  await calendars.upsertMember(team.id, bob.id, "admin");
  await manage.updateCalendar({ uuid: team.uuid }, alice.id, { name: "Team (renamed)" });
  await createEvent(await loadViewer(alice.id), await manage.getCalendar({ uuid: team.uuid }, alice.id), { title: "Planning", startsAt: new Date("2026-03-10T09:00:00Z"), endsAt: new Date("2026-03-10T10:00:00Z") }, "scheduled");

  // The next request sees all of it.
  const second = await inRequestScope(async () => {
    await accounts.userForToken(token);
    return { roles: [...(await calendars.rolesOf(bob.id))], name: (await calendars.findCalendar({ uuid: team.uuid }, bob.id))?.name, titles: await titles() };
  });

  // A request that writes reads its own write back (bob, now an admin, renames and lists).
  const third = await inRequestScope(async () => {
    await accounts.userForToken(token);
    expect((await calendars.findCalendar({ uuid: team.uuid }, bob.id))?.name).toBe("Team (renamed)");
    const renamed = await manage.updateCalendar({ uuid: team.uuid }, bob.id, { name: "Bob's team" });
    const stillSnapshot = currentSnapshot(bob.id) !== null;
    await createEvent(await loadViewer(bob.id), renamed, { title: "Retro", startsAt: new Date("2026-03-11T09:00:00Z"), endsAt: new Date("2026-03-11T10:00:00Z") }, "scheduled");
    return { renamed: renamed.name, stillSnapshot, titles: await titles() };
  });

  // A revoked token stops working at the next request.
  const [listed] = await accounts.listApiTokens(bob.id);
  await accounts.revokeApiToken(bob.id, listed!.uuid);
  const revoked = await inRequestScope(async () => ({ user: await accounts.userForToken(token), snapshot: currentSnapshot() }));

  return { first, second, third, revoked, team: team.id };
}

const expected = (team: number) => ({
  first: { snapshotCalendars: [[true, "member", false]], roles: [[team, "member"]], name: "Team", titles: [] },
  second: { roles: [[team, "admin"]], name: "Team (renamed)", titles: ["Planning"] },
  third: { renamed: "Bob's team", stillSnapshot: false, titles: ["Planning", "Retro"] },
  revoked: { user: null, snapshot: null },
});

let sqlite: ThrowawayDatabase | null = null;
let postgres: ThrowawayDatabase | null = null;

afterAll(async () => {
  const { closeDb } = await import("./client.ts");
  await closeDb();
  await sqlite?.drop();
  await postgres?.drop();
});

describe("the request snapshot", () => {
  it("serves a request's reads, sees other requests' changes, reads its own writes back (SQLite)", async () => {
    sqlite = await throwawayDatabase({ prefix: "sweetdate-snapshot", dir: os.tmpdir() });
    await useDatabase(sqlite.url);
    const result = await scenario();
    expect(result).toEqual({ ...expected(result.team), team: result.team });
  });

  it("does the same on PostgreSQL", async (ctx) => {
    postgres = await pgDatabase();
    if (!postgres) return ctx.skip();
    await useDatabase(postgres.url);
    const result = await scenario();
    expect(result).toEqual({ ...expected(result.team), team: result.team });
  });
});
