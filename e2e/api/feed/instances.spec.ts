// Two app instances on one database (a second server process started here): the live stream, its
// resumption and every cache must be right whichever instance took the write. On SQLite the second
// process stands in for the CLI as well (any other process writing the same file).
import { expect, request as playwrightRequest, test, type APIRequestContext } from "@playwright/test";
import { EventEnvelope, EventsEnvelope } from "../../../lib/api/sweetdate/schemas.ts";
import { BASE_URL, expectBody, newCalendar, newUser } from "../../helpers.ts";
import { changeFor, SseClient, startInstance } from "./sse.ts";

test.describe.configure({ mode: "serial" });

let second: Awaited<ReturnType<typeof startInstance>>;
let b: APIRequestContext;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  second = await startInstance(Number(process.env.E2E_PORT ?? 3999) + 10);
  b = await playwrightRequest.newContext({ baseURL: second.url });
});

test.afterAll(async () => {
  await b?.dispose();
  await second?.stop();
});

const event = (title: string, day = 1) => ({ title, starts_at: `2025-09-0${day}T09:00:00Z`, ends_at: `2025-09-0${day}T10:00:00Z` });

test("two instances – a write through B reaches an SSE stream on A within a second", async ({ request }) => {
  const user = await newUser(request);
  const calendar = await newCalendar(request, user);
  const stream = await SseClient.open(`${BASE_URL}/api/v1/stream`, user.auth);
  const delays: number[] = [];
  try {
    await stream.next((f) => f.event === "ready");
    for (let i = 0; i < 5; i++) {
      const from = stream.frames.length;
      const response = await b.post(`/api/v1/calendars/${calendar.id}/events`, { headers: user.auth, data: event(`Via B ${i}`) });
      expect(response.status()).toBe(201);
      const written = Date.now();
      const frame = await stream.next(changeFor(calendar.id), from);
      delays.push(Math.max(0, frame.at - written));
    }
  } finally {
    stream.close();
  }
  delays.sort((x, y) => x - y);
  console.log(`stream delay across instances (ms): ${delays.join(", ")}`);
  expect(delays[Math.floor(delays.length / 2)]!).toBeLessThanOrEqual(1000);
});

test("two instances – Last-Event-ID from A resumes on B with what was missed", async ({ request }) => {
  const user = await newUser(request);
  const calendar = await newCalendar(request, user);
  const onA = await SseClient.open(`${BASE_URL}/api/v1/stream`, user.auth);
  const lastId = (await onA.next((f) => f.event === "ready")).id!;
  onA.close();
  await request.post(`/api/v1/calendars/${calendar.id}/events`, { headers: user.auth, data: event("Missed") });
  const onB = await SseClient.open(`${second.url}/api/v1/stream`, { ...user.auth, "last-event-id": lastId });
  try {
    await onB.next(changeFor(calendar.id));
  } finally {
    onB.close();
  }
});

test("two instances – A never serves a stale event after a write on B (window list, single read, calendar)", async ({ request }) => {
  const user = await newUser(request);
  const calendar = await newCalendar(request, user);
  const created = await expectBody(await request.post(`/api/v1/calendars/${calendar.id}/events`, { headers: user.auth, data: event("v0") }), 201, EventEnvelope);
  const window = `/api/v1/calendars/${calendar.id}/events?from=2025-09-01T00:00:00Z&to=2025-10-01T00:00:00Z`;
  for (let i = 1; i <= 5; i++) {
    // Warm whatever A keeps in memory, then change the event through B.
    for (let k = 0; k < 2; k++) await request.get(window, { headers: user.auth });
    await request.get(`/api/v1/calendars/${calendar.id}/events/${created.event.id}`, { headers: user.auth });
    const put = await b.put(`/api/v1/calendars/${calendar.id}/events/${created.event.id}`, { headers: user.auth, data: event(`v${i}`, 1 + (i % 3)) });
    expect(put.status()).toBe(200);
    const listed = await expectBody(await request.get(window, { headers: user.auth }), 200, EventsEnvelope);
    expect(listed.events.map((e) => [e.title, e.starts_at])).toEqual([[`v${i}`, `2025-09-0${1 + (i % 3)}T09:00:00Z`]]);
    const one = await expectBody(await request.get(`/api/v1/calendars/${calendar.id}/events/${created.event.id}`, { headers: user.auth }), 200, EventEnvelope);
    expect(one.event.title).toBe(`v${i}`);
  }
  // Calendar reads too: a rename through B shows on A at once.
  await request.get(`/api/v1/calendars/${calendar.id}`, { headers: user.auth });
  await b.put(`/api/v1/calendars/${calendar.id}`, { headers: user.auth, data: { name: "Renamed via B" } });
  const read = await request.get(`/api/v1/calendars/${calendar.id}`, { headers: user.auth });
  expect(((await read.json()) as { calendar: { name: string } }).calendar.name).toBe("Renamed via B");
  // Membership through B: A lets the new member in at once, and the removed one out.
  const other = await newUser(request);
  await b.post(`/api/v1/calendars/${calendar.id}/users`, { headers: user.auth, data: { user_id: other.id, role: "member" } });
  expect((await request.get(window, { headers: other.auth })).status()).toBe(200);
  await b.delete(`/api/v1/calendars/${calendar.id}/users/${other.id}`, { headers: user.auth });
  expect((await request.get(window, { headers: other.auth })).status()).toBe(404);
});
