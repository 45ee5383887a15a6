import { describe, expect, it } from "vitest";
import type { Event } from "@/lib/api/sweetdate/schemas.ts";
import { patchEvents, removeEvents } from "./optimistic-events.ts";

function event(id: string, start: string, series: string | null = null): Event {
  const end = new Date(Date.parse(start) + 3_600_000).toISOString().slice(0, 19) + "Z";
  return {
    id, calendar_id: "c", title: id, description: null, location: null, starts_at: start, ends_at: end, all_day: false, time_zone: "UTC",
    status: "scheduled", visibility: "public", recurrence_rule: series ? "weekly" : "none", inserted_at: start, updated_at: start,
    stakeholder: "group", default_role: "editor", tags: [], rrule: series ? "FREQ=WEEKLY" : null, rdates: [], recurring_event_id: series,
    original_starts_at: series ? start : null, sequence: 0, editable: true, rsvp: null, ics_feed_id: null, reminders: [],
  };
}

describe("optimistic cache edits", () => {
  const a = event("s_1", "2026-11-02T09:00:00Z", "s");
  const b = event("s_2", "2026-11-09T09:00:00Z", "s");
  const c = event("s_3", "2026-11-16T09:00:00Z", "s");
  const single = event("x", "2026-11-03T09:00:00Z");

  it("moves one occurrence with scope this", () => {
    const out = patchEvents([a, b, c, single], b, { starts_at: "2026-11-10T10:00:00Z", ends_at: "2026-11-10T12:00:00Z" }, "this");
    expect(out.map((e) => e.starts_at)).toEqual(["2026-11-02T09:00:00Z", "2026-11-10T10:00:00Z", "2026-11-16T09:00:00Z", "2026-11-03T09:00:00Z"]);
  });

  it("shifts the following occurrences alike", () => {
    const out = patchEvents([a, b, c], b, { starts_at: "2026-11-10T09:00:00Z", ends_at: "2026-11-10T10:00:00Z", title: "New" }, "following");
    expect(out.map((e) => [e.starts_at, e.title])).toEqual([["2026-11-02T09:00:00Z", "s_1"], ["2026-11-10T09:00:00Z", "New"], ["2026-11-17T09:00:00Z", "New"]]);
  });

  it("removes a whole series", () => {
    expect(removeEvents([a, b, c, single], b, "all")).toEqual([single]);
    expect(removeEvents([a, b, c, single], b, "following")).toEqual([a, single]);
  });
});
