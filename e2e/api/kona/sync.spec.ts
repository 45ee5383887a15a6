import { expect, test } from "@playwright/test";
import { SyncEvents } from "../../../lib/api/kona/schemas.ts";
import { expectBody } from "../../helpers.ts";
import { createEvent, expectProblem, konaSetup } from "./kona.ts";

const round = async (request: Parameters<typeof konaSetup>[0], auth: Record<string, string>, spaceId: number, token: string, perPage = 2) => {
  const items = [];
  for (let page = 1; ; page++) {
    const response = await request.get(`/api/calendar_events?space_id=${spaceId}&sync_token=${encodeURIComponent(token)}&per_page=${perPage}&page=${page}`, { headers: auth });
    const body = await expectBody(response, 200, SyncEvents);
    items.push(...body.calendar_events);
    const next = response.headers()["x-sync-token"];
    if (next) return { items, next };
    expect(body.calendar_events).toHaveLength(perPage);
  }
};

test("GET /api/calendar_events?sync_token=&space_id= – full round, then changes; deletions as { id, deleted: true }; X-Sync-Token on the last page", async ({ request }) => {
  const { user, spaceId } = await konaSetup(request);
  const made = [];
  for (let i = 0; i < 3; i++) made.push(await createEvent(request, user, { name: `K${i}`, start_at: Date.UTC(2025, 8, 1 + i, 9), end_at: Date.UTC(2025, 8, 1 + i, 10), space_id: spaceId }));
  const first = await request.get(`/api/calendar_events?space_id=${spaceId}&sync_token=&per_page=2`, { headers: user.auth });
  expect(first.headers()["x-sync-token"]).toBeUndefined();
  const full = await round(request, user.auth, spaceId, "");
  expect(full.items.map((e) => e.id).sort()).toEqual(made.map((e) => e.id).sort());
  const series = await createEvent(request, user, { name: "Weekly", start_at: Date.UTC(2025, 8, 1, 9), end_at: Date.UTC(2025, 8, 1, 10), period: 2, space_id: spaceId });
  await request.delete(`/api/calendar_events/${made[0]!.id}`, { headers: user.auth });
  await request.delete(`/api/calendar_events/${series.id}?num_in_series=2`, { headers: user.auth });
  const delta = await round(request, user.auth, spaceId, full.next);
  expect(delta.items).toContainEqual({ id: made[0]!.id, deleted: true });
  expect(delta.items.find((e) => e.id === series.id)).toMatchObject({ exdates: [Date.UTC(2025, 8, 8, 9)] });
  expect((await round(request, user.auth, spaceId, delta.next)).items).toEqual([]);
});

test("GET /api/calendar_events?sync_token= – 410 for a foreign or malformed token, 422 without space_id or with a date range", async ({ request }) => {
  const { user, spaceId } = await konaSetup(request);
  const other = await konaSetup(request);
  const token = (await round(request, user.auth, spaceId, "")).next;
  await expectProblem(await request.get(`/api/calendar_events?space_id=${spaceId}&sync_token=garbage`, { headers: user.auth }), 410, "sync-token-expired");
  await expectProblem(await request.get(`/api/calendar_events?space_id=${other.spaceId}&sync_token=${encodeURIComponent(token)}`, { headers: other.user.auth }), 410, "sync-token-expired");
  await expectProblem(await request.get(`/api/calendar_events?sync_token=${encodeURIComponent(token)}`, { headers: user.auth }), 422, "validation");
  await expectProblem(await request.get(`/api/calendar_events?space_id=${spaceId}&sync_token=&date_range_start=0&date_range_end=1000`, { headers: user.auth }), 422, "validation");
});
