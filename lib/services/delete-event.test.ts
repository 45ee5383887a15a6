import { describe, expect, it } from "vitest";
import { deleteEvent } from "./delete-event.ts";
import { updateEvent } from "./update-event.ts";
import { at, rejection, scenario } from "./testing/scenario.ts";

const weekly = { title: "Sync", rrule: "FREQ=WEEKLY;COUNT=4", startsAt: at("2030-05-06T09:00"), endsAt: at("2030-05-06T10:00") };

describe("deleteEvent", () => {
  it("soft-deletes a single event and logs the deletion", async () => {
    const s = scenario();
    const { event } = await s.create({});
    await deleteEvent({ uuid: event.uuid }, s.fake.viewer(s.owner.id), undefined, undefined, s.fake.repos);
    expect(s.fake.row(event.id)?.deleted).toBe(true);
    expect(s.fake.state.log.at(-1)).toMatchObject({ eventId: event.id, kind: "deleted" });
  });

  it("an occurrence (scope=this) becomes an EXDATE of its series; the series stays", async () => {
    const s = scenario();
    const { event: series } = await s.create(weekly);
    await deleteEvent({ uuid: series.uuid, originalStart: at("2030-05-13T09:00") }, s.fake.viewer(s.owner.id), "this", undefined, s.fake.repos);
    expect(s.fake.row(series.id)).toMatchObject({ deleted: false, exdates: [at("2030-05-13T09:00")] });
  });

  it("an overridden occurrence: the override goes and its start becomes an EXDATE", async () => {
    const s = scenario();
    const { event: series } = await s.create(weekly);
    const viewer = s.fake.viewer(s.owner.id);
    const override = await updateEvent({ uuid: series.uuid, originalStart: at("2030-05-13T09:00") }, viewer, { title: "x" }, "this", undefined, s.fake.repos);
    await deleteEvent({ uuid: override.event.uuid }, viewer, undefined, undefined, s.fake.repos);
    expect(s.fake.row(override.event.id)?.deleted).toBe(true);
    expect(s.fake.row(series.id)?.exdates).toEqual([at("2030-05-13T09:00")]);
  });

  it("scope=following ends the series before the occurrence and deletes the overrides after it", async () => {
    const s = scenario();
    const { event: series } = await s.create(weekly);
    const viewer = s.fake.viewer(s.owner.id);
    const early = await updateEvent({ uuid: series.uuid, originalStart: at("2030-05-13T09:00") }, viewer, { title: "kept" }, "this", undefined, s.fake.repos);
    const late = await updateEvent({ uuid: series.uuid, originalStart: at("2030-05-27T09:00") }, viewer, { title: "gone" }, "this", undefined, s.fake.repos);
    await deleteEvent({ uuid: series.uuid, originalStart: at("2030-05-20T09:00") }, viewer, "following", undefined, s.fake.repos);
    expect(s.fake.row(series.id)).toMatchObject({ deleted: false, rrule: "FREQ=WEEKLY;COUNT=2" });
    expect(s.fake.row(early.event.id)?.deleted).toBe(false);
    expect(s.fake.row(late.event.id)?.deleted).toBe(true);
  });

  it("scope=all through an occurrence deletes the series with its overrides", async () => {
    const s = scenario();
    const { event: series } = await s.create(weekly);
    const viewer = s.fake.viewer(s.owner.id);
    const override = await updateEvent({ uuid: series.uuid, originalStart: at("2030-05-13T09:00") }, viewer, { title: "x" }, "this", undefined, s.fake.repos);
    await deleteEvent({ uuid: series.uuid, originalStart: at("2030-05-20T09:00") }, viewer, "all", undefined, s.fake.repos);
    expect(s.fake.row(series.id)?.deleted).toBe(true);
    expect(s.fake.row(override.event.id)?.deleted).toBe(true);
  });

  it("403 for a guest who sees the event; 412 for a stale If-Match; nothing deleted", async () => {
    const s = scenario();
    const { event } = await s.create({ visibility: "public" });
    expect((await rejection(deleteEvent({ uuid: event.uuid }, s.fake.viewer(s.guest.id), undefined, undefined, s.fake.repos))).status).toBe(403);
    expect((await rejection(deleteEvent({ uuid: event.uuid }, s.fake.viewer(s.owner.id), undefined, 7, s.fake.repos))).status).toBe(412);
    expect(s.fake.row(event.id)?.deleted).toBe(false);
  });
});
