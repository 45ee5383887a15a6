// Wall-clock behaviour across DST in three hemispheres/rule sets, and the zone math itself
// cross-checked against Temporal's "compatible" disambiguation.
import fc from "fast-check";
import { Temporal } from "temporal-polyfill";
import { describe, expect, test } from "vitest";
import { expand, occurrenceAt, parseRRule } from "./index.ts";
import { getZone } from "./zone.ts";

const local = (d: Date, zone: string): string =>
  new Intl.DateTimeFormat("sv", { timeZone: zone, dateStyle: "short", timeStyle: "short" }).format(d);

/** The first `take` occurrences' UTC starts. */
function first(zone: string, start: string, take: number, rrule = "FREQ=WEEKLY") {
  const s = new Date(start);
  return expand({
    rule: parseRRule(rrule), start: s, timeZone: zone, allDay: false, durationMs: 3_600_000,
    from: s, to: new Date(s.getTime() + (take + 1) * 7 * 86_400_000), limit: take,
  }).map((o) => o.start.toISOString());
}

describe("weekly 09:00 stays 09:00 local across DST", () => {
  test.each([
    // zone, first start (09:00 local), expected UTC starts around the transition
    ["America/New_York", "2025-02-24T14:00:00Z", ["2025-02-24T14:00:00.000Z", "2025-03-03T14:00:00.000Z", "2025-03-10T13:00:00.000Z", "2025-03-17T13:00:00.000Z"]],
    ["America/New_York", "2025-10-20T13:00:00Z", ["2025-10-20T13:00:00.000Z", "2025-10-27T13:00:00.000Z", "2025-11-03T14:00:00.000Z", "2025-11-10T14:00:00.000Z"]],
    ["Europe/Berlin", "2025-03-17T08:00:00Z", ["2025-03-17T08:00:00.000Z", "2025-03-24T08:00:00.000Z", "2025-03-31T07:00:00.000Z", "2025-04-07T07:00:00.000Z"]],
    ["Europe/Berlin", "2025-10-20T07:00:00Z", ["2025-10-20T07:00:00.000Z", "2025-10-27T08:00:00.000Z", "2025-11-03T08:00:00.000Z", "2025-11-10T08:00:00.000Z"]],
    // Southern hemisphere: AEDT (+11) ends in April, starts in October.
    ["Australia/Sydney", "2025-03-24T22:00:00Z", ["2025-03-24T22:00:00.000Z", "2025-03-31T22:00:00.000Z", "2025-04-07T23:00:00.000Z", "2025-04-14T23:00:00.000Z"]],
    ["Australia/Sydney", "2025-09-21T23:00:00Z", ["2025-09-21T23:00:00.000Z", "2025-09-28T23:00:00.000Z", "2025-10-05T22:00:00.000Z", "2025-10-12T22:00:00.000Z"]],
  ])("%s from %s", (zone, start, expected) => {
    const got = first(zone, start, 4);
    expect(got).toEqual(expected);
    expect(new Set(got.map((t) => local(new Date(t), zone).slice(11)))).toEqual(new Set(["09:00"]));
  });

  test("a year of weekly Monday 09:00 meetings in each zone", () => {
    for (const [zone, start] of [["America/New_York", "2025-01-06T14:00:00Z"], ["Europe/Berlin", "2025-01-06T08:00:00Z"], ["Australia/Sydney", "2025-01-05T22:00:00Z"]] as const) {
      const got = first(zone, start, 52);
      expect(got).toHaveLength(52);
      for (const t of got) expect(local(new Date(t), zone)).toMatch(/ 09:00$/);
    }
  });
});

