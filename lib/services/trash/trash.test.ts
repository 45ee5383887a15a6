import { describe, expect, it } from "vitest";
import { deleteEvent } from "../delete-event.ts";
import { updateEvent } from "../update-event.ts";
import { at, rejection, scenario } from "../testing/scenario.ts";
import { listTrash } from "./list-trash.ts";
import { restoreFromTrash } from "./restore-from-trash.ts";

describe("listTrash", () => {
  it("lists deleted events the caller may restore, newest deletion first; not others' nor older than 30 days", async () => {
    const s = scenario();
    const owner = s.fake.viewer(s.owner.id);
    const a = await s.create({ title: "A" }, s.member);
    const b = await s.create({ title: "B" }, s.member);
    const old = await s.create({ title: "Old" }, s.member);
    for (const e of [a, old, b]) await deleteEvent({ uuid: e.event.uuid }, s.fake.viewer(s.member.id), undefined, undefined, s.fake.repos);
    s.fake.state.events.get(old.event.id)!.deletedAt = new Date(Date.now() - 31 * 86_400_000);
    expect((await listTrash(s.calendar.uuid, s.fake.viewer(s.member.id), { limit: 10, offset: 0 }, s.fake.repos)).items.map((i) => i.visible.event.title)).toEqual(["B", "A"]);
    // The owner is the calendar's admin: may restore group events too; a guest may restore nothing.
    expect((await listTrash(s.calendar.uuid, owner, { limit: 10, offset: 0 }, s.fake.repos)).total).toBe(2);
    expect((await listTrash(s.calendar.uuid, s.fake.viewer(s.guest.id), { limit: 10, offset: 0 }, s.fake.repos)).total).toBe(0);
    expect((await rejection(listTrash(s.calendar.uuid, s.fake.viewer(s.outsider.id), { limit: 10, offset: 0 }, s.fake.repos))).status).toBe(404);
  });
});

describe("restoreFromTrash", () => {
  it("brings a deleted series back with the overrides deleted with it", async () => {
    const s = scenario();
    const viewer = s.fake.viewer(s.owner.id);
    const { event: series } = await s.create({ rrule: "FREQ=WEEKLY;COUNT=3" });
    const override = await updateEvent({ uuid: series.uuid, originalStart: at("2030-05-13T09:00") }, viewer, { title: "x" }, "this", undefined, s.fake.repos);
    await deleteEvent({ uuid: series.uuid }, viewer, undefined, undefined, s.fake.repos);
    const restored = await restoreFromTrash(s.calendar.uuid, viewer, { uuid: series.uuid }, s.fake.repos);
    expect(restored.event.id).toBe(series.id);
    expect(s.fake.row(series.id)?.deleted).toBe(false);
    expect(s.fake.row(override.event.id)?.deleted).toBe(false);
  });

  it("an occurrence deleted on its own: its EXDATE goes", async () => {
    const s = scenario();
    const viewer = s.fake.viewer(s.owner.id);
    const { event: series } = await s.create({ rrule: "FREQ=WEEKLY;COUNT=3" });
    await deleteEvent({ uuid: series.uuid, originalStart: at("2030-05-13T09:00") }, viewer, "this", undefined, s.fake.repos);
    const restored = await restoreFromTrash(s.calendar.uuid, viewer, { uuid: series.uuid, originalStart: at("2030-05-13T09:00") }, s.fake.repos);
    expect(restored.event.startsAt).toEqual(at("2030-05-13T09:00"));
    expect(s.fake.row(series.id)?.exdates).toEqual([]);
  });

  it("403 for someone who sees the event but may not change it; 404 for what is not in the trash", async () => {
    const s = scenario();
    const { event } = await s.create({ visibility: "public" });
    expect((await rejection(restoreFromTrash(s.calendar.uuid, s.fake.viewer(s.owner.id), { uuid: event.uuid }, s.fake.repos))).status).toBe(404);
    await deleteEvent({ uuid: event.uuid }, s.fake.viewer(s.owner.id), undefined, undefined, s.fake.repos);
    expect((await rejection(restoreFromTrash(s.calendar.uuid, s.fake.viewer(s.guest.id), { uuid: event.uuid }, s.fake.repos))).status).toBe(403);
    expect(s.fake.row(event.id)?.deleted).toBe(true);
  });
});
