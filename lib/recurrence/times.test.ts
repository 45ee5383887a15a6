// The parts RFC 5545 adds below the day (FREQ=HOURLY/MINUTELY/SECONDLY, BYHOUR/BYMINUTE/BYSECOND)
// and the week / year-day parts (BYWEEKNO, BYYEARDAY): the RFC 5545 §3.8.5.3 examples that use
// them (09:00 America/New_York), wall-clock behaviour across DST, counting far from DTSTART.
import { describe, expect, test } from "vitest";
import { expand, indexOf, occurrenceAt, parseRRule, type SeriesInput } from "./index.ts";

const NY = "America/New_York";
const fmt = (zone: string) =>
  new Intl.DateTimeFormat("sv", { timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit" });
const local = (zone: string, d: Date) => fmt(zone).format(d);

/** A wall-clock time in a zone as a UTC instant (the earlier one when ambiguous). */
function wall(zone: string, text: string): Date {
  const guess = Date.parse(`${text}Z`);
  for (const hours of [-14, -13, -12, -11, -10, -9, -8, -7, -6, -5, -4, -3, -2, -1, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]) {
    const d = new Date(guess - hours * 3_600_000);
    if (local(zone, d) === text.replace("T", " ")) return d;
  }
  throw new Error(`${text} does not exist in ${zone}`);
}

function series(rrule: string, start: string, zone = NY, extra: Partial<SeriesInput> = {}): SeriesInput {
  return { rule: parseRRule(rrule), start: wall(zone, start), timeZone: zone, allDay: false, durationMs: 0, ...extra };
}

function locals(s: SeriesInput, take: number, days = 3 * 366, zone = s.timeZone): string[] {
  return expand({ ...s, from: s.start, to: new Date(s.start.getTime() + days * 86_400_000), limit: take }).map((o) => local(zone, o.start));
}

const at = (date: string, times: string) => times.split(" ").map((t) => `${date} ${t.length === 5 ? `${t}:00` : t}`);

describe("RFC 5545 §3.8.5.3 examples with the new parts", () => {
  test("Monday of week number 20, forever (BYWEEKNO)", () => {
    expect(locals(series("FREQ=YEARLY;BYWEEKNO=20;BYDAY=MO", "1997-05-12T09:00:00"), 3, 4 * 366)).toEqual([
      "1997-05-12 09:00:00",
      "1998-05-11 09:00:00",
      "1999-05-17 09:00:00",
    ]);
  });

  test("every third year on the 1st, 100th and 200th day, 10 occurrences (BYYEARDAY)", () => {
    const got = locals(series("FREQ=YEARLY;INTERVAL=3;COUNT=10;BYYEARDAY=1,100,200", "1997-01-01T09:00:00"), 20, 12 * 366);
    expect(got).toEqual([
      ...at("1997-01-01", "09:00"), ...at("1997-04-10", "09:00"), ...at("1997-07-19", "09:00"),
      ...at("2000-01-01", "09:00"), ...at("2000-04-09", "09:00"), ...at("2000-07-18", "09:00"),
      ...at("2003-01-01", "09:00"), ...at("2003-04-10", "09:00"), ...at("2003-07-19", "09:00"),
      ...at("2006-01-01", "09:00"),
    ]);
  });

  test("every 3 hours from 9:00 AM to 5:00 PM on a specific day (HOURLY)", () => {
    // The RFC's UNTIL=19970902T170000Z is 13:00 EDT; it lists 09:00, 12:00 and 15:00 as if UNTIL
    // were 17:00 local (a known slip in the example). Both readings:
    expect(locals(series("FREQ=HOURLY;INTERVAL=3;UNTIL=19970902T170000Z", "1997-09-02T09:00:00"), 10)).toEqual(at("1997-09-02", "09:00 12:00"));
    expect(locals(series("FREQ=HOURLY;INTERVAL=3;UNTIL=19970902T210000Z", "1997-09-02T09:00:00"), 10)).toEqual(at("1997-09-02", "09:00 12:00 15:00"));
  });

  test("every 15 minutes for 6 occurrences (MINUTELY)", () => {
    expect(locals(series("FREQ=MINUTELY;INTERVAL=15;COUNT=6", "1997-09-02T09:00:00"), 10)).toEqual(at("1997-09-02", "09:00 09:15 09:30 09:45 10:00 10:15"));
  });

  test("every hour and a half for 4 occurrences", () => {
    expect(locals(series("FREQ=MINUTELY;INTERVAL=90;COUNT=4", "1997-09-02T09:00:00"), 10)).toEqual(at("1997-09-02", "09:00 10:30 12:00 13:30"));
  });

  test("every 20 minutes from 9:00 AM to 4:40 PM every day: DAILY with BYHOUR/BYMINUTE = MINUTELY with BYHOUR", () => {
    const day = (date: string) =>
      [9, 10, 11, 12, 13, 14, 15, 16].flatMap((h) => [0, 20, 40].map((m) => `${date} ${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}:00`));
    const expected = [...day("1997-09-02"), ...day("1997-09-03")];
    expect(locals(series("FREQ=DAILY;BYHOUR=9,10,11,12,13,14,15,16;BYMINUTE=0,20,40", "1997-09-02T09:00:00"), 48)).toEqual(expected);
    expect(locals(series("FREQ=MINUTELY;INTERVAL=20;BYHOUR=9,10,11,12,13,14,15,16", "1997-09-02T09:00:00"), 48)).toEqual(expected);
  });
});

describe("sub-daily rules", () => {
  test("SECONDLY with BYSECOND limits; HOURLY expands BYMINUTE/BYSECOND with BYSETPOS per hour", () => {
    expect(locals(series("FREQ=SECONDLY;BYSECOND=0,30;COUNT=4", "2026-01-05T10:00:00", "UTC"), 10)).toEqual(at("2026-01-05", "10:00:00 10:00:30 10:01:00 10:01:30"));
    expect(locals(series("FREQ=HOURLY;BYMINUTE=0,20,40;BYSETPOS=-1;COUNT=3", "2026-01-05T10:40:00", "UTC"), 10)).toEqual(at("2026-01-05", "10:40 11:40 12:40"));
  });

  test("HOURLY limited to weekday office hours (BYDAY + BYHOUR)", () => {
    const s = series("FREQ=HOURLY;BYDAY=MO,FR;BYHOUR=9,17", "2026-01-02T09:00:00", "Europe/Berlin"); // a Friday
    expect(locals(s, 6)).toEqual([...at("2026-01-02", "09:00 17:00"), ...at("2026-01-05", "09:00 17:00"), ...at("2026-01-09", "09:00 17:00")]);
  });

  test("DTSTART between the rule's times is an extra first occurrence; times before it on its day are not occurrences", () => {
    const s = series("FREQ=DAILY;BYHOUR=8,12;COUNT=3", "2026-01-05T10:00:00", "UTC");
    expect(locals(s, 5)).toEqual(["2026-01-05 10:00:00", "2026-01-05 12:00:00", "2026-01-06 08:00:00"]);
  });

  test("a minutely rule from 1990 over a 2026 window: numbers and lookups without walking from 1990", () => {
    const s = series("FREQ=MINUTELY;INTERVAL=7", "1990-01-01T00:00:00", "UTC");
    const got = expand({ ...s, from: new Date("2026-03-01T00:00:00Z"), to: new Date("2026-03-01T00:35:00Z") });
    const minutes = (Date.parse("2026-03-01T00:00:00Z") - s.start.getTime()) / 60_000;
    const first = Math.ceil(minutes / 7) * 7;
    expect(got.map((o) => o.start.getTime())).toEqual([0, 1, 2, 3, 4].map((k) => s.start.getTime() + (first + 7 * k) * 60_000));
    expect(got[0]!.index).toBe(first / 7 + 1);
    expect(occurrenceAt(s, got[3]!.index!)?.getTime()).toBe(got[3]!.start.getTime());
    expect(indexOf(s, got[3]!.start)).toBe(got[3]!.index);
    expect(indexOf(s, new Date(got[3]!.start.getTime() + 60_000))).toBeNull();
  });

  test("COUNT far away with day limits: the 100,000th weekday-hour", () => {
    const s = series("FREQ=HOURLY;BYDAY=MO,TU,WE,TH,FR;BYHOUR=9,10,11,12,13,14,15,16;COUNT=100000", "2000-01-03T09:00:00", "UTC");
    // 8 a weekday, 40 a week: occurrence 100,000 is the last hour of week 2,500.
    const last = occurrenceAt(s, 100_000);
    expect(last?.toISOString()).toBe(new Date(Date.parse("2000-01-03T16:00:00Z") + (2500 - 1) * 7 * 86_400_000 + 4 * 86_400_000).toISOString());
    expect(occurrenceAt(s, 100_001)).toBeNull();
    expect(expand({ ...s, from: last!, to: new Date(last!.getTime() + 30 * 86_400_000) }).map((o) => o.index)).toEqual([100_000]);
  });
});

describe("wall clock across DST (America/New_York)", () => {
  test("spring forward: a time the clock skips is no occurrence of an hourly rule (RFC 5545 §3.3.10); numbers are kept", () => {
    const s = series("FREQ=HOURLY", "2026-03-08T00:30:00");
    const got = expand({ ...s, from: s.start, to: wall(NY, "2026-03-08T05:00:00") });
    expect(got.map((o) => [local(NY, o.start), o.index])).toEqual([
      ["2026-03-08 00:30:00", 1],
      ["2026-03-08 01:30:00", 2],
      ["2026-03-08 03:30:00", 4],
      ["2026-03-08 04:30:00", 5],
    ]);
    expect(got[2]!.start.getTime() - got[1]!.start.getTime()).toBe(3_600_000); // no duplicate, no gap in real time
    expect(occurrenceAt(s, 3)).toBeNull();
  });

  test("fall back: each wall-clock time once, at its first (EDT) instant", () => {
    const s = series("FREQ=MINUTELY;INTERVAL=30", "2026-11-01T00:30:00");
    const got = expand({ ...s, from: s.start, to: new Date(s.start.getTime() + 4 * 3_600_000) });
    expect(got.map((o) => local(NY, o.start))).toEqual(at("2026-11-01", "00:30 01:00 01:30 02:00 02:30 03:00"));
    expect(got.map((o) => (o.start.getTime() - s.start.getTime()) / 60_000)).toEqual([0, 30, 60, 150, 180, 210]);
    for (const o of got) expect(indexOf(s, o.start)).toBe(o.index);
  });

  test("a daily rule with one time keeps a skipped time, moved forward (SPEC §4)", () => {
    const s = series("FREQ=DAILY;COUNT=3", "2026-03-07T02:30:00");
    expect(locals(s, 3)).toEqual(["2026-03-07 02:30:00", "2026-03-08 03:30:00", "2026-03-09 02:30:00"]);
  });

  test("every occurrence keeps the series' exact duration, whatever the frequency", () => {
    // 60 minutes at 01:30 on the fall-back night end at 01:30 EST, one hour later.
    for (const rrule of ["FREQ=DAILY", "FREQ=HOURLY;INTERVAL=24", "FREQ=WEEKLY;BYDAY=SA,SU", "FREQ=MINUTELY;INTERVAL=1440"]) {
      const s = series(rrule, "2026-10-31T01:30:00", NY, { durationMs: 3_600_000 });
      const [, fallBack] = expand({ ...s, from: s.start, to: new Date(s.start.getTime() + 2 * 86_400_000) });
      expect(local(NY, fallBack!.start), rrule).toBe("2026-11-01 01:30:00");
      // The window sees the occurrence through its exact end, 60 minutes after its start.
      const end = fallBack!.start.getTime() + 3_600_000;
      expect(expand({ ...s, from: new Date(end - 1), to: new Date(end) }).map((o) => o.start.getTime())).toEqual([fallBack!.start.getTime()]);
      expect(expand({ ...s, from: new Date(end), to: new Date(end + 1) })).toEqual([]);
    }
  });
});
