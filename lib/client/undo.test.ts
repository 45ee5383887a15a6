import { describe, expect, it } from "vitest";
import type { Event } from "@/lib/api/sweetdate/schemas.ts";
import { compactStart, inverseInput, undoDelete, undoUpdate } from "./undo.ts";

const SERIES = "7c9e6679-7425-40de-944b-e07fc1f90ae7";
function event(patch: Partial<Event> = {}): Event {
  return {
    id: "e1", calendar_id: "c", title: "Stand-up", description: null, location: null, starts_at: "2026-11-18T09:00:00Z", ends_at: "2026-11-18T09:15:00Z",
    all_day: false, time_zone: "UTC", status: "scheduled", visibility: "public", recurrence_rule: "none", inserted_at: "2026-11-01T00:00:00Z",
    updated_at: "2026-11-01T00:00:00Z", stakeholder: "group", default_role: "editor", tags: [], rrule: null, rdates: [], recurring_event_id: null,
    original_starts_at: null, sequence: 0, editable: true, rsvp: null, ics_feed_id: null, reminders: [], ...patch,
  };
}
const occurrence = event({ id: `${SERIES}_20261118T090000Z`, rrule: "FREQ=DAILY;COUNT=5", recurrence_rule: "daily", recurring_event_id: SERIES, original_starts_at: "2026-11-18T09:00:00Z" });

describe("undo plans", () => {
  it("inverts only the fields that changed, sending a whole span for time changes", () => {
    expect(inverseInput(event(), { title: "New" })).toEqual({ title: "Stand-up" });
    expect(inverseInput(event({ reminders: [{ minutes_before: 10 }] }), { reminders: [] })).toEqual({ reminders: [{ minutes_before: 10 }] });
    expect(inverseInput(event(), { starts_at: "2026-11-19T09:00:00Z" })).toEqual({ all_day: false, starts_at: "2026-11-18T09:00:00Z", ends_at: "2026-11-18T09:15:00Z" });
    const allDay = event({ all_day: true, starts_at: "2026-11-18T00:00:00Z", ends_at: "2026-11-19T00:00:00Z" });
    expect(inverseInput(allDay, { starts_at: "2026-11-20", ends_at: "2026-11-21" })).toEqual({ all_day: true, starts_at: "2026-11-18", ends_at: "2026-11-19" });
    expect(compactStart("2026-11-20")).toBe("20261120T000000Z");
  });

  it("puts a single event or one occurrence back on the same id", () => {
    expect(undoUpdate(event(), event(), { title: "X" }, undefined)).toEqual([{ method: "PUT", path: "events/e1", body: { title: "Stand-up" } }]);
    expect(undoUpdate(occurrence, occurrence, { title: "X" }, "this")[0]!.path).toBe(`events/${SERIES}_20261118T090000Z?scope=this`);
  });

  it("shifts a series back through the moved occurrence (scope=all)", () => {
    const steps = undoUpdate(occurrence, event({ id: SERIES }), { starts_at: "2026-11-18T10:00:00Z", ends_at: "2026-11-18T10:15:00Z" }, "all");
    expect(steps).toEqual([{ method: "PUT", path: `events/${SERIES}_20261118T100000Z?scope=all`, body: { all_day: false, starts_at: "2026-11-18T09:00:00Z", ends_at: "2026-11-18T09:15:00Z" } }]);
  });

  it("gives the series its own old values back when the edited occurrence was an override (scope=all)", () => {
    // The 18th had been renamed and moved on its own; the user renamed the whole series through it.
    const override = { ...occurrence, title: "Stand-up (moved)", starts_at: "2026-11-18T11:00:00Z", ends_at: "2026-11-18T11:15:00Z" };
    const series = event({ id: SERIES, rrule: "FREQ=DAILY;COUNT=5", recurring_event_id: SERIES, starts_at: "2026-11-16T09:00:00Z", ends_at: "2026-11-16T09:15:00Z" });
    expect(undoUpdate(override, event({ id: SERIES }), { title: "Daily" }, "all", undefined, series)).toEqual([{ method: "PUT", path: `events/${SERIES}?scope=all`, body: { title: "Stand-up" } }]);
    expect(undoUpdate(override, event({ id: SERIES }), { starts_at: "2026-11-18T12:00:00Z", ends_at: "2026-11-18T12:15:00Z" }, "all", undefined, series)).toEqual([
      { method: "PUT", path: `events/${SERIES}?scope=all`, body: { all_day: false, starts_at: "2026-11-16T09:00:00Z", ends_at: "2026-11-16T09:15:00Z" } },
    ]);
  });

  it("removes the split-off tail and gives the head its rule back (scope=following)", () => {
    const tail = event({ id: "a0000000-0000-4000-8000-000000000000", rrule: "FREQ=DAILY;COUNT=3" });
    expect(undoUpdate(occurrence, tail, { title: "X" }, "following")).toEqual([
      { method: "DELETE", path: "events/a0000000-0000-4000-8000-000000000000?scope=all" },
      { method: "PUT", path: `events/${SERIES}?scope=all`, body: { rrule: "FREQ=DAILY;COUNT=5" } },
    ]);
    // An override carries no rule: the series' rule read before the change is given back.
    const override = { ...occurrence, rrule: null };
    expect(undoUpdate(override, tail, { title: "X" }, "following", undefined, event({ id: SERIES, rrule: "FREQ=DAILY;COUNT=9" }))[1]!.body).toEqual({ rrule: "FREQ=DAILY;COUNT=9" });
  });

  it("restores deletions from the trash, or the rule for this-and-following", () => {
    expect(undoDelete(event(), undefined)).toEqual([{ method: "POST", path: "trash/e1/restore" }]);
    expect(undoDelete(occurrence, "this")).toEqual([{ method: "POST", path: `trash/${SERIES}_20261118T090000Z/restore` }]);
    expect(undoDelete(occurrence, "all")).toEqual([{ method: "POST", path: `trash/${SERIES}/restore` }]);
    expect(undoDelete(occurrence, "following")).toEqual([
      { method: "PUT", path: `events/${SERIES}?scope=all`, body: { rrule: "FREQ=DAILY;COUNT=5" }, orElse: { method: "POST", path: `trash/${SERIES}/restore` } },
    ]);
  });
});
