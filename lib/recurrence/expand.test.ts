// Table-driven expansion semantics (UTC and all-day unless the test is about zones).
import { describe, expect, test } from "vitest";
import { expand, indexOf, isOccurrence, occurrenceAt, parseRRule, type SeriesInput } from "./index.ts";

const DAY = 86_400_000;
const at = (iso: string) => new Date(iso);

function series(rrule: string, start: string, extra: Partial<SeriesInput> = {}): SeriesInput {
  return { rule: parseRRule(rrule), start: at(start), timeZone: "UTC", allDay: false, durationMs: 3_600_000, ...extra };
}

/** Occurrence dates (YYYY-MM-DD) of a series within [from, to). */
function days(s: SeriesInput, from: string, to: string): string[] {
  return expand({ ...s, from: at(from), to: at(to) }).map((o) => o.start.toISOString().slice(0, 10));
}

describe("rule semantics", () => {
  test.each([
    ["BYMONTHDAY=31 skips short months", "FREQ=MONTHLY;BYMONTHDAY=31", "2025-01-31T10:00:00Z",
      ["2025-01-31", "2025-03-31", "2025-05-31", "2025-07-31", "2025-08-31", "2025-10-31", "2025-12-31"]],
    ["monthly on the 31st by default skips short months", "FREQ=MONTHLY", "2025-01-31T10:00:00Z",
      ["2025-01-31", "2025-03-31", "2025-05-31", "2025-07-31", "2025-08-31", "2025-10-31", "2025-12-31"]],
    ["BYMONTHDAY=-1 is the last day of every month", "FREQ=MONTHLY;BYMONTHDAY=-1;COUNT=4", "2024-01-31T10:00:00Z",
      ["2024-01-31", "2024-02-29", "2024-03-31", "2024-04-30"]],
    ["-1FR: last Friday", "FREQ=MONTHLY;BYDAY=-1FR;COUNT=4", "2025-01-31T10:00:00Z", ["2025-01-31", "2025-02-28", "2025-03-28", "2025-04-25"]],
    ["2TU: second Tuesday", "FREQ=MONTHLY;BYDAY=2TU;COUNT=4", "2025-01-14T10:00:00Z", ["2025-01-14", "2025-02-11", "2025-03-11", "2025-04-08"]],
    ["5MO: only months with five Mondays", "FREQ=MONTHLY;BYDAY=5MO;COUNT=4", "2025-03-31T10:00:00Z", ["2025-03-31", "2025-06-30", "2025-09-29", "2025-12-29"]],
    ["last weekday of the month (BYSETPOS=-1)", "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1;COUNT=6", "2025-01-31T10:00:00Z",
      ["2025-01-31", "2025-02-28", "2025-03-31", "2025-04-30", "2025-05-30", "2025-06-30"]],
    ["first weekday of the month (BYSETPOS=1)", "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=1;COUNT=3", "2025-02-03T10:00:00Z",
      ["2025-02-03", "2025-03-03", "2025-04-01"]],
    ["plain and ordinal BYDAY are a union (RFC 5545)", "FREQ=MONTHLY;BYDAY=MO,-1FR;COUNT=6", "2025-01-06T10:00:00Z",
      ["2025-01-06", "2025-01-13", "2025-01-20", "2025-01-27", "2025-01-31", "2025-02-03"]],
    ["leap day yearly: only leap years", "FREQ=YEARLY;COUNT=3", "2024-02-29T10:00:00Z", ["2024-02-29", "2028-02-29", "2032-02-29"]],
    ["leap day with BYMONTHDAY=-1 in February", "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1;COUNT=3", "2024-02-29T10:00:00Z", ["2024-02-29", "2025-02-28", "2026-02-28"]],
    ["INTERVAL=3 daily", "FREQ=DAILY;INTERVAL=3;COUNT=4", "2025-01-30T10:00:00Z", ["2025-01-30", "2025-02-02", "2025-02-05", "2025-02-08"]],
    ["INTERVAL=2 weekly with two days", "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH;COUNT=5", "2025-01-06T10:00:00Z",
      ["2025-01-06", "2025-01-09", "2025-01-20", "2025-01-23", "2025-02-03"]],
    ["daily limited to weekdays", "FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR;COUNT=6", "2025-01-09T10:00:00Z",
      ["2025-01-09", "2025-01-10", "2025-01-13", "2025-01-14", "2025-01-15", "2025-01-16"]],
    ["UNTIL is inclusive", "FREQ=DAILY;UNTIL=20250103T100000Z", "2025-01-01T10:00:00Z", ["2025-01-01", "2025-01-02", "2025-01-03"]],
    ["UNTIL just before an occurrence excludes it", "FREQ=DAILY;UNTIL=20250103T095959Z", "2025-01-01T10:00:00Z", ["2025-01-01", "2025-01-02"]],
    ["COUNT counts from DTSTART", "FREQ=WEEKLY;COUNT=2", "2025-01-01T10:00:00Z", ["2025-01-01", "2025-01-08"]],
    ["DTSTART off the rule is occurrence 1 and counts toward COUNT", "FREQ=WEEKLY;BYDAY=MO;COUNT=3", "2025-01-01T10:00:00Z",
      ["2025-01-01", "2025-01-06", "2025-01-13"]],
    ["UNTIL before DTSTART still yields DTSTART", "FREQ=DAILY;UNTIL=20240101T000000Z", "2025-01-01T10:00:00Z", ["2025-01-01"]],
  ])("%s", (_title, rrule, start, expected) => {
    expect(days(series(rrule, start), "2024-01-01T00:00:00Z", "2034-01-01T00:00:00Z").slice(0, expected.length)).toEqual(expected);
    expect(days(series(rrule, start), "2024-01-01T00:00:00Z", "2034-01-01T00:00:00Z").length).toBeGreaterThanOrEqual(expected.length);
  });

  test("indexes follow the series and DTSTART off the rule", () => {
    const s = series("FREQ=WEEKLY;BYDAY=MO;COUNT=3", "2025-01-01T10:00:00Z");
    const got = expand({ ...s, from: at("2025-01-01T00:00:00Z"), to: at("2026-01-01T00:00:00Z") });
    expect(got.map((o) => o.index)).toEqual([1, 2, 3]);
    expect(occurrenceAt(s, 1)?.toISOString()).toBe("2025-01-01T10:00:00.000Z");
    expect(occurrenceAt(s, 3)?.toISOString()).toBe("2025-01-13T10:00:00.000Z");
    expect(occurrenceAt(s, 4)).toBeNull();
    expect(indexOf(s, at("2025-01-06T10:00:00Z"))).toBe(2);
    expect(indexOf(s, at("2025-01-20T10:00:00Z"))).toBeNull(); // past COUNT
  });
});

