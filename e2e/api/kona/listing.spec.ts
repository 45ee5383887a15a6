import { expect, test } from "@playwright/test";
import { CalendarEvents, Spaces } from "../../../lib/api/kona/schemas.ts";
import { expectBody, newCalendar } from "../../helpers.ts";
import { createEvent, expectProblem, fieldsOf, konaSetup, listEvents, ms } from "./kona.ts";

const HOUR = 3_600_000;

test("GET /api/calendar_events – defaults to the current month (UTC user)", async ({ request }) => {
  const { user, spaceId } = await konaSetup(request);
  const now = new Date();
  const [y, m] = [now.getUTCFullYear(), now.getUTCMonth()];
  await createEvent(request, user, { name: "now", space_id: spaceId });
  await createEvent(request, user, { name: "first instant", space_id: spaceId, start_at: Date.UTC(y, m, 1) });
  await createEvent(request, user, { name: "next month", space_id: spaceId, start_at: Date.UTC(y, m + 1, 1), end_at: Date.UTC(y, m + 1, 1, 1) });
  await createEvent(request, user, { name: "last month", space_id: spaceId, start_at: Date.UTC(y, m - 1, 15), end_at: Date.UTC(y, m - 1, 15, 1) });
  await createEvent(request, user, { name: "spanning in", space_id: spaceId, start_at: Date.UTC(y, m, 1) - HOUR, end_at: Date.UTC(y, m, 1) + HOUR });
  const list = await listEvents(request, user, `space_id=${spaceId}`);
  expect(list.map((e) => e.name)).toEqual(["spanning in", "first instant", "now"]);
});

test("GET /api/calendar_events – the default month is the caller's, in their time zone", async ({ request }) => {
  // Pacific/Kiritimati is UTC+14 all year: its month starts 14 hours before the UTC one.
  const { user, spaceId } = await konaSetup(request, { timeZone: "Pacific/Kiritimati" });
  const local = new Date(Date.now() + 14 * HOUR);
  const localStart = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), 1) - 14 * HOUR;
  await createEvent(request, user, { name: "local first morning", space_id: spaceId, start_at: localStart + HOUR, end_at: localStart + 2 * HOUR });
  await createEvent(request, user, { name: "local last evening", space_id: spaceId, start_at: localStart - 2 * HOUR, end_at: localStart - HOUR });
  const list = await listEvents(request, user, `space_id=${spaceId}`);
  expect(list.map((e) => e.name)).toEqual(["local first morning"]);
});

test("GET /api/calendar_events – date_range_start/date_range_end choose the window in any datetime form", async ({ request }) => {
  const { user, spaceId } = await konaSetup(request);
  const a = await createEvent(request, user, { name: "A", space_id: spaceId, start_at: "2031-03-10 09:00:00.000", end_at: "2031-03-10 10:00:00.000" });
  const b = await createEvent(request, user, { name: "B", space_id: spaceId, start_at: "2031-03-20T23:00:00Z", end_at: "2031-03-21T01:00:00Z" });
  await createEvent(request, user, { name: "C", space_id: spaceId, start_at: "2031-04-02T09:00:00Z", end_at: "2031-04-02T10:00:00Z" });
  const names = async (query: string) => (await listEvents(request, user, `space_id=${spaceId}&${query}`)).map((e) => e.name);
  expect(await names(`date_range_start=${ms("2031-03-01T00:00:00Z")}&date_range_end=${ms("2031-04-01T00:00:00Z")}`)).toEqual(["A", "B"]);
  expect(await names(`date_range_start=${ms("2031-03-01T00:00:00Z") / 1000}&date_range_end=${ms("2031-04-03T00:00:00Z") / 1000}`)).toEqual(["A", "B", "C"]);
  expect(await names(`date_range_start=2031-03-21 00:00:00.000&date_range_end=2031-03-21 00:30:00.000`)).toEqual(["B"]);
  // Half-open overlap: an event ending at the window start or starting at its end is outside.
  expect(await names(`date_range_start=2031-03-10T10:00:00Z&date_range_end=${encodeURIComponent("2031-03-21T00:00:00+01:00")}`)).toEqual([]);
  expect(a.id).toBeLessThan(b.id);
  for (const [query, field] of [
    ["date_range_start=2031-03-01", "date_range_end"],
    ["date_range_end=2031-03-01", "date_range_start"],
    ["date_range_start=2031-03-02&date_range_end=2031-03-01", "date_range_end"],
    ["date_range_start=2031-01-01&date_range_end=2032-06-01", "date_range_end"],
    ["date_range_start=soon&date_range_end=2031-03-01", "date_range_start"],
  ] as const) {
    const problem = await expectProblem(await request.get(`/api/calendar_events?${query}`, { headers: user.auth }), 400, "bad-request");
    expect(Object.keys(fieldsOf(problem)), query).toEqual([field]);
  }
});

