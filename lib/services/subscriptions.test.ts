import { afterEach, describe, expect, it, vi } from "vitest";
import { useEnv } from "../env.ts";
import type { Fake } from "./testing/fakes.ts";
import { rejection, scenario } from "./testing/scenario.ts";
import { createSubscription, refreshDueSubscriptions, refreshNow, startSubscriptionScheduler } from "./subscriptions.ts";

const SOURCE = "https://holidays.example.test/de.ics";
const ics = (body: string) => `BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n${body.trim().split("\n").join("\r\n")}\r\nEND:VCALENDAR\r\n`;
const day = (uid: string, date: string, title: string, sequence = 0) =>
  `BEGIN:VEVENT\nUID:${uid}\nSEQUENCE:${sequence}\nDTSTART;VALUE=DATE:${date}\nSUMMARY:${title}\nEND:VEVENT`;
const HOLIDAYS = ics(`X-WR-CALNAME:Holidays\nREFRESH-INTERVAL;VALUE=DURATION:PT6H\n${day("h-1", "20301225", "Christmas")}\n${day("h-2", "20301226", "Boxing Day")}`);
const CHANGED = ics(`${day("h-1", "20301225", "Christmas Day", 1)}\n${day("h-3", "20301231", "New Year's Eve")}`);

/** The calendar's stored events as [title, feed id], by start. */
function eventsOf(fake: Fake, calendarId: number): [string, number | null][] {
  return [...fake.state.events.values()]
    .filter((e) => e.calendarId === calendarId && !e.deleted)
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())
    .map((e) => [e.title, e.icsFeedId]);
}

async function subscribed() {
  const s = scenario();
  s.fake.publish(SOURCE, { text: HOLIDAYS, etag: '"v1"' });
  const calendar = await createSubscription(s.owner.id, { sourceUrl: SOURCE.replace("https://", "webcals://") }, "UTC", s.fake.repos);
  const subscription = [...s.fake.state.subscriptions.values()].find((x) => x.calendarId === calendar.id)!;
  return { ...s, subscribedTo: calendar, subscription };
}

describe("createSubscription", () => {
  it("stores the source, fills the calendar from it under the feed's id and name, and schedules the next fetch from REFRESH-INTERVAL", async () => {
    const before = Date.now();
    const { fake, owner, subscribedTo, subscription } = await subscribed();
    expect(subscribedTo).toMatchObject({ name: "Holidays", sourceUrl: SOURCE, role: "owner" });
    expect(subscription).toMatchObject({ sourceUrl: SOURCE, etag: '"v1"', lastError: null, refreshIntervalSeconds: 6 * 3600 });
    expect(subscription.nextFetchAt.getTime()).toBeGreaterThanOrEqual(before + 6 * 3600 * 1000);
    expect(eventsOf(fake, subscribedTo.id)).toEqual([["Christmas", subscription.id], ["Boxing Day", subscription.id]]);
    expect([...fake.state.events.values()].every((e) => e.creatorId === owner.id)).toBe(true);
  });

  it("keeps a name the caller chose over the feed's", async () => {
    const s = scenario();
    s.fake.publish(SOURCE, { text: HOLIDAYS });
    expect((await createSubscription(s.owner.id, { name: "Days off", sourceUrl: SOURCE }, "UTC", s.fake.repos)).name).toBe("Days off");
  });

  it("422 on source_url for a URL that is not http(s), does not resolve or is private — and nothing is created", async () => {
    const s = scenario();
    s.fake.publish(SOURCE, { text: HOLIDAYS });
    for (const bad of ["ftp://holidays.example.test/de.ics", "https://nowhere.example.test/x.ics", "http://127.0.0.1/x.ics", "https://user:pw@holidays.example.test/de.ics"]) {
      const error = await rejection(createSubscription(s.owner.id, { name: "x", sourceUrl: bad }, "UTC", s.fake.repos));
      expect(error.status, bad).toBe(422);
      expect(error.fields?.source_url, bad).toBeDefined();
    }
    expect(s.fake.state.subscriptions.size).toBe(0);
    expect(s.fake.state.fetches).toEqual([]);
    expect([...s.fake.state.calendars.values()].map((c) => c.id)).toEqual([s.calendar.id]);
  });
});

