// RDATEs merged with the rule: numbering, de-duplication, EXDATE, COUNT/UNTIL, windows.
import { describe, expect, test } from "vitest";
import { expand, indexOf, isOccurrence, occurrenceAt, parseRRule, type SeriesInput } from "./index.ts";

const at = (iso: string) => new Date(iso);
const iso = (d: Date | null) => d?.toISOString().replace(".000Z", "Z") ?? null;

function series(rrule: string, start: string, rdates: string[], extra: Partial<SeriesInput> = {}): SeriesInput {
  return { rule: parseRRule(rrule), start: at(start), timeZone: "UTC", allDay: false, durationMs: 3_600_000, rdates: rdates.map(at), ...extra };
}

function all(s: SeriesInput, from = "2020-01-01T00:00:00Z", to = "2030-01-01T00:00:00Z") {
  return expand({ ...s, from: at(from), to: at(to) }).map((o) => [iso(o.start), o.index]);
}

describe("RDATE", () => {
  // Weekly on Mondays x3 from 2026-03-02, plus a Wednesday, a duplicate of a rule occurrence,
  // one after the rule has ended, and one before DTSTART (ignored).
  const s = series("FREQ=WEEKLY;COUNT=3", "2026-03-02T09:00:00Z", [
    "2026-04-01T12:00:00Z",
    "2026-03-04T09:00:00Z",
    "2026-03-09T09:00:00Z",
    "2026-02-01T09:00:00Z",
  ]);

  test("merged with the rule's occurrences, de-duplicated, numbered in order", () => {
    expect(all(s)).toEqual([
      ["2026-03-02T09:00:00Z", 1],
      ["2026-03-04T09:00:00Z", 2],
      ["2026-03-09T09:00:00Z", 3],
      ["2026-03-16T09:00:00Z", 4],
      ["2026-04-01T12:00:00Z", 5],
    ]);
  });

  test("occurrenceAt and indexOf agree with the merged numbering", () => {
    const starts = ["2026-03-02T09:00:00Z", "2026-03-04T09:00:00Z", "2026-03-09T09:00:00Z", "2026-03-16T09:00:00Z", "2026-04-01T12:00:00Z"];
    starts.forEach((start, i) => {
      expect(iso(occurrenceAt(s, i + 1))).toBe(start);
      expect(indexOf(s, at(start))).toBe(i + 1);
    });
    expect(occurrenceAt(s, 6)).toBeNull();
    expect(indexOf(s, at("2026-02-01T09:00:00Z"))).toBeNull();
    expect(isOccurrence(s, at("2026-03-23T09:00:00Z"))).toBe(false); // past COUNT
  });

  test("EXDATE wins over an RDATE and keeps the numbers", () => {
    const x = { ...s, exdates: [at("2026-03-04T09:00:00Z"), at("2026-03-16T09:00:00Z")] };
    expect(all(x)).toEqual([
      ["2026-03-02T09:00:00Z", 1],
      ["2026-03-09T09:00:00Z", 3],
      ["2026-04-01T12:00:00Z", 5],
    ]);
    expect(occurrenceAt(x, 2)).toBeNull();
    expect(indexOf(x, at("2026-03-04T09:00:00Z"))).toBeNull();
    expect(indexOf(x, at("2026-04-01T12:00:00Z"))).toBe(5);
  });

  test("windows: only RDATEs that overlap, with their series numbers", () => {
    expect(all(s, "2026-03-10T00:00:00Z", "2026-04-01T12:30:00Z")).toEqual([
      ["2026-03-16T09:00:00Z", 4],
      ["2026-04-01T12:00:00Z", 5],
    ]);
    expect(all(s, "2026-04-01T12:59:00Z", "2026-04-02T00:00:00Z")).toEqual([["2026-04-01T12:00:00Z", 5]]); // overlap via duration
    expect(all(s, "2026-03-04T10:00:00Z", "2026-03-09T09:00:00Z")).toEqual([]);
  });

  test("UNTIL bounds the rule, not the RDATEs", () => {
    const u = series("FREQ=DAILY;UNTIL=20260303T090000Z", "2026-03-01T09:00:00Z", ["2026-03-10T09:00:00Z", "2026-03-02T15:00:00Z"]);
    expect(all(u)).toEqual([
      ["2026-03-01T09:00:00Z", 1],
      ["2026-03-02T09:00:00Z", 2],
      ["2026-03-02T15:00:00Z", 3],
      ["2026-03-03T09:00:00Z", 4],
      ["2026-03-10T09:00:00Z", 5],
    ]);
    expect(indexOf(u, at("2026-03-10T09:00:00Z"))).toBe(5);
    expect(iso(occurrenceAt(u, 5))).toBe("2026-03-10T09:00:00Z");
  });

  test("RDATEs only (a one-occurrence rule plus RDATEs)", () => {
    const r = series("FREQ=DAILY;COUNT=1", "2026-05-01T10:00:00Z", ["2026-05-20T10:00:00Z", "2026-05-08T10:00:00Z"]);
    expect(all(r).map(([d]) => d)).toEqual(["2026-05-01T10:00:00Z", "2026-05-08T10:00:00Z", "2026-05-20T10:00:00Z"]);
    expect(iso(occurrenceAt(r, 3))).toBe("2026-05-20T10:00:00Z");
  });

  test("an unbounded rule: RDATEs between rule occurrences far from DTSTART", () => {
    const u = series("FREQ=DAILY", "2000-01-01T09:00:00Z", ["2026-03-01T12:00:00Z", "2010-01-01T12:00:00Z"]);
    const got = all(u, "2026-03-01T00:00:00Z", "2026-03-02T00:00:00Z");
    const ruleIndex = Math.round((Date.parse("2026-03-01T09:00:00Z") - Date.parse("2000-01-01T09:00:00Z")) / 86_400_000) + 1;
    expect(got).toEqual([
      ["2026-03-01T09:00:00Z", ruleIndex + 1],
      ["2026-03-01T12:00:00Z", ruleIndex + 2],
    ]);
    expect(indexOf(u, at("2026-03-01T12:00:00Z"))).toBe(ruleIndex + 2);
    expect(iso(occurrenceAt(u, ruleIndex + 2))).toBe("2026-03-01T12:00:00Z");
    expect(iso(occurrenceAt(u, ruleIndex + 3))).toBe("2026-03-02T09:00:00Z");
  });

  test("all-day series match RDATEs by date", () => {
    const d = series("FREQ=WEEKLY;COUNT=2", "2026-03-02T00:00:00Z", ["2026-03-05T00:00:00Z"], { allDay: true, durationMs: 86_400_000 });
    expect(all(d).map(([x]) => x)).toEqual(["2026-03-02T00:00:00Z", "2026-03-05T00:00:00Z", "2026-03-09T00:00:00Z"]);
  });
});
