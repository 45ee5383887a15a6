import { describe, expect, it } from "vitest";
import type { FieldErrors } from "./errors.ts";
import { checkEvent } from "./event-rules.ts";

const base = { title: "x", description: null, location: null, allDay: false, startsAt: new Date("2025-08-21T09:00:00Z"), endsAt: new Date("2025-08-21T10:00:00Z"), timeZone: "UTC" };

describe("checkEvent", () => {
  it("accepts a valid timed event unchanged", () => {
    const errors: FieldErrors = {};
    expect(checkEvent(base, errors)).toEqual(base);
    expect(errors).toEqual({});
  });

  it("reports blank titles, end before start and unknown zones together", () => {
    const errors: FieldErrors = {};
    checkEvent({ ...base, title: "  ", endsAt: base.startsAt, timeZone: "Mars/Base" }, errors);
    expect(errors).toEqual({ title: ["can't be blank"], ends_at: ["must be after starts_at"], time_zone: ["is not a known IANA time zone"] });
  });

  it("snaps all-day events to dates and turns an end on or before the start into start + 1 day", () => {
    const errors: FieldErrors = {};
    const out = checkEvent({ ...base, allDay: true, startsAt: new Date("2025-08-21T15:00:00Z"), endsAt: new Date("2025-08-20T00:00:00Z") }, errors);
    expect(errors).toEqual({});
    expect(out.startsAt.toISOString()).toBe("2025-08-21T00:00:00.000Z");
    expect(out.endsAt.toISOString()).toBe("2025-08-22T00:00:00.000Z");
  });
});