describe("refreshNow", () => {
  it("asks conditionally and changes nothing when the source answers 304", async () => {
    const { fake, owner, subscribedTo } = await subscribed();
    const events = eventsOf(fake, subscribedTo.id);
    const result = await refreshNow(subscribedTo.uuid, owner.id, fake.repos);
    expect(result).toEqual({ status: "not_modified", summary: null, error: null });
    expect(fake.state.fetches.at(-1)).toEqual({ url: SOURCE, etag: '"v1"', lastModified: null });
    expect(eventsOf(fake, subscribedTo.id)).toEqual(events);
  });

  it("replaces the events with the source's: renamed, gone and new UIDs, counted", async () => {
    const { fake, owner, member, subscribedTo, subscription } = await subscribed();
    fake.addMember(subscribedTo.id, member.id, "member");
    fake.publish(SOURCE, { text: CHANGED, etag: '"v2"' });
    const result = await refreshNow(subscribedTo.uuid, member.id, fake.repos);
    expect(result.status).toBe("updated");
    expect(result.summary).toMatchObject({ created: 1, updated: 1, unchanged: 0, deleted: 1 });
    expect(eventsOf(fake, subscribedTo.id)).toEqual([["Christmas Day", subscription.id], ["New Year's Eve", subscription.id]]);
    const stored = fake.state.subscriptions.get(subscription.id)!;
    expect(stored).toMatchObject({ etag: '"v2"', lastError: null, refreshIntervalSeconds: 3600 });
    // A member asked, but the feed's events stay the owner's.
    expect([...fake.state.events.values()].filter((e) => e.calendarId === subscribedTo.id).every((e) => e.creatorId === owner.id)).toBe(true);
  });

  it("a failing source records the error, keeps the events and the validators, and is retried in 15 minutes", async () => {
    const { fake, owner, subscribedTo, subscription } = await subscribed();
    const events = eventsOf(fake, subscribedTo.id);
    for (const [resource, message] of [[{ status: 500 }, "the feed answered HTTP 500"], [{ code: "ECONNREFUSED" }, "connect ECONNREFUSED"]] as const) {
      fake.publish(SOURCE, resource);
      const before = Date.now();
      const result = await refreshNow(subscribedTo.uuid, owner.id, fake.repos);
      expect(result).toEqual({ status: "failed", summary: null, error: message });
      const stored = fake.state.subscriptions.get(subscription.id)!;
      expect(stored).toMatchObject({ lastError: message, etag: '"v1"' });
      expect(stored.nextFetchAt.getTime() - before).toBeGreaterThanOrEqual(15 * 60_000);
      expect(stored.nextFetchAt.getTime() - before).toBeLessThan(16 * 60_000);
      expect(eventsOf(fake, subscribedTo.id)).toEqual(events);
    }
    // The next good answer clears the error.
    fake.publish(SOURCE, { text: CHANGED, etag: '"v2"' });
    expect((await refreshNow(subscribedTo.uuid, owner.id, fake.repos)).status).toBe("updated");
    expect(fake.state.subscriptions.get(subscription.id)!.lastError).toBeNull();
  });

  it("403 for a guest, 422 for a calendar without a source, 404 for a non-member", async () => {
    const { fake, guest, outsider, owner, calendar, subscribedTo } = await subscribed();
    fake.addMember(subscribedTo.id, guest.id, "guest");
    expect((await rejection(refreshNow(subscribedTo.uuid, guest.id, fake.repos))).status).toBe(403);
    expect((await rejection(refreshNow(calendar.uuid, owner.id, fake.repos))).status).toBe(422);
    expect((await rejection(refreshNow(subscribedTo.uuid, outsider.id, fake.repos))).status).toBe(404);
    expect(fake.state.fetches).toHaveLength(1);
  });
});

