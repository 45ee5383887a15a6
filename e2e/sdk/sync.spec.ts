// calendar.sync(token) against the server (SPEC §11). Skipped, saying so, only while the server
// does not answer `?sync_token=` with a 200 carrying meta.next_sync_token.
import { expect, test, type APIRequestContext } from "@playwright/test";
import { SD, SyncTokenExpiredError, type Calendar, type SyncResult } from "../../sdks/js/src/index.ts";
import type { TestUser } from "../helpers.ts";
import { rawEvent, sdkSetup } from "./sdk.ts";

async function setup(request: APIRequestContext): Promise<{ user: TestUser; calendar: Calendar }> {
  const { user, calendarId } = await sdkSetup(request);
  const probe = await request.get(`/api/v1/calendars/${calendarId}/events?sync_token=`, { headers: user.auth });
  const body = probe.status() === 200 ? ((await probe.json()) as { meta?: { next_sync_token?: string } }) : {};
  test.skip(typeof body.meta?.next_sync_token !== "string", `the server does not support ?sync_token= yet (answered ${probe.status()} without meta.next_sync_token)`);
  return { user, calendar: await SD.Calendar.get(calendarId) };
}

/** Applies a sync result to a local copy, as a sync client would. */
function apply(copy: Map<string, unknown>, result: SyncResult) {
  for (const change of result.changes) {
    if ("deleted" in change) copy.delete(change.id);
    else copy.set(change.id, change);
  }
  return copy;
}

test("SDK calendar.sync – a full round over several pages, then only what changed, deletions included", async ({ request }) => {
  const { user, calendar } = await setup(request);
  const ids: string[] = [];
  for (let i = 0; i < 5; i++) ids.push((await rawEvent(request, user, calendar.id, { title: `E${i}`, starts_at: `2025-08-2${i}T09:00:00Z`, ends_at: `2025-08-2${i}T10:00:00Z` })).id);

  const full = await calendar.sync(undefined, { limit: 2 });
  expect(full.full).toBe(true);
  expect(full.events.map((e) => e.id).sort()).toEqual([...ids].sort());
  expect(full.deleted).toEqual([]);
  expect((await calendar.sync(full.nextSyncToken)).changes).toEqual([]);

  await calendar.updateEvent(ids[0]!, { title: "E0 renamed" });
  await calendar.deleteEvent(ids[1]!);
  const added = await calendar.createEvent({ title: "E5", starts_at: "2025-08-30T09:00:00Z", ends_at: "2025-08-30T10:00:00Z" });
  const changes = await calendar.sync(full.nextSyncToken);
  expect(changes.full).toBe(false);
  expect(changes.events.map((e) => e.id).sort()).toEqual([ids[0]!, added.id].sort());
  expect(changes.events.find((e) => e.id === ids[0])!.title).toBe("E0 renamed");
  expect(changes.deleted).toEqual([ids[1]]);
  expect(changes.nextSyncToken).not.toBe(full.nextSyncToken);
  expect((await calendar.sync(changes.nextSyncToken)).changes).toEqual([]);
});

test("SDK calendar.sync – replaying rounds reproduces a full sync, series overrides and scope=this deletes included", async ({ request }) => {
  const { calendar } = await setup(request);
  const first = await calendar.sync();
  const copy = apply(new Map(), first);
  const series = await calendar.createEvent({ title: "Weekly", starts_at: "2025-09-01T09:00:00Z", ends_at: "2025-09-01T09:30:00Z", rrule: "FREQ=WEEKLY" });
  const single = await calendar.createEvent({ title: "Once", starts_at: "2025-09-02T09:00:00Z", ends_at: "2025-09-02T10:00:00Z" });
  const second = await calendar.sync(first.nextSyncToken);
  apply(copy, second);

  const moved = await calendar.updateEvent(`${series.id}_20250908T090000Z`, { title: "Weekly (moved)", starts_at: "2025-09-08T11:00:00Z", ends_at: "2025-09-08T11:30:00Z" }, { scope: "this" });
  await calendar.deleteEvent(`${series.id}_20250915T090000Z`, { scope: "this" });
  await calendar.deleteEvent(single.id);
  const third = await calendar.sync(second.nextSyncToken);
  apply(copy, third);

  const override = third.events.find((e) => e.recurring_event_id === series.id);
  expect(override).toMatchObject({ id: moved.id, original_starts_at: "2025-09-08T09:00:00Z", title: "Weekly (moved)" });
  // The series master travels again, its exdates naming the occurrence deleted with scope=this.
  expect(third.events.find((e) => e.id === series.id)?.exdates).toContain("2025-09-15T09:00:00Z");
  expect(third.deleted).toContain(single.id);
  expect(copy).toEqual(apply(new Map(), await calendar.sync()));
});

test("SDK calendar.sync – an unknown or foreign token → SyncTokenExpiredError (410)", async ({ request }) => {
  const { calendar } = await setup(request);
  const error = await calendar.sync("not-a-token").catch((e: unknown) => e);
  expect(error).toBeInstanceOf(SyncTokenExpiredError);
  expect(error).toMatchObject({ status: 410, errorCode: "SYNC_TOKEN_EXPIRED" });
  const other = await SD.Calendar.create({ name: "Other" });
  const foreign = (await other.sync()).nextSyncToken;
  expect(await calendar.sync(foreign).catch((e: unknown) => e)).toBeInstanceOf(SyncTokenExpiredError);
});
