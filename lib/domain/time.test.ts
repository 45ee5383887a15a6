import { describe, expect, it } from "vitest";
import { compactInstant, formatInstant, monthWindow, parseCompactInstant, parseDate, parseDateTime, zonedMidnight } from "./time.ts";

describe("time", () => {
  it("parses ISO 8601 date-times with offsets and rejects impossible ones", () => {
    expect(parseDateTime("2025-08-21T09:00:00Z")?.toISOString()).toBe("2025-08-21T09:00:00.000Z");
    expect(parseDateTime("2025-08-21T11:00:00+02:00")?.toISOString()).toBe("2025-08-21T09:00:00.000Z");
    expect(parseDateTime("2025-08-21 09:00:00.250Z")?.toISOString()).toBe("2025-08-21T09:00:00.250Z");
    for (const bad of ["2025-02-30T09:00:00Z", "2025-08-21T09:00:00", "tomorrow", "2025-08-21", "2025-13-01T00:00:00Z"]) expect(parseDateTime(bad)).toBeNull();
  });

  it("parses calendar dates", () => {
    expect(parseDate("2024-02-29")?.toISOString()).toBe("2024-02-29T00:00:00.000Z");
    expect(parseDate("2025-02-29")).toBeNull();
  });

  it("formats whole-second UTC instants and occurrence id suffixes", () => {
    const d = new Date("2025-08-21T09:00:00.123Z");
    expect(formatInstant(d)).toBe("2025-08-21T09:00:00Z");
    expect(compactInstant(d)).toBe("20250821T090000Z");
    expect(parseCompactInstant("20250821T090000Z")?.toISOString()).toBe("2025-08-21T09:00:00.000Z");
    expect(parseCompactInstant("20250821T090000")).toBeNull();
  });

  it("finds local midnight and the current month in a zone, across DST", () => {
    expect(zonedMidnight(2025, 3, 30, "Europe/Berlin").toISOString()).toBe("2025-03-29T23:00:00.000Z");
    expect(zonedMidnight(2025, 3, 31, "Europe/Berlin").toISOString()).toBe("2025-03-30T22:00:00.000Z");
    const w = monthWindow(new Date("2025-11-01T02:00:00Z"), "America/New_York");
    expect(w.from.toISOString()).toBe("2025-10-01T04:00:00.000Z");
    expect(w.to.toISOString()).toBe("2025-11-01T04:00:00.000Z");
    const sydney = monthWindow(new Date("2025-03-31T20:00:00Z"), "Australia/Sydney");
    expect(sydney.from.toISOString()).toBe("2025-03-31T13:00:00.000Z");
  });
});