describe("refreshDueSubscriptions", () => {
  it("refreshes only the subscriptions due now, claiming each so another instance skips it", async () => {
    const { fake, owner, subscribedTo, subscription } = await subscribed();
    const now = new Date();
    const later = fake.addCalendar(owner.id, { name: "Later" });
    const other = "https://other.example.test/b.ics";
    fake.publish(other, { text: CHANGED });
    const notDue = fake.subscribe(later.id, other, { nextFetchAt: new Date(now.getTime() + 60_000) });
    fake.state.subscriptions.get(subscription.id)!.nextFetchAt = new Date(now.getTime() - 1000);
    fake.publish(SOURCE, { text: CHANGED, etag: '"v2"' });
    const fetched = fake.state.fetches.length;

    expect(await refreshDueSubscriptions(now, fake.repos)).toBe(1);
    expect(fake.state.fetches.slice(fetched).map((f) => f.url)).toEqual([SOURCE]);
    expect(eventsOf(fake, subscribedTo.id).map(([title]) => title)).toEqual(["Christmas Day", "New Year's Eve"]);
    expect(eventsOf(fake, later.id)).toEqual([]);
    expect(fake.state.subscriptions.get(notDue.id)!.nextFetchAt).toEqual(notDue.nextFetchAt);
    // Refreshed: due again in an hour, so the next tick finds nothing.
    expect(await refreshDueSubscriptions(now, fake.repos)).toBe(0);
    expect(fake.state.fetches).toHaveLength(fetched + 1);
  });

  it("skips a subscription whose calendar has no owner left", async () => {
    const { fake, owner, subscribedTo, subscription } = await subscribed();
    fake.state.members.delete(`${subscribedTo.id}:${owner.id}`);
    fake.state.subscriptions.get(subscription.id)!.nextFetchAt = new Date(0);
    const fetched = fake.state.fetches.length;
    expect(await refreshDueSubscriptions(new Date(), fake.repos)).toBe(0);
    expect(fake.state.fetches).toHaveLength(fetched);
  });
});

describe("startSubscriptionScheduler", () => {
  afterEach(() => {
    vi.useRealTimers();
    useEnv();
  });

  /** Waits (real time; only intervals are faked) until the background refresh has stored `expected`. */
  async function settled(read: () => string[], expected: string[]) {
    for (let i = 0; i < 400 && JSON.stringify(read()) !== JSON.stringify(expected); i++) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(read()).toEqual(expected);
  }

  /** A subscription due now whose source answers only when `release()` is called. */
  async function slowSource() {
    const s = await subscribed();
    s.fake.state.subscriptions.get(s.subscription.id)!.nextFetchAt = new Date(0);
    s.fake.publish(SOURCE, { text: CHANGED, etag: '"v2"' });
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let calls = 0;
    const repos = { ...s.fake.repos, feedSource: { ...s.fake.repos.feedSource, fetch: async (...args: Parameters<typeof s.fake.repos.feedSource.fetch>) => (calls++, await gate, s.fake.repos.feedSource.fetch(...args)) } };
    return { ...s, repos, release, calls: () => calls };
  }

  it("refreshes due subscriptions every minute; a tick finding the previous one still running skips; one timer per process", async () => {
    const { fake, owner, subscribedTo, repos, release, calls } = await slowSource();
    // A second subscription, due 90 s from now: the tick at 120 s finds it due while the first source still hangs.
    const later = fake.addCalendar(owner.id, { name: "Later" });
    const other = "https://other.example.test/b.ics";
    fake.publish(other, { text: HOLIDAYS });
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval", "Date"] });
    fake.subscribe(later.id, other, { nextFetchAt: new Date(Date.now() + 90_000) });
    const stop = startSubscriptionScheduler(repos);
    const again = startSubscriptionScheduler(repos); // a second start adds no timer
    await vi.advanceTimersByTimeAsync(59_000);
    expect(calls()).toBe(0);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(calls()).toBe(1);
    // The first source is slow: the ticks at 120 and 180 s find the refresh running and leave the due one waiting.
    await vi.advanceTimersByTimeAsync(120_000);
    expect(calls()).toBe(1);
    release();
    await settled(() => eventsOf(fake, subscribedTo.id).map(([title]) => title), ["Christmas Day", "New Year's Eve"]);
    // The next tick refreshes the waiting one; after that nothing is due for a while.
    await vi.advanceTimersByTimeAsync(60_000);
    await settled(() => eventsOf(fake, later.id).map(([title]) => title), ["Christmas", "Boxing Day"]);
    expect(calls()).toBe(2);
    await vi.advanceTimersByTimeAsync(120_000);
    expect(calls()).toBe(2);
    again();
    stop();
  });

  it("does nothing with SUBSCRIPTIONS_SCHEDULER=0, and nothing after stop()", async () => {
    const { repos, release, calls } = await slowSource();
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
    release();
    useEnv({ SUBSCRIPTIONS_SCHEDULER: "0" });
    const off = startSubscriptionScheduler(repos);
    await vi.advanceTimersByTimeAsync(300_000);
    expect(calls()).toBe(0);
    off();
    useEnv({ SUBSCRIPTIONS_SCHEDULER: "1" });
    startSubscriptionScheduler(repos)();
    await vi.advanceTimersByTimeAsync(300_000);
    expect(calls()).toBe(0);
  });
});
