// The RRULE examples of RFC 5545 §3.8.5.3 that use supported parts. They are all anchored at
// 09:00 America/New_York, so they also check that the wall clock survives DST changes.
import { describe, expect, test } from "vitest";
import { expand, parseRRule } from "./index.ts";

const ZONE = "America/New_York";
const wallClock = new Intl.DateTimeFormat("sv", {
  timeZone: ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
});

/** DTSTART;TZID=America/New_York:<date>T090000 as a UTC instant (EDT or EST). */
function nineAm(date: string): Date {
  for (const offset of ["-04:00", "-05:00"]) {
    const d = new Date(`${date}T09:00:00${offset}`);
    if (wallClock.format(d) === `${date} 09:00`) return d;
  }
  throw new Error(`no 09:00 on ${date}`);
}

function occurrences(rrule: string, dtstart: string, take: number, exdates: string[] = []): string[] {
  const start = nineAm(dtstart);
  return expand({
    rule: parseRRule(rrule),
    start,
    timeZone: ZONE,
    allDay: false,
    exdates: exdates.map(nineAm),
    durationMs: 3_600_000,
    from: start,
    to: new Date(start.getTime() + 30 * 366 * 86_400_000),
    limit: take,
  }).map((o) => wallClock.format(o.start).slice(0, 10));
}

const dates = (year: number, monthDays: string): string[] =>
  monthDays.split(" ").map((md) => {
    const [m, d] = md.split("/");
    return `${year}-${m!.padStart(2, "0")}-${d!.padStart(2, "0")}`;
  });

