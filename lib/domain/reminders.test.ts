import { describe, expect, it } from "vitest";
import { checkReminders, describeOffset, MAX_REMINDER_MINUTES, remindersFromJson } from "./reminders.ts";

describe("checkReminders", () => {
  it("sorts and merges duplicates", () => {
    expect(checkReminders([1440, 10, 10, 0])).toEqual({ reminders: [0, 10, 1440], problems: [] });
  });
  it("refuses negative, fractional and too distant offsets", () => {
    for (const bad of [-1, 2.5, MAX_REMINDER_MINUTES + 1]) expect(checkReminders([bad]).problems).toHaveLength(1);
    expect(checkReminders([MAX_REMINDER_MINUTES]).problems).toEqual([]);
  });
  it("allows at most five distinct reminders", () => {
    expect(checkReminders([1, 2, 3, 4, 5, 5]).problems).toEqual([]);
    expect(checkReminders([1, 2, 3, 4, 5, 6]).problems).toEqual(["at most 5 reminders are allowed"]);
  });
});

describe("remindersFromJson", () => {
  it("reads the stored column and survives bad text", () => {
    expect(remindersFromJson("[30,5]")).toEqual([5, 30]);
    expect(remindersFromJson("")).toEqual([]);
    expect(remindersFromJson("{")).toEqual([]);
    expect(remindersFromJson('{"a":1}')).toEqual([]);
  });
});

describe("describeOffset", () => {
  it("names the largest whole unit", () => {
    expect([0, 1, 10, 60, 90, 120, 1440, 2880, 10080].map(describeOffset)).toEqual([
      "at the start", "1 minute", "10 minutes", "1 hour", "90 minutes", "2 hours", "1 day", "2 days", "7 days",
    ]);
  });
});