describe("nonexistent and ambiguous wall-clock times", () => {
  // Daily at 02:30 local: on spring-forward day 02:30 does not exist -> 03:30 (offset before the
  // gap); on fall-back day 02:30 (or 01:30) happens twice -> the earlier one.
  test.each([
    ["America/New_York", "2025-03-08T07:30:00Z", "2025-03-09T07:30:00.000Z", "2025-03-09 03:30", "2025-03-10T06:30:00.000Z"],
    ["Europe/Berlin", "2025-03-29T01:30:00Z", "2025-03-30T01:30:00.000Z", "2025-03-30 03:30", "2025-03-31T00:30:00.000Z"],
    ["Australia/Sydney", "2025-10-03T16:30:00Z", "2025-10-04T16:30:00.000Z", "2025-10-05 03:30", "2025-10-05T15:30:00.000Z"],
  ])("spring forward in %s: 02:30 -> 03:30", (zone, start, gapDay, gapLocal, after) => {
    const [before, shifted, next] = first(zone, start, 3, "FREQ=DAILY");
    expect(local(new Date(before!), zone)).toMatch(/ 02:30$/);
    expect(shifted).toBe(gapDay);
    expect(local(new Date(shifted!), zone)).toBe(gapLocal);
    expect(next).toBe(after);
  });

  test.each([
    ["America/New_York", "2025-11-01T05:30:00Z", "2025-11-02T05:30:00.000Z"], // 01:30 EDT, not EST
    ["Europe/Berlin", "2025-10-25T00:30:00Z", "2025-10-26T00:30:00.000Z"], // 02:30 CEST, not CET
    ["Australia/Sydney", "2025-04-04T15:30:00Z", "2025-04-05T15:30:00.000Z"], // 02:30 AEDT, not AEST
  ])("fall back in %s: the earlier of the two", (zone, start, ambiguous) => {
    expect(first(zone, start, 2, "FREQ=DAILY")[1]).toBe(ambiguous);
  });

  test("DTSTART at the later of two ambiguous instants keeps its own instant", () => {
    const start = new Date("2025-11-02T06:30:00Z"); // 01:30 EST (the second 01:30)
    const series = { rule: parseRRule("FREQ=DAILY"), start, timeZone: "America/New_York", allDay: false, durationMs: 0 };
    expect(occurrenceAt(series, 1)?.toISOString()).toBe("2025-11-02T06:30:00.000Z");
    expect(occurrenceAt(series, 2)?.toISOString()).toBe("2025-11-03T06:30:00.000Z");
  });
});

describe("zone math", () => {
  const ZONES = ["America/New_York", "Europe/Berlin", "Australia/Sydney", "Australia/Lord_Howe", "Asia/Kathmandu", "America/St_Johns", "Europe/London", "Pacific/Apia", "America/Sao_Paulo", "Africa/Casablanca", "UTC"];

  test("localToUtc matches Temporal's 'compatible' disambiguation (gaps and overlaps included)", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.integer({ min: Date.UTC(1950, 0, 1) / 60_000, max: Date.UTC(2060, 0, 1) / 60_000 }),
        (zone, minute) => {
          const localMs = minute * 60_000;
          const iso = new Date(localMs).toISOString().slice(0, 19);
          const expected = Temporal.PlainDateTime.from(iso).toZonedDateTime(zone, { disambiguation: "compatible" }).epochMilliseconds;
          expect(getZone(zone).localToUtc(localMs)).toBe(expected);
        },
      ),
      { numRuns: 2000 },
    );
  });

  test("localToUtc at every minute around transitions matches Temporal", () => {
    for (const [zone, day] of [["America/New_York", "2025-03-09"], ["America/New_York", "2025-11-02"], ["Australia/Lord_Howe", "2025-04-06"], ["Australia/Lord_Howe", "2025-10-05"], ["Europe/Berlin", "2025-10-26"]] as const) {
      const base = Date.parse(`${day}T00:00:00Z`);
      for (let m = 0; m < 24 * 60; m += 5) {
        const iso = new Date(base + m * 60_000).toISOString().slice(0, 19);
        const expected = Temporal.PlainDateTime.from(iso).toZonedDateTime(zone, { disambiguation: "compatible" }).epochMilliseconds;
        expect(getZone(zone).localToUtc(base + m * 60_000), `${zone} ${iso}`).toBe(expected);
      }
    }
  });

  test("unknown zones are rejected", () => {
    expect(() => getZone("Mars/Olympus_Mons")).toThrow(RangeError);
  });
});
