import { describe, expect, it } from "vitest";
import { resolveEvent } from "./get-event.ts";
import { at, rejection, scenario } from "./testing/scenario.ts";

const weekly = { title: "Sync", rrule: "FREQ=WEEKLY;COUNT=4", startsAt: at("2030-05-06T09:00"), endsAt: at("2030-05-06T10:00") };

describe("resolveEvent", () => {
  it("finds an occurrence by its original start (SweetDate) and by its number (Kona)", async () => {
    const s = scenario();
    const { event: series } = await s.create(weekly);
    const viewer = s.fake.viewer(s.owner.id);
    const byStart = await resolveEvent({ uuid: series.uuid, originalStart: at("2030-05-20T09:00") }, viewer, s.fake.repos);
    expect(byStart.visible.event.startsAt).toEqual(at("2030-05-20T09:00"));
    expect(byStart.visible.occurrence).toMatchObject({ seriesId: series.id, index: 3 });
    const byNumber = await resolveEvent({ id: series.id, numInSeries: 3 }, viewer, s.fake.repos);
    expect(byNumber.visible.event.startsAt).toEqual(at("2030-05-20T09:00"));
    expect(byNumber.series?.id).toBe(series.id);
  });

  it("404 for a start that is not an occurrence, a number past the end, or another calendar", async () => {
    const s = scenario();
    const { event: series } = await s.create(weekly);
    const viewer = s.fake.viewer(s.owner.id);
    expect((await rejection(resolveEvent({ uuid: series.uuid, originalStart: at("2030-05-14T09:00") }, viewer, s.fake.repos))).status).toBe(404);
    expect((await rejection(resolveEvent({ id: series.id, numInSeries: 5 }, viewer, s.fake.repos))).status).toBe(404);
    expect((await rejection(resolveEvent({ uuid: series.uuid, calendarId: s.calendar.id + 100 }, viewer, s.fake.repos))).status).toBe(404);
  });

  it("a busy event shows a guest its times only; a private one is 404", async () => {
    const s = scenario();
    const busy = await s.create({ title: "Doctor", location: "Clinic", visibility: "busy" }, s.member);
    const hidden = await s.create({ visibility: "private" }, s.member);
    const seen = await resolveEvent({ uuid: busy.event.uuid }, s.fake.viewer(s.guest.id), s.fake.repos);
    expect(seen.visible.access.see).toBe("busy");
    expect(seen.visible.event).toMatchObject({ title: "Busy", location: null, startsAt: busy.event.startsAt });
    expect((await rejection(resolveEvent({ uuid: hidden.event.uuid }, s.fake.viewer(s.guest.id), s.fake.repos))).status).toBe(404);
  });
});
