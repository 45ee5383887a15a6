import { describe, expect, it } from "vitest";
import { updateEvent } from "./update-event.ts";
import { at, rejection, scenario } from "./testing/scenario.ts";

const weekly = { title: "Sync", rrule: "FREQ=WEEKLY;COUNT=4", startsAt: at("2030-05-06T09:00"), endsAt: at("2030-05-06T10:00") };

describe("updateEvent", () => {
  it("changes a single event, bumps its sequence and logs the change", async () => {
    const s = scenario();
    const { event } = await s.create({});
    const updated = await updateEvent({ uuid: event.uuid }, s.fake.viewer(s.owner.id), { title: "Retro" }, undefined, undefined, s.fake.repos);
    expect(updated.event).toMatchObject({ title: "Retro", sequence: 1 });
    expect(s.fake.state.log.at(-1)).toMatchObject({ eventId: event.id, kind: "updated" });
  });

  it("412 when If-Match names an older sequence; the matching one passes", async () => {
    const s = scenario();
    const { event } = await s.create({});
    const viewer = s.fake.viewer(s.owner.id);
    await updateEvent({ uuid: event.uuid }, viewer, { title: "v1" }, undefined, 0, s.fake.repos);
    const error = await rejection(updateEvent({ uuid: event.uuid }, viewer, { title: "v2" }, undefined, 0, s.fake.repos));
    expect(error.status).toBe(412);
    expect(s.fake.row(event.id)?.title).toBe("v1");
    expect((await updateEvent({ uuid: event.uuid }, viewer, { title: "v2" }, undefined, 1, s.fake.repos)).event.title).toBe("v2");
  });

  it("412 with If-Match for an event that no longer exists, 404 without", async () => {
    const s = scenario();
    const viewer = s.fake.viewer(s.owner.id);
    expect((await rejection(updateEvent({ uuid: "gone" }, viewer, { title: "x" }, undefined, 3, s.fake.repos))).status).toBe(412);
    expect((await rejection(updateEvent({ uuid: "gone" }, viewer, { title: "x" }, undefined, undefined, s.fake.repos))).status).toBe(404);
  });

  it("403 for a member who sees someone else's event but may not change it", async () => {
    const s = scenario();
    const { event } = await s.create({ visibility: "public", stakeholder: "group" });
    const error = await rejection(updateEvent({ uuid: event.uuid }, s.fake.viewer(s.member.id), { title: "mine" }, undefined, undefined, s.fake.repos));
    expect(error.status).toBe(403);
    expect(s.fake.row(event.id)?.title).toBe("Standup");
  });

  it("404 for a private event of someone else (not even its existence shows)", async () => {
    const s = scenario();
    const { event } = await s.create({ visibility: "private" }, s.member);
    expect((await rejection(updateEvent({ uuid: event.uuid }, s.fake.viewer(s.guest.id), { title: "x" }, undefined, undefined, s.fake.repos))).status).toBe(404);
  });

  it("403 READ_ONLY for an event of a subscription", async () => {
    const s = scenario();
    const { event } = await s.create({});
    s.fake.state.events.get(event.id)!.icsFeedId = 1;
    expect((await rejection(updateEvent({ uuid: event.uuid }, s.fake.viewer(s.owner.id), { title: "x" }, undefined, undefined, s.fake.repos))).code).toBe("READ_ONLY");
  });

  it("422 and nothing stored when the change leaves the end before the start", async () => {
    const s = scenario();
    const { event } = await s.create({});
    const error = await rejection(updateEvent({ uuid: event.uuid }, s.fake.viewer(s.owner.id), { endsAt: at("2030-05-06T08:00") }, undefined, undefined, s.fake.repos));
    expect(error.status).toBe(422);
    expect(s.fake.row(event.id)?.sequence).toBe(0);
  });

  it("scope=this makes the occurrence an override and leaves the series' other occurrences alone", async () => {
    const s = scenario();
    const { event: series } = await s.create(weekly);
    const second = at("2030-05-13T09:00");
    const changed = await updateEvent({ uuid: series.uuid, originalStart: second }, s.fake.viewer(s.owner.id), { title: "Special" }, "this", undefined, s.fake.repos);
    expect(changed.event).toMatchObject({ title: "Special", seriesId: series.id, originalStartsAt: second, rrule: null });
    expect(changed.occurrence?.originalStartsAt).toEqual(second);
    expect(s.fake.row(series.id)).toMatchObject({ title: "Sync", rrule: "FREQ=WEEKLY;COUNT=4" });
  });

  it("scope=following splits the series at the occurrence: the head ends before it, the tail carries the change and the later overrides", async () => {
    const s = scenario();
    const { event: series } = await s.create(weekly);
    const viewer = s.fake.viewer(s.owner.id);
    const last = await updateEvent({ uuid: series.uuid, originalStart: at("2030-05-27T09:00") }, viewer, { location: "Room 9" }, "this", undefined, s.fake.repos);
    const tail = await updateEvent({ uuid: series.uuid, originalStart: at("2030-05-20T09:00") }, viewer, { title: "Later" }, "following", undefined, s.fake.repos);
    expect(s.fake.row(series.id)).toMatchObject({ title: "Sync", rrule: "FREQ=WEEKLY;COUNT=2" });
    expect(tail.event).toMatchObject({ title: "Later", rrule: "FREQ=WEEKLY;COUNT=2", startsAt: at("2030-05-20T09:00") });
    expect(tail.event.id).not.toBe(series.id);
    // The override of 27 May now hangs from the new series and took its new title.
    expect(s.fake.row(last.event.id)).toMatchObject({ seriesId: tail.event.id, title: "Later", location: "Room 9" });
    expect(s.fake.state.log).toContainEqual(expect.objectContaining({ eventId: last.event.id, formerKey: `${series.uuid}_20300527T090000Z` }));
  });

  it("scope=all through an occurrence moves every occurrence and keeps overrides on their occurrence numbers", async () => {
    const s = scenario();
    const { event: series } = await s.create(weekly);
    const viewer = s.fake.viewer(s.owner.id);
    const third = await updateEvent({ uuid: series.uuid, originalStart: at("2030-05-20T09:00") }, viewer, { title: "Third" }, "this", undefined, s.fake.repos);
    // The second occurrence moved one hour later, for the whole series.
    await updateEvent({ uuid: series.uuid, originalStart: at("2030-05-13T09:00") }, viewer, { startsAt: at("2030-05-13T10:00"), endsAt: at("2030-05-13T11:00") }, "all", undefined, s.fake.repos);
    expect(s.fake.row(series.id)).toMatchObject({ startsAt: at("2030-05-06T10:00"), endsAt: at("2030-05-06T11:00") });
    expect(s.fake.row(third.event.id)).toMatchObject({ originalStartsAt: at("2030-05-20T10:00"), startsAt: at("2030-05-20T10:00"), title: "Third" });
    // Sync clients learn the occurrence id the override had before it moved.
    expect(s.fake.state.log).toContainEqual(expect.objectContaining({ eventId: third.event.id, formerKey: `${series.uuid}_20300520T090000Z` }));
  });

  it("replaces the participants when the input names them", async () => {
    const s = scenario();
    const { event } = await s.create({ participantIds: [s.member.id] });
    const updated = await updateEvent({ uuid: event.uuid }, s.fake.viewer(s.owner.id), { participantIds: [s.guest.id] }, undefined, undefined, s.fake.repos);
    expect(updated.event.participants.map((p) => p.userId)).toEqual([s.guest.id]);
  });
});
