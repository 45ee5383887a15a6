import { describe, expect, it } from "vitest";
import { formatUtcOffset, matchesZoneQuery, timeZones, utcOffsetMinutes, zoneChoice, zoneChoices } from "./zoned-time.ts";

const JAN = new Date("2026-01-15T12:00:00Z");
const JUL = new Date("2026-07-15T12:00:00Z");

describe("zone choices", () => {
  it("reads offsets at the given moment (DST included), east positive", () => {
    expect(utcOffsetMinutes("America/New_York", JAN)).toBe(-300);
    expect(utcOffsetMinutes("America/New_York", JUL)).toBe(-240);
    expect(utcOffsetMinutes("Asia/Kolkata", JAN)).toBe(330);
    expect(utcOffsetMinutes("Asia/Kathmandu", JAN)).toBe(345);
    expect(utcOffsetMinutes("UTC", JAN)).toBe(0);
  });

  it("labels a zone with its offset, city and id", () => {
    expect(formatUtcOffset(-300)).toBe("UTC−05:00");
    expect(formatUtcOffset(0)).toBe("UTC+00:00");
    expect(zoneChoice("America/New_York", JAN).label).toBe("(UTC−05:00) New York — America/New_York");
    expect(zoneChoice("UTC", JAN).label).toBe("(UTC+00:00) UTC");
  });

  it("matches a city, a zone id or an offset typed any way", () => {
    const ny = zoneChoice("America/New_York", JAN);
    const kolkata = zoneChoice("Asia/Kolkata", JAN);
    for (const q of ["new york", "York", "america/new_york", "-5", "−05:00", "UTC-5", "gmt-05", "utc−05:00"]) expect(matchesZoneQuery(ny, q), q).toBe(true);
    for (const q of ["+5:30", "utc+05:30", "kolkata", "Asia"]) expect(matchesZoneQuery(kolkata, q), q).toBe(true);
    for (const q of ["+5", "tokyo", "new delhi"]) expect(matchesZoneQuery(ny, q), q).toBe(false);
  });

  it("lists every zone west to east, the current one included even if only an alias", () => {
    const list = zoneChoices("US/Eastern", JAN);
    expect(list.find((c) => c.zone === "US/Eastern")?.offset).toBe(-300);
    const offsets = list.filter((c) => c.zone !== "US/Eastern").map((c) => c.offset);
    expect(offsets).toEqual([...offsets].sort((a, b) => a - b));
  });
});

describe("timeZones", () => {
  it("lists zones by their current names (Kolkata, Kyiv), not ICU's old ones", () => {
    const zones = timeZones();
    expect(zones).toContain("Asia/Kolkata");
    expect(zones).toContain("Europe/Kyiv");
    expect(zones).not.toContain("Asia/Calcutta");
    expect(utcOffsetMinutes("Asia/Kolkata", JAN)).toBe(330);
  });
});
