import { describe, expect, it } from "vitest";
import type { EventRecord } from "../domain/types.ts";
import { inheritedChange } from "./series-overrides.ts";

const at = (hhmm: string, day = "2030-05-13") => new Date(`${day}T${hhmm}:00Z`);

function event(fields: Partial<EventRecord>): EventRecord {
  return {
    id: 1, uuid: "u", calendarId: 1, calendarUuid: "c", creatorId: 1, title: "Sync", description: null, location: "Room A", allDay: false,
    startsAt: at("09:00", "2030-05-06"), endsAt: at("10:00", "2030-05-06"), timeZone: "UTC", status: "scheduled", visibility: "public",
    stakeholder: "group", defaultRole: "viewer", rrule: "FREQ=WEEKLY", exdates: [], recurrenceEndsAt: null, seriesId: null, seriesUuid: null,
    originalStartsAt: null, externalObject: null, icsFeedId: null, sequence: 0, deleted: false, createdAt: new Date(0), updatedAt: new Date(0), participants: [],
    ...fields,
  } as EventRecord;
}

const before = event({});
const override = (fields: Partial<EventRecord>) => event({ id: 2, rrule: null, seriesId: 1, originalStartsAt: at("09:00"), startsAt: at("09:00"), endsAt: at("10:00"), ...fields });

describe("inheritedChange", () => {
  it("passes on a field the override left alone and keeps one it changed", () => {
    const after = event({ title: "Weekly", location: "Room B" });
    expect(inheritedChange(override({ title: "Special" }), before, after, at("09:00"))).toEqual({ location: "Room B" });
  });

  it("changes nothing when the series changed nothing the override inherits", () => {
    expect(inheritedChange(override({ title: "Special" }), before, event({}), at("09:00"))).toEqual({});
  });

  it("moves an override that kept its occurrence's time with the series, and gives it the new length", () => {
    const after = event({ startsAt: at("11:00", "2030-05-06"), endsAt: at("12:30", "2030-05-06") });
    expect(inheritedChange(override({}), before, after, at("11:00"))).toEqual({ startsAt: at("11:00"), endsAt: at("12:30") });
  });

  it("leaves an override's own times where they are", () => {
    const after = event({ startsAt: at("11:00", "2030-05-06"), endsAt: at("12:00", "2030-05-06") });
    expect(inheritedChange(override({ startsAt: at("14:00"), endsAt: at("15:00") }), before, after, at("11:00"))).toEqual({});
  });

  it("keeps an override's own length when only its start follows", () => {
    const after = event({ startsAt: at("11:00", "2030-05-06"), endsAt: at("12:00", "2030-05-06") });
    expect(inheritedChange(override({ endsAt: at("09:30") }), before, after, at("11:00"))).toEqual({ startsAt: at("11:00"), endsAt: at("11:30") });
  });

  it("never inherits the audience (spreadAudience decides that) nor times across an all-day change", () => {
    const after = event({ visibility: "private", allDay: true, startsAt: new Date("2030-05-06T00:00:00Z"), endsAt: new Date("2030-05-07T00:00:00Z") });
    expect(inheritedChange(override({}), before, after, new Date("2030-05-13T00:00:00Z"))).toEqual({});
  });
});