describe("EXDATE", () => {
  const s = series("FREQ=DAILY;COUNT=5", "2025-01-01T10:00:00Z", { exdates: [at("2025-01-02T10:00:00Z"), at("2025-01-04T10:00:00Z")] });

  test("excluded occurrences disappear but keep their numbers and still count toward COUNT", () => {
    const got = expand({ ...s, from: at("2025-01-01T00:00:00Z"), to: at("2025-02-01T00:00:00Z") });
    expect(got.map((o) => [o.start.toISOString().slice(0, 10), o.index])).toEqual([
      ["2025-01-01", 1],
      ["2025-01-03", 3],
      ["2025-01-05", 5],
    ]);
  });

  test("occurrenceAt / indexOf / isOccurrence treat excluded starts as absent", () => {
    expect(occurrenceAt(s, 2)).toBeNull();
    expect(indexOf(s, at("2025-01-04T10:00:00Z"))).toBeNull();
    expect(isOccurrence(s, at("2025-01-03T10:00:00Z"))).toBe(true);
    expect(isOccurrence(s, at("2025-01-03T10:00:01Z"))).toBe(false);
  });

  test("all-day EXDATEs match by date", () => {
    const allDay = series("FREQ=DAILY;COUNT=3", "2025-01-01T00:00:00Z", { allDay: true, exdates: [at("2025-01-02T00:00:00Z")] });
    expect(days(allDay, "2025-01-01T00:00:00Z", "2025-02-01T00:00:00Z")).toEqual(["2025-01-01", "2025-01-03"]);
  });
});

