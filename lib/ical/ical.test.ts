import { describe, expect, it } from "vitest";
import type { EventRecord } from "../domain/types.ts";
import { parseIcs, serializeCalendar, type IcalEventInput } from "./index.ts";

function record(over: Partial<EventRecord>): EventRecord {
  return {
    id: 1, uuid: "0b6f3a52-8a0e-4c55-9d1e-7d0f3f8b1c01", calendarId: 1, calendarUuid: "c", creatorId: 1,
    title: "Standup", description: null, location: null, allDay: false,
    startsAt: new Date("2025-03-24T08:00:00Z"), endsAt: new Date("2025-03-24T08:30:00Z"), timeZone: "Europe/Berlin",
    status: "scheduled", visibility: "public", stakeholder: "group", defaultRole: "editor",
    rrule: null, exdates: [], rdates: [], recurrenceEndsAt: null, seriesId: null, seriesUuid: null, originalStartsAt: null,
    externalObject: null, icsFeedId: null, icalUid: null, sequence: 0, deleted: false, reminders: [],
    createdAt: new Date("2025-01-01T00:00:00Z"), updatedAt: new Date("2025-01-02T00:00:00Z"), participants: [],
    ...over,
  };
}

const unfold = (text: string) => text.replace(/\r\n[ \t]/g, "");

describe("lib/ical serializeCalendar", () => {
  const series = record({ rrule: "FREQ=WEEKLY;COUNT=4", exdates: [new Date("2025-04-07T07:00:00Z")] });
  const override = record({
    id: 2, title: "Moved standup", seriesId: 1, originalStartsAt: new Date("2025-03-31T07:00:00Z"),
    startsAt: new Date("2025-03-31T09:00:00Z"), endsAt: new Date("2025-03-31T09:30:00Z"),
  });
  const inputs: IcalEventInput[] = [
    { uid: "series-1", event: series, see: "full", categories: ["team"], organizer: { email: "a@example.com", name: "Ann" }, attendees: [{ email: "b@example.com", name: "Bo", rsvp: "accepted" }], url: "https://x.test/e/1" },
    { uid: "series-1", event: override, see: "full", recurrenceOf: { timeZone: "Europe/Berlin", allDay: false } },
    { uid: "allday", event: record({ id: 3, allDay: true, startsAt: new Date("2025-05-01T00:00:00Z"), endsAt: new Date("2025-05-03T00:00:00Z"), visibility: "busy", title: "Busy" }), see: "busy", url: "https://x.test/e/3" },
    { uid: "utc", event: record({ id: 4, timeZone: "UTC", visibility: "private", status: "postponed" }), see: "full" },
  ];
  const text = serializeCalendar({ name: "Team", timeZone: "Europe/Berlin", refreshIntervalMinutes: 60, events: inputs }, new Date("2025-06-01T00:00:00Z"));
  const lines = unfold(text).split("\r\n");

  it("writes wall-clock times with TZID (whatever the process zone) and the VTIMEZONE they need", () => {
    expect(lines).toContain("DTSTART;TZID=Europe/Berlin:20250324T090000");
    expect(lines).toContain("RECURRENCE-ID;TZID=Europe/Berlin:20250331T090000");
    expect(lines).toContain("DTSTART;TZID=Europe/Berlin:20250331T110000");
    expect(lines).toContain("EXDATE;TZID=Europe/Berlin:20250407T090000");
    expect(lines.filter((l) => l === "BEGIN:VTIMEZONE")).toHaveLength(1);
    expect(lines).toContain("TZID:Europe/Berlin");
    expect(text.indexOf("BEGIN:VTIMEZONE")).toBeLessThan(text.indexOf("BEGIN:VEVENT"));
  });

  it("writes all-day as VALUE=DATE, UTC with Z, classes, status, people, categories, url, refresh", () => {
    expect(lines).toContain("DTSTART;VALUE=DATE:20250501");
    expect(lines).toContain("DTEND;VALUE=DATE:20250503");
    expect(lines).toContain("CLASS:CONFIDENTIAL");
    expect(lines).toContain("CLASS:PRIVATE");
    expect(lines).toContain("DTSTART:20250324T080000Z");
    expect(lines).toContain("STATUS:TENTATIVE");
    expect(lines).toContain("X-SWEETDATE-STATUS:postponed");
    expect(lines).toContain("ORGANIZER;CN=Ann:mailto:a@example.com");
    expect(lines).toContain("ATTENDEE;CN=Bo;PARTSTAT=ACCEPTED:mailto:b@example.com");
    expect(lines).toContain("CATEGORIES:team");
    expect(lines).toContain("URL:https://x.test/e/1");
    expect(lines).not.toContain("URL:https://x.test/e/3"); // busy: times only
    expect(lines).toContain("REFRESH-INTERVAL;VALUE=DURATION:PT60M");
    expect(lines).toContain("X-WR-CALNAME:Team");
    expect(lines).toContain("X-PUBLISHED-TTL:PT60M");
    expect(lines).toContain("RRULE:FREQ=WEEKLY;COUNT=4");
  });

  it("parses its own output back to the same series", () => {
    const parsed = parseIcs(text, { calendarTimeZone: "America/New_York" });
    expect(parsed.failed).toEqual([]);
    const s = parsed.series.find((x) => x.uid === "series-1")!;
    expect(s.master).toMatchObject({ title: "Standup", timeZone: "Europe/Berlin", rrule: "FREQ=WEEKLY;COUNT=4", startsAt: series.startsAt, endsAt: series.endsAt, exdates: series.exdates });
    expect(s.overrides).toHaveLength(1);
    expect(s.overrides[0]).toMatchObject({ title: "Moved standup", recurrenceId: override.originalStartsAt, startsAt: override.startsAt });
    const allDay = parsed.series.find((x) => x.uid === "allday")!.master;
    expect(allDay).toMatchObject({ allDay: true, startsAt: new Date("2025-05-01T00:00:00Z"), endsAt: new Date("2025-05-03T00:00:00Z"), visibility: "busy" });
    expect(parsed.series.find((x) => x.uid === "utc")!.master).toMatchObject({ timeZone: "UTC", status: "postponed", visibility: "private" });
    expect(parsed.refreshIntervalSeconds).toBe(3600);
    // Same input, same hash: a re-import can tell nothing changed.
    expect(parseIcs(text, { calendarTimeZone: "America/New_York" }).series.map((x) => x.hash)).toEqual(parsed.series.map((x) => x.hash));
  });
});

