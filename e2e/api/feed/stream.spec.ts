import { expect, test } from "@playwright/test";
import { EventEnvelope, SyncEnvelope } from "../../../lib/api/sweetdate/schemas.ts";
import { BASE_URL, expectBody, newCalendar, newUser } from "../../helpers.ts";
import { changeFor, SseClient } from "./sse.ts";

const event = (title: string) => ({ title, starts_at: "2025-09-01T09:00:00Z", ends_at: "2025-09-01T10:00:00Z" });

test("GET /api/v1/stream – 401 without credentials; SSE headers that keep proxies from buffering", async ({ request }) => {
  const anonymous = await SseClient.open(`${BASE_URL}/api/v1/stream`, {});
  expect(anonymous.status).toBe(401);
  const user = await newUser(request);
  const stream = await SseClient.open(`${BASE_URL}/api/v1/stream`, user.auth);
  try {
    expect(stream.status).toBe(200);
    expect(stream.headers.get("content-type")).toMatch(/^text\/event-stream/);
    expect(stream.headers.get("cache-control")).toContain("no-transform");
    expect(stream.headers.get("x-accel-buffering")).toBe("no");
    const ready = await stream.next((f) => f.event === "ready");
    expect(ready.id).toEqual(expect.any(String));
  } finally {
    stream.close();
  }
});

test("GET /api/v1/stream – a change frame for the caller's calendars only, with a token that sync accepts", async ({ request }) => {
  const user = await newUser(request);
  const stranger = await newUser(request);
  const mine = await newCalendar(request, user);
  const theirs = await newCalendar(request, stranger);
  const stream = await SseClient.open(`${BASE_URL}/api/v1/stream`, user.auth);
  try {
    await stream.next((f) => f.event === "ready");
    const from = stream.frames.length;
    await request.post(`/api/v1/calendars/${theirs.id}/events`, { headers: stranger.auth, data: event("Not yours") });
    const created = await expectBody(await request.post(`/api/v1/calendars/${mine.id}/events`, { headers: user.auth, data: event("Yours") }), 201, EventEnvelope);
    const frame = await stream.next((f) => f.event === "change", from);
    const data = JSON.parse(frame.data) as { calendar_id: string; sync_token: string };
    expect(data.calendar_id).toBe(mine.id);
    expect(stream.frames.some(changeFor(theirs.id))).toBe(false);
    // The frame's token is the calendar's state after the change: nothing newer to sync.
    const round = await expectBody(await request.get(`/api/v1/calendars/${mine.id}/events?sync_token=${encodeURIComponent(data.sync_token)}`, { headers: user.auth }), 200, SyncEnvelope);
    expect(round.events).toEqual([]);
    await request.put(`/api/v1/calendars/${mine.id}/events/${created.event.id}`, { headers: user.auth, data: { title: "Changed" } });
    const next = await expectBody(await request.get(`/api/v1/calendars/${mine.id}/events?sync_token=${encodeURIComponent(data.sync_token)}`, { headers: user.auth }), 200, SyncEnvelope);
    expect(next.events).toEqual([expect.objectContaining({ id: created.event.id, title: "Changed" })]);
  } finally {
    stream.close();
  }
});

test("GET /api/v1/stream – joining a calendar starts its frames; Last-Event-ID resumes what was missed", async ({ request }) => {
  const user = await newUser(request);
  const owner = await newUser(request);
  const shared = await newCalendar(request, owner);
  const stream = await SseClient.open(`${BASE_URL}/api/v1/stream`, user.auth);
  let lastId: string;
  try {
    await stream.next((f) => f.event === "ready");
    await request.post(`/api/v1/calendars/${shared.id}/users`, { headers: owner.auth, data: { user_id: user.id, role: "member" } });
    await stream.next(changeFor(shared.id));
    const from = stream.frames.length;
    await request.post(`/api/v1/calendars/${shared.id}/events`, { headers: owner.auth, data: event("Seen live") });
    lastId = (await stream.next(changeFor(shared.id), from)).id!;
  } finally {
    stream.close();
  }
  // Away: two changes happen. Back with Last-Event-ID: one frame says the calendar moved on.
  await request.post(`/api/v1/calendars/${shared.id}/events`, { headers: owner.auth, data: event("Missed 1") });
  await request.post(`/api/v1/calendars/${shared.id}/events`, { headers: owner.auth, data: event("Missed 2") });
  const resumed = await SseClient.open(`${BASE_URL}/api/v1/stream`, { ...user.auth, "last-event-id": lastId });
  try {
    const frame = await resumed.next(changeFor(shared.id));
    const { sync_token } = JSON.parse(frame.data) as { sync_token: string };
    const round = await expectBody(await request.get(`/api/v1/calendars/${shared.id}/events?sync_token=${encodeURIComponent(sync_token)}`, { headers: user.auth }), 200, SyncEnvelope);
    expect(round.events).toEqual([]);
    expect(resumed.frames.some((f) => f.event === "ready")).toBe(false);
  } finally {
    resumed.close();
  }
});
