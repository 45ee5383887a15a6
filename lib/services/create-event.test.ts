import { describe, expect, it } from "vitest";
import { createEvent } from "./create-event.ts";
import { at, rejection, scenario } from "./testing/scenario.ts";

describe("createEvent", () => {
  it("stores the event with the creator and answers it as the creator sees it", async () => {
    const s = scenario();
    const created = await s.create({ title: "Planning", location: "Room 1" }, s.member);
    expect(created.event).toMatchObject({ title: "Planning", location: "Room 1", creatorId: s.member.id, calendarId: s.calendar.id, sequence: 0 });
    expect(created.access).toEqual({ see: "full", write: true });
    expect(s.fake.row(created.event.id)?.title).toBe("Planning");
    expect(s.fake.state.log.at(-1)).toMatchObject({ calendarId: s.calendar.id, eventId: created.event.id, kind: "created" });
  });

  it("403 for a guest: creating needs the member role", async () => {
    const s = scenario();
    const error = await rejection(s.create({}, s.guest));
    expect(error.status).toBe(403);
    expect(s.fake.state.events.size).toBe(0);
  });

  it("404 for someone who is not a member of the calendar", async () => {
    const s = scenario();
    expect((await rejection(s.create({}, s.outsider))).status).toBe(404);
  });

  it("422 naming title, starts_at and ends_at at once when all three are missing, with the other problems", async () => {
    const s = scenario();
    const error = await rejection(createEvent(s.fake.viewer(s.owner.id), s.calendar, { timeZone: "Mars/Olympus" }, "scheduled", s.fake.repos));
    expect(error.status).toBe(422);
    expect(Object.keys(error.fields ?? {}).sort()).toEqual(["ends_at", "starts_at", "time_zone", "title"]);
  });

  it("422 when the end is before the start", async () => {
    const s = scenario();
    const error = await rejection(s.create({ startsAt: at("2030-05-06T10:00"), endsAt: at("2030-05-06T09:00") }));
    expect(error.status).toBe(422);
    expect(error.fields).toHaveProperty("ends_at");
  });

  it("403 READ_ONLY in a subscribed calendar", async () => {
    const s = scenario();
    s.fake.subscribe(s.calendar.id);
    const error = await rejection(s.create({}));
    expect(error.code).toBe("READ_ONLY");
  });

  it("422 for unknown participant ids; known ones are stored with the event's default role", async () => {
    const s = scenario();
    const error = await rejection(s.create({ participantIds: [s.guest.id, 9999] }));
    expect(error.fields?.participant_ids?.[0]).toContain("9999");
    const created = await s.create({ participantIds: [s.outsider.id], editorIds: [s.guest.id], defaultRole: "viewer" });
    expect(created.event.participants.map((p) => [p.userId, p.role, p.rsvp])).toEqual([
      [s.outsider.id, "viewer", "needs_action"],
      [s.guest.id, "editor", "needs_action"],
    ]);
  });

  it("gives the calendar's default reminders to an event that names none", async () => {
    const s = scenario();
    s.fake.state.calendars.get(s.calendar.id)!.defaultReminders = [10, 60];
    const calendar = s.fake.calendarAs(s.calendar.id, s.owner.id);
    const created = await createEvent(s.fake.viewer(s.owner.id), calendar, { title: "x", startsAt: at("2030-05-06T09:00"), endsAt: at("2030-05-06T10:00") }, "scheduled", s.fake.repos);
    expect(created.event.reminders).toEqual([10, 60]);
    expect((await s.create({ reminders: [] })).event.reminders).toEqual([]);
  });

  it("stores a series with its computed end", async () => {
    const s = scenario();
    const created = await s.create({ rrule: "FREQ=DAILY;COUNT=3" });
    expect(created.event.rrule).toBe("FREQ=DAILY;COUNT=3");
    expect(created.event.recurrenceEndsAt).toEqual(at("2030-05-08T09:30"));
  });
});