const wrap = (body: string) => `BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:test\r\n${body.trim().split("\n").join("\r\n")}\r\nEND:VCALENDAR\r\n`;

describe("lib/ical parseIcs", () => {
  it("maps Windows zone names, libical prefixes and floating times (calendar zone)", () => {
    const r = parseIcs(wrap(`
BEGIN:VEVENT
UID:w
DTSTART;TZID="W. Europe Standard Time":20250701T100000
DTEND;TZID="W. Europe Standard Time":20250701T110000
SUMMARY:Windows
END:VEVENT
BEGIN:VEVENT
UID:lib
DTSTART;TZID=/freeassociation.sourceforge.net/Tzfile/America/New_York:20250701T100000
DURATION:PT90M
SUMMARY:libical
END:VEVENT
BEGIN:VEVENT
UID:f
DTSTART:20250701T100000
SUMMARY:Floating
END:VEVENT`), { calendarTimeZone: "Asia/Tokyo" });
    const byUid = Object.fromEntries(r.series.map((s) => [s.uid, s.master]));
    expect(byUid.w).toMatchObject({ timeZone: "Europe/Berlin", startsAt: new Date("2025-07-01T08:00:00Z"), endsAt: new Date("2025-07-01T09:00:00Z") });
    expect(byUid.lib).toMatchObject({ timeZone: "America/New_York", startsAt: new Date("2025-07-01T14:00:00Z"), endsAt: new Date("2025-07-01T15:30:00Z") });
    expect(byUid.f).toMatchObject({ timeZone: "Asia/Tokyo", startsAt: new Date("2025-07-01T01:00:00Z"), endsAt: new Date("2025-07-01T01:00:00Z") });
  });

  it("repairs missing and duplicate UIDs stably, keeps orphan overrides, reports unknown zones, fails one bad event alone", () => {
    const text = wrap(`
BEGIN:VEVENT
DTSTART:20250701T100000Z
SUMMARY:No uid
END:VEVENT
BEGIN:VEVENT
UID:dup
DTSTART:20250702T100000Z
SUMMARY:First
END:VEVENT
BEGIN:VEVENT
UID:dup
DTSTART:20250703T100000Z
SUMMARY:Second
END:VEVENT
BEGIN:VEVENT
UID:orphan
RECURRENCE-ID:20250704T100000Z
DTSTART:20250704T120000Z
SUMMARY:Orphan
END:VEVENT
BEGIN:VEVENT
UID:zone
DTSTART;TZID=Mars/Olympus:20250705T100000
SUMMARY:Mars
END:VEVENT
BEGIN:VEVENT
UID:bad
SUMMARY:No start
END:VEVENT
BEGIN:VEVENT
UID:badrule
DTSTART:20250701T100000Z
RRULE:FREQ=FORTNIGHTLY
SUMMARY:Bad rule
END:VEVENT`);
    const a = parseIcs(text, { calendarTimeZone: "Europe/Paris" });
    const b = parseIcs(text, { calendarTimeZone: "Europe/Paris" });
    expect(a.series.map((s) => s.uid)).toEqual(b.series.map((s) => s.uid));
    expect(a.series).toHaveLength(5);
    expect(a.series.filter((s) => s.uid.startsWith("sweetdate-"))).toHaveLength(2);
    expect(a.series.find((s) => s.uid === "dup")!.master.title).toBe("First");
    expect(a.series.find((s) => s.uid === "orphan")!.master).toMatchObject({ title: "Orphan", rrule: null, recurrenceId: null, startsAt: new Date("2025-07-04T12:00:00Z") });
    expect(a.series.find((s) => s.uid === "zone")!.master).toMatchObject({ timeZone: "Europe/Paris", startsAt: new Date("2025-07-05T08:00:00Z") });
    expect(a.warnings.map((w) => w.uid)).toEqual(expect.arrayContaining(["zone", "orphan", "dup"]));
    expect(a.failed.map((f) => f.uid).sort()).toEqual(["bad", "badrule"]);
  });

  it("reads EXDATEs and RECURRENCE-IDs in the series' form (dates on all-day series, zoned on timed ones)", () => {
    const r = parseIcs(wrap(`
BEGIN:VEVENT
UID:s
DTSTART;VALUE=DATE:20250707
RRULE:FREQ=WEEKLY;UNTIL=20250804
EXDATE;VALUE=DATE:20250714
SUMMARY:All-day weekly
END:VEVENT
BEGIN:VEVENT
UID:s
RECURRENCE-ID;TZID=GMT Standard Time:20250721T000000
DTSTART;VALUE=DATE:20250722
SUMMARY:Moved
END:VEVENT
BEGIN:VEVENT
UID:t
DTSTART;TZID=America/Chicago:20250301T090000
RRULE:FREQ=DAILY;UNTIL=20250312T090000
EXDATE;VALUE=DATE:20250310
SUMMARY:Timed
END:VEVENT`), { calendarTimeZone: "UTC" });
    const s = r.series.find((x) => x.uid === "s")!;
    expect(s.master.exdates).toEqual([new Date("2025-07-14T00:00:00Z")]);
    expect(s.overrides[0]!.recurrenceId).toEqual(new Date("2025-07-21T00:00:00Z"));
    const t = r.series.find((x) => x.uid === "t")!.master;
    expect(t.exdates).toEqual([new Date("2025-03-10T14:00:00Z")]); // 09:00 CDT, after the DST change
    expect(t.rrule).toBe("FREQ=DAILY;UNTIL=20250312T140000Z");
  });
});