test("GET /api/calendar_events – space_id filters to one space", async ({ request }) => {
  const { user, spaceId } = await konaSetup(request);
  await newCalendar(request, user, { name: "Second space" });
  const { spaces } = await expectBody(await request.get("/api/spaces", { headers: user.auth }), 200, Spaces);
  const second = spaces.find((s) => s.name === "Second space")!.id;
  const window = "date_range_start=2031-05-01&date_range_end=2031-06-01";
  const one = await createEvent(request, user, { name: "in first", space_id: spaceId, start_at: "2031-05-03T09:00:00Z" });
  const two = await createEvent(request, user, { name: "in second", space_id: second, start_at: "2031-05-04T09:00:00Z" });
  const all = await listEvents(request, user, window);
  expect(all.filter((e) => [one.id, two.id].includes(e.id)).map((e) => e.name)).toEqual(["in first", "in second"]);
  expect((await listEvents(request, user, `${window}&space_id=${second}`)).map((e) => e.name)).toEqual(["in second"]);
  expect((await listEvents(request, user, `${window}&space_id=${spaceId}`)).map((e) => e.name)).toEqual(["in first"]);
  const problem = await expectProblem(await request.get(`/api/calendar_events?space_id=abc`, { headers: user.auth }), 400, "bad-request");
  expect(fieldsOf(problem)).toEqual({ space_id: ["must be an integer id"] });
});

test("GET /api/calendar_events – order_by=created_at|updated_at sorts newest first; default by start", async ({ request }) => {
  const { user, spaceId } = await konaSetup(request);
  const third = await createEvent(request, user, { name: "third", space_id: spaceId, start_at: "2031-07-03T09:00:00Z" });
  const first = await createEvent(request, user, { name: "first", space_id: spaceId, start_at: "2031-07-01T09:00:00Z" });
  await createEvent(request, user, { name: "second", space_id: spaceId, start_at: "2031-07-02T09:00:00Z" });
  const window = `space_id=${spaceId}&date_range_start=2031-07-01&date_range_end=2031-08-01`;
  const names = async (query: string) => (await listEvents(request, user, `${window}${query}`)).map((e) => e.name);
  expect(await names("")).toEqual(["first", "second", "third"]);
  expect(await names("&order_by=created_at")).toEqual(["second", "first", "third"]);
  await expectBody(await request.put(`/api/calendar_events/${third.id}`, { headers: user.auth, data: { details: "touched" } }), 200, CalendarEvents);
  expect(await names("&order_by=updated_at")).toEqual(["third", "second", "first"]);
  expect(first.id).toBeGreaterThan(third.id);
  const problem = await expectProblem(await request.get(`/api/calendar_events?order_by=name`, { headers: user.auth }), 400, "bad-request");
  expect(Object.keys(fieldsOf(problem))).toEqual(["order_by"]);
});

