import { describe, expect, it } from "vitest";
import { expand } from "./expand.ts";
import { parseRRule } from "./parse.ts";
import { rekey, shiftDates, shiftSeries, splitSeries } from "./scope.ts";
import type { SeriesInput } from "./types.ts";

const at = (iso: string) => new Date(iso);
const HOUR = 3_600_000;

describe("splitSeries (scope=following)", () => {
  const daily = { rrule: "FREQ=DAILY;COUNT=10", startsAt: at("2026-03-01T09:00:00Z"), endsAt: at("2026-03-01T10:00:00Z"), exdates: [at("2026-03-02T09:00:00Z"), at("2026-03-07T09:00:00Z")], rdates: [at("2026-03-03T15:00:00Z"), at("2026-03-20T15:00:00Z")] };

  it("shares a COUNT out: index − 1 before the cut, the rest from it; dates go to their side", () => {
    const cut = at("2026-03-05T09:00:00Z");
    const { head, tail } = splitSeries(daily, cut, 5);
    expect(head).toEqual({ rrule: "FREQ=DAILY;COUNT=4", exdates: [at("2026-03-02T09:00:00Z")], rdates: [at("2026-03-03T15:00:00Z")], recurrenceEndsAt: cut });
    expect(tail).toEqual({ rrule: "FREQ=DAILY;COUNT=6", startsAt: cut, endsAt: at("2026-03-05T10:00:00Z"), exdates: [at("2026-03-07T09:00:00Z")], rdates: [at("2026-03-20T15:00:00Z")] });
  });

  it("ends an open or UNTIL rule one second before the cut; the tail keeps the rule", () => {
    const cut = at("2026-03-15T08:00:00Z");
    const { head, tail } = splitSeries({ ...daily, rrule: "FREQ=WEEKLY;BYDAY=SU" }, cut, 3);
    expect(parseRRule(head.rrule).until).toEqual(at("2026-03-15T07:59:59Z"));
    expect(parseRRule(head.rrule).count).toBeUndefined();
    expect(tail.rrule).toBe("FREQ=WEEKLY;BYDAY=SU");
    expect(tail.endsAt.getTime() - tail.startsAt.getTime()).toBe(HOUR);
  });

  it("together, head and tail have exactly the series' occurrences", () => {
    const series: SeriesInput = { rule: parseRRule(daily.rrule), start: daily.startsAt, timeZone: "Europe/Berlin", allDay: false, exdates: daily.exdates, rdates: daily.rdates, durationMs: HOUR };
    const window = { from: at("2026-02-01T00:00:00Z"), to: at("2026-05-01T00:00:00Z") };
    const all = expand({ ...series, ...window }).map((o) => o.start.toISOString());
    const cut = at("2026-03-05T09:00:00Z");
    const { head, tail } = splitSeries(daily, cut, 5);
    const before = expand({ ...series, rule: parseRRule(head.rrule), exdates: head.exdates, rdates: head.rdates, ...window }).map((o) => o.start.toISOString());
    const after = expand({ ...series, rule: parseRRule(tail.rrule), start: tail.startsAt, exdates: tail.exdates, rdates: tail.rdates, ...window }).map((o) => o.start.toISOString());
    expect([...before, ...after]).toEqual(all);
    expect(before.every((s) => s < cut.toISOString()) && after.every((s) => s >= cut.toISOString())).toBe(true);
  });
});

describe("shiftSeries (scope=all through one occurrence)", () => {
  const series = { startsAt: at("2026-03-01T09:00:00Z"), endsAt: at("2026-03-01T10:00:00Z") };
  const occurrence = at("2026-03-08T09:00:00Z");

  it("moves the series by what the occurrence moved, with the length given", () => {
    expect(shiftSeries(series, occurrence, { startsAt: at("2026-03-08T11:00:00Z"), endsAt: at("2026-03-08T11:30:00Z") })).toEqual({ startsAt: at("2026-03-01T11:00:00Z"), endsAt: at("2026-03-01T11:30:00Z") });
  });

  it("a new start alone keeps the series' length; a new end alone keeps the start", () => {
    expect(shiftSeries(series, occurrence, { startsAt: at("2026-03-08T08:00:00Z") })).toEqual({ startsAt: at("2026-03-01T08:00:00Z"), endsAt: at("2026-03-01T09:00:00Z") });
    expect(shiftSeries(series, occurrence, { endsAt: at("2026-03-08T12:00:00Z") })).toEqual({ startsAt: series.startsAt, endsAt: at("2026-03-01T12:00:00Z") });
  });

  it("changes nothing without times; RDATEs shift as instants", () => {
    expect(shiftSeries(series, occurrence, {})).toEqual({});
    expect(shiftDates([at("2026-03-03T15:00:00Z")], -2 * HOUR)).toEqual([at("2026-03-03T13:00:00Z")]);
  });
});

describe("rekey (overrides and EXDATEs keep their occurrence numbers)", () => {
  const before: SeriesInput = { rule: parseRRule("FREQ=WEEKLY;BYDAY=MO;COUNT=5"), start: at("2026-03-02T09:00:00Z"), timeZone: "Europe/Berlin", allDay: false, durationMs: HOUR };

  it("maps the nth occurrence to the nth of the moved series, across a DST change in the series' zone", () => {
    const after = { ...before, rule: parseRRule("FREQ=WEEKLY;BYDAY=TU;COUNT=5"), start: at("2026-03-03T10:00:00Z") };
    // 4th Monday 2026-03-23 10:00 Berlin (CET) → 4th Tuesday 2026-03-24 11:00 Berlin (CET, 10:00Z);
    // 5th Monday 2026-03-30 10:00 Berlin (CEST, 08:00Z) → 5th Tuesday 2026-03-31 11:00 (CEST, 09:00Z).
    expect(rekey(before, after, at("2026-03-23T09:00:00Z"))).toEqual(at("2026-03-24T10:00:00Z"));
    expect(rekey(before, after, at("2026-03-30T08:00:00Z"))).toEqual(at("2026-03-31T09:00:00Z"));
  });

  it("null for a start that is no occurrence, or a number the new series no longer has", () => {
    expect(rekey(before, before, at("2026-03-03T09:00:00Z"))).toBeNull();
    const shorter = { ...before, rule: parseRRule("FREQ=WEEKLY;BYDAY=MO;COUNT=2") };
    expect(rekey(before, shorter, at("2026-03-16T09:00:00Z"))).toBeNull();
    expect(rekey(before, shorter, at("2026-03-09T09:00:00Z"))).toEqual(at("2026-03-09T09:00:00Z"));
  });
});