describe("lib/ical serializeCalendar writes what ical.js writes", () => {
  it("gives, for every VEVENT, the bytes ical.js writes for the same component (escaping, parameters, folding)", async () => {
    const { default: ICAL } = await import("ical.js");
    const long = "Quarterly planning — budget, hiring; roadmap\\notes\nsecond line ".repeat(4);
    const inputs: IcalEventInput[] = [
      {
        uid: "odd,uid;with\\chars",
        event: record({ title: long, description: `${"é".repeat(40)}${"😀".repeat(30)}x${"日本語".repeat(20)}`, location: "Room 1, floor 2; east", rrule: "FREQ=MONTHLY;BYDAY=MO,TU;BYSETPOS=-1;INTERVAL=2;UNTIL=20260101T000000Z", exdates: [new Date("2025-04-28T08:00:00Z"), new Date("2025-05-26T08:00:00Z")], status: "pending" }),
        see: "full",
        categories: ["a,b", "c;d", "ü"],
        organizer: { email: "ann@example.com", name: 'Ann "the boss" O\'Neil, PhD; ^caret' },
        attendees: [{ email: "bo@example.com", name: "Bo:Colon", rsvp: "tentative" }, { email: "cy@example.com", name: "Cy", rsvp: "needs_action" }],
        url: `https://x.test/${"a".repeat(120)}`,
        rdates: [new Date("2025-06-01T08:00:00Z")],
      },
      { uid: "d", event: record({ allDay: true, rrule: "FREQ=YEARLY", exdates: [new Date("2026-03-24T00:00:00Z")], startsAt: new Date("2025-03-24T00:00:00Z"), endsAt: new Date("2025-03-25T00:00:00Z") }), see: "full" },
      { uid: "d", event: record({ allDay: true, seriesId: 1, originalStartsAt: new Date("2027-03-24T00:00:00Z"), startsAt: new Date("2027-03-25T00:00:00Z"), endsAt: new Date("2027-03-26T00:00:00Z") }), see: "busy", recurrenceOf: { timeZone: "UTC", allDay: true } },
      { uid: "u", event: record({ timeZone: "UTC", title: "x".repeat(75 - "SUMMARY:".length), description: "y".repeat(76 - "DESCRIPTION:".length) }), see: "full" },
    ];
    const text = serializeCalendar({ name: "Team, A; B", description: "multi\nline", color: "#123456", timeZone: "America/New_York", events: inputs }, new Date("2025-06-01T00:00:00Z"));
    const ours = text.split(/\r\n(?=BEGIN:VEVENT)/).slice(1).map((block) => block.slice(0, block.indexOf("END:VEVENT") + "END:VEVENT".length));
    const theirs = new ICAL.Component(ICAL.parse(text) as never).getAllSubcomponents("vevent").map((c) => ICAL.stringify.component(c.toJSON() as never, ICAL.design.icalendar));
    expect(ours).toHaveLength(4);
    expect(ours).toEqual(theirs);
    expect(unfold(text).split("\r\n")).toContain('ATTENDEE;CN="Bo:Colon";PARTSTAT=TENTATIVE:mailto:bo@example.com');
    expect(unfold(text).split("\r\n")).toContain(`ORGANIZER;CN="Ann ^'the boss^' O'Neil, PhD; ^^caret":mailto:ann@example.com`);
    expect(text.split("\r\n").every((l) => Buffer.byteLength(l) <= 76)).toBe(true);
  });
});

describe("lib/ical wallClockOf", () => {
  it("gives Date's UTC calendar fields for month ends, leap days and the instants around them (years -5 to 2500)", async () => {
    const { wallClockOf } = await import("./zones.ts");
    const wrong: number[] = [];
    for (let y = -5; y <= 2500; y++) {
      for (const m of [0, 1, 2, 11]) {
        for (const d of [1, 28, 29, 30, 31]) {
          for (const ms of [Date.UTC(y, m, d) - 1, Date.UTC(y, m, d), Date.UTC(y, m, d) + 45_296_789]) {
            const date = new Date(ms);
            const w = wallClockOf(ms);
            const same = w.year === date.getUTCFullYear() && w.month === date.getUTCMonth() + 1 && w.day === date.getUTCDate() && w.hour === date.getUTCHours() && w.minute === date.getUTCMinutes() && w.second === date.getUTCSeconds();
            if (!same) wrong.push(ms);
          }
        }
      }
    }
    expect(wrong).toEqual([]);
  });
});