describe("RFC 5545 §3.8.5.3 examples (09:00 America/New_York)", () => {
  const cases: [string, string, string, number, string[], string[]?][] = [
    ["Daily for 10 occurrences", "FREQ=DAILY;COUNT=10", "1997-09-02", 99, dates(1997, "9/2 9/3 9/4 9/5 9/6 9/7 9/8 9/9 9/10 9/11")],
    ["Daily until December 24, 1997 (last 5)", "FREQ=DAILY;UNTIL=19971224T000000Z", "1997-09-02", 200,
      dates(1997, "12/19 12/20 12/21 12/22 12/23")],
    ["Every 10 days, 5 occurrences", "FREQ=DAILY;INTERVAL=10;COUNT=5", "1997-09-02", 99, dates(1997, "9/2 9/12 9/22 10/2 10/12")],
    ["Weekly for 10 occurrences", "FREQ=WEEKLY;COUNT=10", "1997-09-02", 99,
      [...dates(1997, "9/2 9/9 9/16 9/23 9/30 10/7 10/14 10/21 10/28 11/4")]],
    ["Every other week on Tuesday and Thursday, 8 occurrences", "FREQ=WEEKLY;INTERVAL=2;COUNT=8;WKST=SU;BYDAY=TU,TH", "1997-09-02", 99,
      dates(1997, "9/2 9/4 9/16 9/18 9/30 10/2 10/14 10/16")],
    ["Every other week on Mon, Wed, Fri until Dec 24 1997 (first 9)", "FREQ=WEEKLY;INTERVAL=2;UNTIL=19971224T000000Z;WKST=SU;BYDAY=MO,WE,FR", "1997-09-01", 9,
      dates(1997, "9/1 9/3 9/5 9/15 9/17 9/19 9/29 10/1 10/3")],
    ["Monthly on the first Friday for 10 occurrences (first 4)", "FREQ=MONTHLY;COUNT=10;BYDAY=1FR", "1997-09-05", 4, dates(1997, "9/5 10/3 11/7 12/5")],
    ["Every other month on the first and last Sunday, 10 occurrences (first 6)", "FREQ=MONTHLY;INTERVAL=2;COUNT=10;BYDAY=1SU,-1SU", "1997-09-07", 6,
      [...dates(1997, "9/7 9/28 11/2 11/30"), ...dates(1998, "1/4 1/25")]],
    ["Second-to-last Monday for 6 months", "FREQ=MONTHLY;COUNT=6;BYDAY=-2MO", "1997-09-22", 99,
      [...dates(1997, "9/22 10/20 11/17 12/22"), ...dates(1998, "1/19 2/16")]],
    ["Third-to-the-last day of the month", "FREQ=MONTHLY;BYMONTHDAY=-3", "1997-09-28", 6,
      [...dates(1997, "9/28 10/29 11/28 12/29"), ...dates(1998, "1/29 2/26")]],
    ["First and last day of the month, 10 occurrences", "FREQ=MONTHLY;COUNT=10;BYMONTHDAY=1,-1", "1997-09-30", 99,
      [...dates(1997, "9/30 10/1 10/31 11/1 11/30 12/1 12/31"), ...dates(1998, "1/1 1/31 2/1")]],
    ["Every 18 months on the 10th through 15th, 10 occurrences", "FREQ=MONTHLY;INTERVAL=18;COUNT=10;BYMONTHDAY=10,11,12,13,14,15", "1997-09-10", 99,
      [...dates(1997, "9/10 9/11 9/12 9/13 9/14 9/15"), ...dates(1999, "3/10 3/11 3/12 3/13")]],
    ["Every Tuesday, every other month (first 6)", "FREQ=MONTHLY;INTERVAL=2;BYDAY=TU", "1997-09-02", 6, dates(1997, "9/2 9/9 9/16 9/23 9/30 11/4")],
    ["Yearly in June and July for 10 occurrences (first 4)", "FREQ=YEARLY;COUNT=10;BYMONTH=6,7", "1997-06-10", 4,
      [...dates(1997, "6/10 7/10"), ...dates(1998, "6/10 7/10")]],
    ["Every other year on January, February, and March, 10 occurrences", "FREQ=YEARLY;INTERVAL=2;COUNT=10;BYMONTH=1,2,3", "1997-03-10", 99,
      [...dates(1997, "3/10"), ...dates(1999, "1/10 2/10 3/10"), ...dates(2001, "1/10 2/10 3/10"), ...dates(2003, "1/10 2/10 3/10")]],
    ["Every 20th Monday of the year", "FREQ=YEARLY;BYDAY=20MO", "1997-05-19", 3, ["1997-05-19", "1998-05-18", "1999-05-17"]],
    ["Every Thursday in March", "FREQ=YEARLY;BYMONTH=3;BYDAY=TH", "1997-03-13", 7,
      [...dates(1997, "3/13 3/20 3/27"), ...dates(1998, "3/5 3/12 3/19 3/26")]],
    ["Every Thursday, only during June, July, and August (first 5)", "FREQ=YEARLY;BYDAY=TH;BYMONTH=6,7,8", "1997-06-05", 5,
      dates(1997, "6/5 6/12 6/19 6/26 7/3")],
    ["Every Friday the 13th (DTSTART excluded by EXDATE)", "FREQ=MONTHLY;BYDAY=FR;BYMONTHDAY=13", "1997-09-02", 5,
      [...dates(1998, "2/13 3/13 11/13"), ...dates(1999, "8/13"), ...dates(2000, "10/13")], ["1997-09-02"]],
    ["First Saturday that follows the first Sunday of the month", "FREQ=MONTHLY;BYDAY=SA;BYMONTHDAY=7,8,9,10,11,12,13", "1997-09-13", 6,
      [...dates(1997, "9/13 10/11 11/8 12/13"), ...dates(1998, "1/10 2/7")]],
    ["US Presidential Election day", "FREQ=YEARLY;INTERVAL=4;BYMONTH=11;BYDAY=TU;BYMONTHDAY=2,3,4,5,6,7,8", "1996-11-05", 3,
      ["1996-11-05", "2000-11-07", "2004-11-02"]],
    ["Third Tuesday, Wednesday or Thursday of the month, 3 months", "FREQ=MONTHLY;COUNT=3;BYDAY=TU,WE,TH;BYSETPOS=3", "1997-09-04", 99,
      dates(1997, "9/4 10/7 11/6")],
    ["Second-to-last weekday of the month", "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-2", "1997-09-29", 7,
      [...dates(1997, "9/29 10/30 11/27 12/30"), ...dates(1998, "1/29 2/26 3/30")]],
    ["Invalid dates (February 30) are ignored", "FREQ=MONTHLY;BYMONTHDAY=15,30;COUNT=5", "2007-01-15", 99,
      dates(2007, "1/15 1/30 2/15 3/15 3/30")],
    ["WKST=MO: every other week Tue and Sun", "FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=MO", "1997-08-05", 99, dates(1997, "8/5 8/10 8/19 8/24")],
    ["WKST=SU: same rule, different weeks", "FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=SU", "1997-08-05", 99, dates(1997, "8/5 8/17 8/19 8/31")],
  ];

  test.each(cases)("%s — %s", (_title, rrule, dtstart, take, expected, exdates) => {
    const got = occurrences(rrule, dtstart, take, exdates);
    expect(rrule.includes("UNTIL") ? got.slice(-expected.length) : got).toEqual(expected);
  });

  test("every occurrence is at 09:00 New York time across DST changes", () => {
    const start = nineAm("1997-09-02");
    const all = expand({
      rule: parseRRule("FREQ=DAILY;COUNT=400"), start, timeZone: ZONE, allDay: false, durationMs: 0,
      from: start, to: new Date("1999-01-01T00:00:00Z"),
    });
    expect(all).toHaveLength(400);
    expect(new Set(all.map((o) => wallClock.format(o.start).slice(11)))).toEqual(new Set(["09:00"]));
  });
});