describe("windows", () => {
  const s = series("FREQ=DAILY", "2025-01-01T10:00:00Z", { durationMs: 2 * 3_600_000 }); // 10:00–12:00

  test("an occurrence that started before `from` but overlaps it is included", () => {
    const got = expand({ ...s, from: at("2025-01-05T11:00:00Z"), to: at("2025-01-06T00:00:00Z") });
    expect(got.map((o) => o.start.toISOString())).toEqual(["2025-01-05T10:00:00.000Z"]);
  });

  test("an occurrence that ends exactly at `from` is not; one that starts at `to` is not", () => {
    expect(expand({ ...s, from: at("2025-01-05T12:00:00Z"), to: at("2025-01-06T10:00:00Z") })).toEqual([]);
  });

  test("zero-length occurrences count when from <= start < to", () => {
    const point = { ...s, durationMs: 0 };
    expect(expand({ ...point, from: at("2025-01-05T10:00:00Z"), to: at("2025-01-05T10:00:01Z") })).toHaveLength(1);
    expect(expand({ ...point, from: at("2025-01-05T10:00:01Z"), to: at("2025-01-06T10:00:00Z") })).toHaveLength(0);
  });

  test("limit caps the result", () => {
    expect(expand({ ...s, from: at("2025-01-01T00:00:00Z"), to: at("2026-01-01T00:00:00Z"), limit: 10 })).toHaveLength(10);
    expect(expand({ ...s, from: at("2025-01-01T00:00:00Z"), to: at("2045-01-01T00:00:00Z") })).toHaveLength(5000);
  });

  test("empty and inverted windows return nothing; invalid input throws", () => {
    expect(expand({ ...s, from: at("2025-02-01T00:00:00Z"), to: at("2025-02-01T00:00:00Z") })).toEqual([]);
    expect(expand({ ...s, from: at("2025-02-02T00:00:00Z"), to: at("2025-02-01T00:00:00Z") })).toEqual([]);
    expect(() => expand({ ...s, from: new Date(NaN), to: at("2025-02-01T00:00:00Z") })).toThrow(RangeError);
    expect(() => expand({ ...s, timeZone: "Nowhere/Void", from: at("2025-01-01T00:00:00Z"), to: at("2025-02-01T00:00:00Z") })).toThrow(RangeError);
  });

  test("all-day series operate on dates and ignore the zone", () => {
    const allDay = series("FREQ=MONTHLY;BYDAY=-1FR", "2025-01-31T00:00:00Z", { allDay: true, durationMs: DAY, timeZone: "Pacific/Kiritimati" });
    const got = expand({ ...allDay, from: at("2025-02-01T00:00:00Z"), to: at("2025-04-01T00:00:00Z") });
    expect(got.map((o) => [o.start.toISOString(), o.index])).toEqual([
      ["2025-02-28T00:00:00.000Z", 2],
      ["2025-03-28T00:00:00.000Z", 3],
    ]);
  });
});

describe("jumping to far windows", () => {
  test("a daily series from 1990 over a 2026 month: right indexes, no iteration", () => {
    const s = series("FREQ=DAILY", "1990-01-01T09:00:00Z", { timeZone: "Europe/Berlin" });
    const got = expand({ ...s, from: at("2026-03-01T00:00:00Z"), to: at("2026-04-01T00:00:00Z") });
    expect(got).toHaveLength(31);
    const expectedIndex = (Date.UTC(2026, 2, 1) - Date.UTC(1990, 0, 1)) / DAY + 1;
    expect(got[0]?.index).toBe(expectedIndex);
    expect(got[0]?.start.toISOString()).toBe("2026-03-01T09:00:00.000Z"); // 10:00 CET like the first one
    expect(got[30]?.start.toISOString()).toBe("2026-03-31T08:00:00.000Z"); // 10:00 CEST
    expect(indexOf(s, got[30]!.start)).toBe(expectedIndex + 30);
    expect(occurrenceAt(s, expectedIndex + 30)?.getTime()).toBe(got[30]?.start.getTime());
  });

  test("COUNT ends an old series exactly", () => {
    const s = series("FREQ=WEEKLY;BYDAY=TU,TH;COUNT=3000", "1990-01-02T09:00:00Z");
    const last = occurrenceAt(s, 3000)!;
    const got = expand({ ...s, from: new Date(last.getTime() - 10 * DAY), to: new Date(last.getTime() + 30 * DAY) });
    expect(got.map((o) => o.index)).toEqual([2997, 2998, 2999, 3000]);
  });

  test("leap-day rule 600 years on uses the 400-year calendar cycle", () => {
    const s = series("FREQ=DAILY;BYMONTH=2;BYMONTHDAY=29", "2000-02-29T12:00:00Z", { allDay: false });
    const got = expand({ ...s, from: at("2600-01-01T00:00:00Z"), to: at("2610-01-01T00:00:00Z") });
    let leapDays = 0;
    for (let y = 2000; y < 2600; y++) if ((y % 4 === 0 && y % 100 !== 0) || y % 400 === 0) leapDays++;
    expect(got.map((o) => [o.start.toISOString().slice(0, 10), o.index])).toEqual([
      ["2604-02-29", leapDays + 1],
      ["2608-02-29", leapDays + 2],
    ]);
  });

  test("a rule with no occurrence besides DTSTART ends instead of spinning", () => {
    const s = series("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30", "2025-01-01T00:00:00Z");
    expect(occurrenceAt(s, 2)).toBeNull();
    expect(days(s, "2025-01-01T00:00:00Z", "2026-01-01T00:00:00Z")).toEqual(["2025-01-01"]);
  });
});
