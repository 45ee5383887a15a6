import { describe, expect, it } from "vitest";
import type { Event } from "@/lib/api/sweetdate/schemas.ts";
import { dueNow, LATE_LIMIT_MS, reminderKey, reminderText, remindersOf, rowsOf } from "./reminders.ts";

const MIN = 60_000;
function event(id: string, startsAt: string, minutes: number[], patch: Partial<Event> = {}): Event {
  return {
    id, calendar_id: "c", title: id, description: null, location: null, starts_at: startsAt, ends_at: startsAt, all_day: false, time_zone: "UTC",
    status: "scheduled", visibility: "public", recurrence_rule: "none", inserted_at: startsAt, updated_at: startsAt, stakeholder: "group",
    default_role: "editor", tags: [], rrule: null, rdates: [], recurring_event_id: null, original_starts_at: null, sequence: 0, editable: true,
    rsvp: null, ics_feed_id: null, reminders: minutes.map((m) => ({ minutes_before: m })), ...patch,
  };
}

describe("reminder rows", () => {
  it("show stored minutes in the largest whole unit and read them back", () => {
    const rows = rowsOf([{ minutes_before: 0 }, { minutes_before: 90 }, { minutes_before: 120 }, { minutes_before: 2880 }]);
    expect(rows).toEqual([{ amount: "0", unit: "minutes" }, { amount: "90", unit: "minutes" }, { amount: "2", unit: "hours" }, { amount: "2", unit: "days" }]);
    expect(remindersOf(rows)).toEqual({ reminders: [0, 90, 120, 2880].map((m) => ({ minutes_before: m })) });
  });
  it("refuse what is not a whole number, more than 4 weeks or more than five; merge duplicates", () => {
    expect(remindersOf([{ amount: "", unit: "minutes" }])).toHaveProperty("error");
    expect(remindersOf([{ amount: "1.5", unit: "hours" }])).toHaveProperty("error");
    expect(remindersOf([{ amount: "29", unit: "days" }])).toEqual({ error: "A reminder can be at most 4 weeks before the event." });
    expect(remindersOf(["1", "2", "3", "4", "5", "6"].map((amount) => ({ amount, unit: "minutes" as const })))).toEqual({ error: "At most 5 reminders." });
    expect(remindersOf([{ amount: "60", unit: "minutes" }, { amount: "1", unit: "hours" }])).toEqual({ reminders: [{ minutes_before: 60 }] });
  });
});

describe("dueNow", () => {
  const start = Date.parse("2026-11-18T10:15:00Z");
  const review = event("review", "2026-11-18T10:15:00Z", [10, 60]);
  it("fires at start − offset, once, and says when the next one is", () => {
    expect(dueNow([review], start - 11 * MIN, new Set())).toEqual({ due: [], nextInMs: MIN });
    const at = dueNow([review], start - 10 * MIN, new Set());
    // (The 60-minute one was 50 minutes earlier: too late to show.)
    expect(at.due.map((r) => [r.minutesBefore, r.fireAt])).toEqual([[10, start - 10 * MIN]]);
    expect(dueNow([review], start - 60 * MIN, new Set()).due.map((r) => r.minutesBefore)).toEqual([60]);
    const fired = new Set(at.due.map((r) => r.key));
    expect(dueNow([review], start - 10 * MIN, fired).due).toEqual([]);
  });
  it("leaves out reminders more than a few minutes late (a tab opened afterwards)", () => {
    // The 60-minute reminder was 50 minutes ago: not shown; the 10-minute one is due.
    expect(dueNow([review], start - 10 * MIN + LATE_LIMIT_MS - 1, new Set()).due.map((r) => r.minutesBefore)).toEqual([10]);
    expect(dueNow([review], start - 10 * MIN + LATE_LIMIT_MS + 1, new Set()).due).toEqual([]);
  });
  it("keys each occurrence and start apart: every occurrence of a series reminds, a moved event reminds again", () => {
    const a = event("s_20261118T101500Z", "2026-11-18T10:15:00Z", [10]);
    const b = event("s_20261119T101500Z", "2026-11-19T10:15:00Z", [10]);
    expect(reminderKey(a, 10)).not.toBe(reminderKey(b, 10));
    expect(reminderKey(a, 10)).not.toBe(reminderKey({ ...a, starts_at: "2026-11-18T11:15:00Z" }, 10));
    expect(dueNow([a, b], Date.parse("2026-11-19T10:05:00Z"), new Set([reminderKey(a, 10)])).due.map((r) => r.event.id)).toEqual([b.id]);
  });
});

describe("reminderText", () => {
  const review = event("Design review", "2026-11-18T10:15:00Z", [10, 0]);
  const fireAt = Date.parse("2026-11-18T10:05:00Z");
  it("names the reminder's offset when on time, else the time left", () => {
    expect(reminderText({ event: review, minutesBefore: 10, fireAt }, fireAt + 5_000)).toBe("Design review in 10 minutes");
    expect(reminderText({ event: review, minutesBefore: 10, fireAt }, fireAt + 3 * MIN)).toBe("Design review in 7 minutes");
    expect(reminderText({ event: review, minutesBefore: 0, fireAt: fireAt + 10 * MIN }, fireAt + 10 * MIN)).toBe("Design review starts now");
    expect(reminderText({ event: review, minutesBefore: 0, fireAt: fireAt + 10 * MIN }, fireAt + 13 * MIN)).toBe("Design review started 3 minutes ago");
  });
});
