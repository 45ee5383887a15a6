import { QueryClient } from "@tanstack/react-query";
import { describe, expect, it, vi } from "vitest";
import { createRefresher } from "./live-refresh.ts";
import { calendarKeys, eventKeys } from "./query-keys.ts";

function seeded() {
  const client = new QueryClient();
  const keys = [eventKeys.range("a", "b"), eventKeys.search("x"), eventKeys.detail("cal-1", "e1"), eventKeys.detail("cal-2", "e2"), calendarKeys.list(), calendarKeys.members("cal-1"), calendarKeys.members("cal-2")];
  for (const key of keys) client.setQueryData(key, 1);
  const stale = () => keys.filter((key) => client.getQueryState(key)?.isInvalidated).map((key) => key.join("/"));
  return { client, stale };
}

describe("createRefresher", () => {
  it("refreshes ranges, searches, the calendar list and only the changed calendar's details and members", async () => {
    vi.useFakeTimers();
    const { client, stale } = seeded();
    const refresher = createRefresher(client, 10);
    refresher.changed({ calendar_id: "cal-1" });
    refresher.changed({ calendar_id: "cal-1" });
    expect(stale()).toEqual([]);
    await vi.advanceTimersByTimeAsync(20);
    expect(stale().sort()).toEqual(["calendars/list", "calendars/members/cal-1", "events/detail/cal-1/e1", "events/range/a/b", "events/search/x"]);
    vi.useRealTimers();
  });

  it("waits while the tab's own writes are in flight, then refreshes everything after a missed stretch", async () => {
    vi.useFakeTimers();
    const { client, stale } = seeded();
    let resolve = () => {};
    const pending = client.getMutationCache().build(client, { mutationFn: () => new Promise<void>((r) => (resolve = r)) }).execute(undefined);
    const refresher = createRefresher(client, 10);
    refresher.changed({ all: true });
    await vi.advanceTimersByTimeAsync(500);
    expect(stale()).toEqual([]);
    resolve();
    await pending;
    await vi.advanceTimersByTimeAsync(200);
    expect(stale()).toHaveLength(7);
    vi.useRealTimers();
  });
});