test("GET /api/calendar_events – page/per_page with Link (next/prev, absolute) and X-Total-Count", async ({ request }) => {
  const { user, spaceId } = await konaSetup(request);
  for (let day = 1; day <= 5; day++) await createEvent(request, user, { name: `day ${day}`, space_id: spaceId, start_at: Date.UTC(2031, 8, day, 9) });
  const query = `space_id=${spaceId}&date_range_start=2031-09-01&date_range_end=2031-10-01`;
  const page1 = await request.get(`/api/calendar_events?${query}&per_page=2`, { headers: user.auth });
  expect((await expectBody(page1, 200, CalendarEvents)).calendar_events.map((e) => e.name)).toEqual(["day 1", "day 2"]);
  expect(page1.headers()["x-total-count"]).toBe("5");
  const links = linksOf(page1.headers()["link"]!);
  expect(links.prev).toBeUndefined();
  expect(links.next).toMatch(/^http:\/\/[^/]+\/api\/calendar_events\?/);
  expect(new URL(links.next!).searchParams.get("page")).toBe("2");
  expect(new URL(links.next!).searchParams.get("per_page")).toBe("2");
  expect(new URL(links.next!).searchParams.get("space_id")).toBe(String(spaceId));
  const page2 = await request.get(links.next!, { headers: user.auth });
  expect((await expectBody(page2, 200, CalendarEvents)).calendar_events.map((e) => e.name)).toEqual(["day 3", "day 4"]);
  const page3 = await request.get(linksOf(page2.headers()["link"]!).next!, { headers: user.auth });
  expect((await expectBody(page3, 200, CalendarEvents)).calendar_events.map((e) => e.name)).toEqual(["day 5"]);
  const last = linksOf(page3.headers()["link"]!);
  expect(last.next).toBeUndefined();
  expect(new URL(last.prev!).searchParams.get("page")).toBe("2");
  const beyond = await request.get(`/api/calendar_events?${query}&per_page=2&page=9`, { headers: user.auth });
  expect((await expectBody(beyond, 200, CalendarEvents)).calendar_events).toEqual([]);
  expect(beyond.headers()["x-total-count"]).toBe("5");
  // Default per_page is 25.
  const all = await request.get(`/api/calendar_events?${query}`, { headers: user.auth });
  expect((await expectBody(all, 200, CalendarEvents)).calendar_events).toHaveLength(5);
  expect(new URL(linksOf(all.headers()["link"]!).first!).searchParams.get("per_page")).toBe("25");
});

test("GET /api/calendar_events – 400 problem for per_page outside 1–100 and bad page", async ({ request }) => {
  const { user } = await konaSetup(request);
  for (const [query, field] of [
    ["per_page=0", "per_page"],
    ["per_page=101", "per_page"],
    ["per_page=abc", "per_page"],
    ["per_page=2.5", "per_page"],
    ["page=0", "page"],
    ["page=-1", "page"],
  ] as const) {
    const problem = await expectProblem(await request.get(`/api/calendar_events?${query}`, { headers: user.auth }), 400, "bad-request");
    expect(Object.keys(fieldsOf(problem)), query).toEqual([field]);
  }
  const both = await expectProblem(await request.get("/api/calendar_events?page=x&per_page=1000", { headers: user.auth }), 400, "bad-request");
  expect(both.details).toBe("page must be an integer of at least 1; per_page must be an integer between 1 and 100");
  await expectBody(await request.get("/api/calendar_events?per_page=100&page=1", { headers: user.auth }), 200, CalendarEvents);
});

test("GET /api/calendar_events – deleted events are not listed", async ({ request }) => {
  const { user, spaceId } = await konaSetup(request);
  const keep = await createEvent(request, user, { name: "keep", space_id: spaceId, start_at: "2031-10-01T09:00:00Z" });
  const gone = await createEvent(request, user, { name: "gone", space_id: spaceId, start_at: "2031-10-02T09:00:00Z" });
  expect((await request.delete(`/api/calendar_events/${gone.id}`, { headers: user.auth })).status()).toBe(204);
  const list = await listEvents(request, user, `space_id=${spaceId}&date_range_start=2031-10-01&date_range_end=2031-11-01`);
  expect(list.map((e) => e.id)).toEqual([keep.id]);
});

function linksOf(header: string): Record<string, string> {
  const links: Record<string, string> = {};
  for (const part of header.split(",")) {
    const m = /<([^>]+)>;\s*rel="(\w+)"/.exec(part.trim());
    if (m) links[m[2]!] = m[1]!;
  }
  return links;
}
