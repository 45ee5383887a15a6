import { describe, expect, it } from "vitest";
import type { EventRecord } from "../domain/types.ts";
import { parseIcs, serializeCalendar } from "./index.ts";

const event = {
  id: 1, uuid: "0b6f3a52-8a0e-4c55-9d1e-7d0f3f8b1c09", calendarId: 1, calendarUuid: "c", creatorId: 1,
  title: "Design review", description: null, location: null, allDay: false,
  startsAt: new Date("2026-03-02T09:00:00Z"), endsAt: new Date("2026-03-02T10:00:00Z"), timeZone: "UTC",
  status: "scheduled", visibility: "public", stakeholder: "group", defaultRole: "editor",
  rrule: null, exdates: [], rdates: [], recurrenceEndsAt: null, seriesId: null, seriesUuid: null, originalStartsAt: null,
  externalObject: null, icsFeedId: null, icalUid: null, sequence: 0, deleted: false, reminders: [0, 10, 1440],
  createdAt: new Date("2026-01-01T00:00:00Z"), updatedAt: new Date("2026-01-01T00:00:00Z"), participants: [],
} satisfies EventRecord;

const wrap = (vevent: string) =>
  ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//test//EN", "BEGIN:VEVENT", "UID:a@test", "DTSTART:20260302T090000Z", "DTEND:20260302T100000Z", "SUMMARY:A", vevent, "END:VEVENT", "END:VCALENDAR"].join("\r\n");
const alarm = (...lines: string[]) => ["BEGIN:VALARM", "ACTION:DISPLAY", "DESCRIPTION:x", ...lines, "END:VALARM"].join("\r\n");

describe("VALARM export", () => {
  it("writes one DISPLAY alarm per reminder with a relative TRIGGER before the start", () => {
    const text = serializeCalendar({ name: "T", timeZone: "UTC", events: [{ uid: "u", event, see: "full" }] });
    const alarms = text.split("BEGIN:VALARM").slice(1);
    expect(alarms).toHaveLength(3);
    expect(alarms.map((a) => /TRIGGER:(\S+)/.exec(a)![1])).toEqual(["PT0S", "-PT10M", "-P1D"]);
    for (const a of alarms) expect(a).toMatch(/ACTION:DISPLAY\r\n[\s\S]*DESCRIPTION:Design review/);
  });
  it("writes none for a busy reader", () => {
    const text = serializeCalendar({ name: "T", timeZone: "UTC", events: [{ uid: "u", event: { ...event, title: "Busy" }, see: "busy" }] });
    expect(text).not.toContain("VALARM");
  });
  it("round-trips through the parser", () => {
    const text = serializeCalendar({ name: "T", timeZone: "UTC", events: [{ uid: "u", event, see: "full" }] });
    const parsed = parseIcs(text, { calendarTimeZone: "UTC" });
    expect(parsed.series[0]!.master.reminders).toEqual([0, 10, 1440]);
    expect(parsed.warnings).toEqual([]);
  });
});

describe("VALARM import", () => {
  const read = (vevent: string) => parseIcs(wrap(vevent), { calendarTimeZone: "UTC" });
  it("reads relative triggers before the start, in minutes, rounded", () => {
    const result = read([alarm("TRIGGER:-PT15M"), alarm("TRIGGER;RELATED=START:-P2D"), alarm("TRIGGER:-PT1H0M30S")].join("\r\n"));
    expect(result.series[0]!.master.reminders).toEqual([15, 61, 2880]);
  });
  it("converts RELATED=END with the event's length", () => {
    expect(read(alarm("TRIGGER;RELATED=END:-PT90M")).series[0]!.master.reminders).toEqual([30]);
  });
  it("leaves out absolute and after-start alarms with a warning, and Apple's ACTION:NONE silently", () => {
    const result = read([
      alarm("TRIGGER;VALUE=DATE-TIME:20260302T080000Z"),
      alarm("TRIGGER:PT5M"),
      alarm("TRIGGER:-P5W"),
      "BEGIN:VALARM\r\nACTION:NONE\r\nTRIGGER;VALUE=DATE-TIME:19760401T005545Z\r\nEND:VALARM",
      alarm("TRIGGER:-PT5M"),
    ].join("\r\n"));
    expect(result.series[0]!.master.reminders).toEqual([5]);
    expect(result.warnings.map((w) => w.reason)).toEqual([
      expect.stringContaining("absolute"),
      expect.stringContaining("after the event's start"),
      expect.stringContaining("4 weeks"),
    ]);
  });
  it("keeps the five alarms nearest the start", () => {
    const result = read([1, 2, 3, 4, 5, 6].map((m) => alarm(`TRIGGER:-PT${m}M`)).join("\r\n"));
    expect(result.series[0]!.master.reminders).toEqual([1, 2, 3, 4, 5]);
    expect(result.warnings).toHaveLength(1);
  });
  it("changes the series hash only when alarms are present", () => {
    const without = read("");
    const withAlarm = read(alarm("TRIGGER:-PT15M"));
    expect(without.series[0]!.master.reminders).toEqual([]);
    expect(withAlarm.series[0]!.hash).not.toBe(without.series[0]!.hash);
  });
});
