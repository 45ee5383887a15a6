import { describe, expect, test } from "vitest";
import { RecurrenceRuleError, formatRRule, parseRRule, validateRule, type RecurrenceRule } from "./index.ts";

describe("parseRRule", () => {
  test.each([
    ["FREQ=WEEKLY;BYDAY=MO,WE", { freq: "WEEKLY", interval: 1, byDay: [{ weekday: "MO" }, { weekday: "WE" }] }],
    ["RRULE:FREQ=DAILY;INTERVAL=2;COUNT=10", { freq: "DAILY", interval: 2, count: 10 }],
    ["rrule:freq=monthly;byday=2tu", { freq: "MONTHLY", interval: 1, byDay: [{ weekday: "TU", n: 2 }] }],
    ["FREQ=MONTHLY;BYDAY=-1FR,+1MO", { freq: "MONTHLY", interval: 1, byDay: [{ weekday: "MO", n: 1 }, { weekday: "FR", n: -1 }] }],
    ["FREQ=MONTHLY;BYMONTHDAY=31,-1,1,1", { freq: "MONTHLY", interval: 1, byMonthDay: [-1, 1, 31] }],
    ["FREQ=YEARLY;BYMONTH=11,2;BYSETPOS=-1;BYDAY=SU", { freq: "YEARLY", interval: 1, byMonth: [2, 11], byDay: [{ weekday: "SU" }], bySetPos: [-1] }],
    ["FREQ=WEEKLY;INTERVAL=2;WKST=SU", { freq: "WEEKLY", interval: 2, wkst: "SU" }],
    ["FREQ=WEEKLY;WKST=MO;", { freq: "WEEKLY", interval: 1 }],
    ["FREQ=DAILY;UNTIL=20250821T090000Z", { freq: "DAILY", interval: 1, until: new Date("2025-08-21T09:00:00Z") }],
    ["FREQ=DAILY;UNTIL=20250821", { freq: "DAILY", interval: 1, until: new Date("2025-08-21T00:00:00Z") }],
    ["  FREQ=YEARLY  ", { freq: "YEARLY", interval: 1 }],
    ["FREQ=HOURLY;INTERVAL=3;BYMINUTE=45,0,15", { freq: "HOURLY", interval: 3, byMinute: [0, 15, 45] }],
    ["FREQ=MINUTELY;BYHOUR=17,9;BYSECOND=0", { freq: "MINUTELY", interval: 1, byHour: [9, 17], bySecond: [0] }],
    ["FREQ=SECONDLY;BYSECOND=59", { freq: "SECONDLY", interval: 1, bySecond: [59] }],
    ["FREQ=DAILY;BYHOUR=0,23;BYMINUTE=0,59", { freq: "DAILY", interval: 1, byHour: [0, 23], byMinute: [0, 59] }],
    ["FREQ=YEARLY;BYWEEKNO=20,-1;BYDAY=MO", { freq: "YEARLY", interval: 1, byWeekNo: [-1, 20], byDay: [{ weekday: "MO" }] }],
    ["FREQ=YEARLY;BYYEARDAY=1,100,-1", { freq: "YEARLY", interval: 1, byYearDay: [-1, 1, 100] }],
  ])("%s", (text, expected) => {
    expect(parseRRule(text)).toEqual(expected);
  });

  test.each([
    ["", "FREQ"],
    ["INTERVAL=2", "FREQ"],
    ["FREQ=FORTNIGHTLY", "FREQ"],
    ["FREQ=HOURLY;RSCALE=GREGORIAN", "RSCALE"],
    ["FREQ=DAILY;BYHOUR=24", "BYHOUR"],
    ["FREQ=DAILY;BYHOUR=-1", "BYHOUR"],
    ["FREQ=DAILY;BYHOUR=9,", "BYHOUR"],
    ["FREQ=HOURLY;BYMINUTE=60", "BYMINUTE"],
    ["FREQ=HOURLY;BYMINUTE=x", "BYMINUTE"],
    ["FREQ=MINUTELY;BYSECOND=60", "BYSECOND"],
    ["FREQ=YEARLY;BYWEEKNO=0", "BYWEEKNO"],
    ["FREQ=YEARLY;BYWEEKNO=54", "BYWEEKNO"],
    ["FREQ=YEARLY;BYWEEKNO=20;BYDAY=1MO", "BYDAY"],
    ["FREQ=YEARLY;BYYEARDAY=0", "BYYEARDAY"],
    ["FREQ=YEARLY;BYYEARDAY=-367", "BYYEARDAY"],
    ["FREQ=HOURLY;BYDAY=1MO", "BYDAY"],
    ["FREQ=YEARLY;BYMONTH=1;BYHOUR=0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23;BYMINUTE=0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29", "BYMINUTE"],
    ["FREQ=DAILY;X-FOO=1", "X-FOO"],
    ["FREQ=DAILY;COUNT", "COUNT"],
    ["FREQ=DAILY;;COUNT=2", "RRULE"],
    ["FREQ=DAILY;FREQ=WEEKLY", "FREQ"],
    ["FREQ=DAILY;INTERVAL=0", "INTERVAL"],
    ["FREQ=DAILY;INTERVAL=-1", "INTERVAL"],
    ["FREQ=DAILY;INTERVAL=1.5", "INTERVAL"],
    ["FREQ=DAILY;COUNT=0", "COUNT"],
    ["FREQ=DAILY;COUNT=3;UNTIL=20250101T000000Z", "COUNT"],
    ["FREQ=DAILY;UNTIL=20250101T000000", "UNTIL"],
    ["FREQ=DAILY;UNTIL=20250230", "UNTIL"],
    ["FREQ=DAILY;UNTIL=tomorrow", "UNTIL"],
    ["FREQ=WEEKLY;BYDAY=XX", "BYDAY"],
    ["FREQ=WEEKLY;BYDAY=MO,", "BYDAY"],
    ["FREQ=WEEKLY;BYDAY=2MO", "BYDAY"],
    ["FREQ=DAILY;BYDAY=-1FR", "BYDAY"],
    ["FREQ=MONTHLY;BYDAY=0MO", "BYDAY"],
    ["FREQ=MONTHLY;BYDAY=6MO", "BYDAY"],
    ["FREQ=YEARLY;BYDAY=54MO", "BYDAY"],
    ["FREQ=MONTHLY;BYMONTHDAY=32", "BYMONTHDAY"],
    ["FREQ=MONTHLY;BYMONTHDAY=0", "BYMONTHDAY"],
    ["FREQ=WEEKLY;BYMONTHDAY=1", "BYMONTHDAY"],
    ["FREQ=YEARLY;BYMONTH=13", "BYMONTH"],
    ["FREQ=YEARLY;BYMONTH=-1", "BYMONTH"],
    ["FREQ=MONTHLY;BYSETPOS=1", "BYSETPOS"],
    ["FREQ=MONTHLY;BYDAY=MO;BYSETPOS=0", "BYSETPOS"],
    ["FREQ=MONTHLY;BYDAY=MO;BYSETPOS=367", "BYSETPOS"],
    ["FREQ=WEEKLY;WKST=XX", "WKST"],
  ])("rejects %j naming %s", (text, part) => {
    let error: unknown;
    try {
      parseRRule(text);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(RecurrenceRuleError);
    expect((error as RecurrenceRuleError).part).toBe(part);
  });
});

describe("formatRRule", () => {
  test.each([
    ["FREQ=WEEKLY;BYDAY=WE,MO", "FREQ=WEEKLY;BYDAY=MO,WE"],
    ["RRULE:FREQ=DAILY;INTERVAL=1;COUNT=5", "FREQ=DAILY;COUNT=5"],
    ["FREQ=MONTHLY;BYSETPOS=-1;BYDAY=MO,TU,WE,TH,FR", "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1"],
    ["FREQ=YEARLY;UNTIL=20250821T090000Z;BYMONTH=8", "FREQ=YEARLY;BYMONTH=8;UNTIL=20250821T090000Z"],
    ["FREQ=WEEKLY;WKST=SU;INTERVAL=2;BYDAY=TU,SU", "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,SU;WKST=SU"],
    ["FREQ=MONTHLY;BYDAY=-1FR,2TU", "FREQ=MONTHLY;BYDAY=2TU,-1FR"],
    ["FREQ=YEARLY;BYSECOND=0;BYMINUTE=30;BYHOUR=9;BYDAY=MO;BYYEARDAY=-1;BYWEEKNO=1;BYMONTH=1", "FREQ=YEARLY;BYMONTH=1;BYWEEKNO=1;BYYEARDAY=-1;BYDAY=MO;BYHOUR=9;BYMINUTE=30;BYSECOND=0"],
    ["FREQ=MINUTELY;INTERVAL=15;BYHOUR=9,10", "FREQ=MINUTELY;INTERVAL=15;BYHOUR=9,10"],
  ])("%s -> %s", (text, canonical) => {
    expect(formatRRule(parseRRule(text))).toBe(canonical);
    expect(parseRRule(formatRRule(parseRRule(text)))).toEqual(parseRRule(text));
  });

  test("all-day series format UNTIL as a DATE", () => {
    const rule = parseRRule("FREQ=DAILY;UNTIL=20250821");
    expect(formatRRule(rule, { allDay: true })).toBe("FREQ=DAILY;UNTIL=20250821");
    expect(formatRRule(rule)).toBe("FREQ=DAILY;UNTIL=20250821T000000Z");
  });

  test("rejects invalid rule objects", () => {
    const bad = { freq: "DAILY", interval: 0 } as RecurrenceRule;
    expect(() => formatRRule(bad)).toThrow(RecurrenceRuleError);
    expect(() => validateRule({ freq: "FORTNIGHTLY" } as unknown as RecurrenceRule)).toThrow(/FREQ/);
    expect(() => validateRule({ freq: "DAILY", interval: 1, byHour: [25] })).toThrow(/BYHOUR/);
    expect(() => validateRule({ freq: "HOURLY", interval: 1 }, { allDay: true })).toThrow(/timed event/);
    expect(() => validateRule({ freq: "DAILY", interval: 1, byMinute: [5] }, { allDay: true })).toThrow(/BYMINUTE/);
    expect(() => validateRule({ freq: "DAILY", interval: 1, until: new Date(NaN) })).toThrow(RecurrenceRuleError);
  });
});
