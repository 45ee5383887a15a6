import { describe, expect, it } from "vitest";
import { MAX_WINDOW_DAYS } from "../domain/time.ts";
import { listEvents } from "./list-events.ts";
import { updateEvent } from "./update-event.ts";
import { deleteEvent } from "./delete-event.ts";
import { at, rejection, scenario } from "./testing/scenario.ts";

const weekly = { title: "Sync", rrule: "FREQ=WEEKLY;COUNT=4", startsAt: at("2030-05-06T09:00"), endsAt: at("2030-05-06T10:00") };
const may = { from: at("2030-05-01T00:00"), to: at("2030-06-01T00:00") };

describe("listEvents", () => {
  it("with a window: a series is expanded into its occurrences, an override stands in for its occurrence and an EXDATE leaves a gap", async () => {
    const s = scenario();
    const { event: series } = await s.create(weekly);
    const viewer = s.fake.viewer(s.owner.id);
    await updateEvent({ uuid: series.uuid, originalStart: at("2030-05-13T09:00") }, viewer, { title: "Moved", startsAt: at("2030-05-14T09:00"), endsAt: at("2030-05-14T10:00") }, "this", undefined, s.fake.repos);
    await deleteEvent({ uuid: series.uuid, originalStart: at("2030-05-20T09:00") }, viewer, "this", undefined, s.fake.repos);
    const { items, total } = await listEvents({ viewer, window: may, limit: 50, offset: 0 }, s.fake.repos);
    expect(total).toBe(3);
    expect(items.map((v) => [v.event.title, v.event.startsAt.toISOString()])).toEqual([
      ["Sync", "2030-05-06T09:00:00.000Z"],
      ["Moved", "2030-05-14T09:00:00.000Z"],
      ["Sync", "2030-05-27T09:00:00.000Z"],
    ]);
    expect(items[1]!.occurrence).toMatchObject({ seriesId: series.id, originalStartsAt: at("2030-05-13T09:00") });
  });

  it("without a window: each series once, no occurrences", async () => {
    const s = scenario();
    await s.create(weekly);
    await s.create({ title: "Lunch", startsAt: at("2030-05-07T12:00"), endsAt: at("2030-05-07T13:00") });
    const { items, total } = await listEvents({ viewer: s.fake.viewer(s.owner.id), limit: 50, offset: 0 }, s.fake.repos);
    expect(total).toBe(2);
    expect(items.map((v) => [v.event.title, v.occurrence])).toEqual([
      ["Sync", null],
      ["Lunch", null],
    ]);
  });

  it("leaves out what the viewer may not see and redacts busy blocks", async () => {
    const s = scenario();
    await s.create({ title: "Secret", visibility: "private" }, s.member);
    await s.create({ title: "Dentist", visibility: "busy" }, s.member);
    await s.create({ title: "Team", visibility: "public" }, s.member);
    const { items } = await listEvents({ viewer: s.fake.viewer(s.guest.id), window: may, limit: 50, offset: 0 }, s.fake.repos);
    expect(items.map((v) => v.event.title).sort()).toEqual(["Busy", "Team"]);
  });

  it("pages the expanded list and reports the whole count", async () => {
    const s = scenario();
    await s.create(weekly);
    const { items, total } = await listEvents({ viewer: s.fake.viewer(s.owner.id), window: may, limit: 2, offset: 1 }, s.fake.repos);
    expect(total).toBe(4);
    expect(items.map((v) => v.event.startsAt)).toEqual([at("2030-05-13T09:00"), at("2030-05-20T09:00")]);
  });

  it("422 for a window that ends before it starts or spans too many days", async () => {
    const s = scenario();
    const viewer = s.fake.viewer(s.owner.id);
    expect((await rejection(listEvents({ viewer, window: { from: may.to, to: may.from }, limit: 5, offset: 0 }, s.fake.repos))).fields).toHaveProperty("to");
    const tooLong = { from: may.from, to: new Date(may.from.getTime() + (MAX_WINDOW_DAYS + 1) * 86_400_000) };
    expect((await rejection(listEvents({ viewer, window: tooLong, limit: 5, offset: 0 }, s.fake.repos))).status).toBe(422);
  });

  it("422 rather than a truncated list when one series has too many occurrences in the window", async () => {
    const s = scenario();
    await s.create({ rrule: "FREQ=MINUTELY", startsAt: at("2030-05-06T09:00"), endsAt: at("2030-05-06T09:01") });
    const error = await rejection(listEvents({ viewer: s.fake.viewer(s.owner.id), window: may, limit: 5, offset: 0 }, s.fake.repos));
    expect(error.fields).toHaveProperty("rrule");
  });
});
