import { describe, expect, it } from "vitest";
import { calendarForEvents, createCalendar, deleteCalendar, getCalendar, listCalendars, updateCalendar } from "./manage-calendars.ts";
import { rejection, scenario } from "./testing/scenario.ts";

describe("calendars", () => {
  it("createCalendar: the creator becomes owner, defaults fill in, the CalDAV name is kept, the owner's stream learns of it", async () => {
    const s = scenario();
    const created = await createCalendar(s.outsider.id, { name: "  Home  " }, "Europe/Berlin", "home-dav", s.fake.repos);
    expect(created).toMatchObject({ name: "Home", role: "owner", color: "#3b82f6", timeZone: "Europe/Berlin", defaultReminders: [] });
    expect(s.fake.state.calendars.get(created.id)?.davName).toBe("home-dav");
    expect(s.fake.state.log.at(-1)).toMatchObject({ calendarId: created.id, kind: "access", userId: s.outsider.id });
  });

  it("createCalendar: 422 naming every bad field at once, nothing stored", async () => {
    const s = scenario();
    const error = await rejection(createCalendar(s.outsider.id, { color: "blue", timeZone: "Nowhere/Land", defaultReminders: [-5] }, "UTC", undefined, s.fake.repos));
    expect(Object.keys(error.fields ?? {}).sort()).toEqual(["color", "default_reminders", "name", "time_zone"]);
    expect(s.fake.state.calendars.size).toBe(1);
  });

  it("getCalendar / listCalendars: members only (404 for others), with the caller's role", async () => {
    const s = scenario();
    expect((await getCalendar({ uuid: s.calendar.uuid }, s.guest.id, s.fake.repos)).role).toBe("guest");
    expect((await rejection(getCalendar({ uuid: s.calendar.uuid }, s.outsider.id, s.fake.repos))).status).toBe(404);
    expect((await listCalendars(s.outsider.id, { limit: 10, offset: 0 }, s.fake.repos)).total).toBe(0);
    expect((await listCalendars(s.member.id, { limit: 10, offset: 0 }, s.fake.repos)).calendars.map((c) => c.id)).toEqual([s.calendar.id]);
  });

  it("calendarForEvents: a non-member reaches a known calendar (the events decide); an unknown one is 404", async () => {
    const s = scenario();
    expect((await calendarForEvents(s.calendar.uuid, s.outsider.id, s.fake.repos)).role).toBeNull();
    expect((await rejection(calendarForEvents("nope", s.outsider.id, s.fake.repos))).status).toBe(404);
  });

  it("updateCalendar: admins and owners only (403 for a member); the change is logged", async () => {
    const s = scenario();
    expect((await rejection(updateCalendar({ id: s.calendar.id }, s.member.id, { name: "Mine" }, s.fake.repos))).status).toBe(403);
    const updated = await updateCalendar({ id: s.calendar.id }, s.owner.id, { name: " Ops ", color: "#000000" }, s.fake.repos);
    expect(updated).toMatchObject({ name: "Ops", color: "#000000" });
    expect(s.fake.state.log.at(-1)).toMatchObject({ calendarId: s.calendar.id, kind: "calendar" });
  });

  it("deleteCalendar: owners only (403 for an admin); the calendar and its events go", async () => {
    const s = scenario();
    await s.create({});
    s.fake.addMember(s.calendar.id, s.member.id, "admin");
    expect((await rejection(deleteCalendar({ id: s.calendar.id }, s.member.id, s.fake.repos))).status).toBe(403);
    await deleteCalendar({ id: s.calendar.id }, s.owner.id, s.fake.repos);
    expect(s.fake.state.calendars.has(s.calendar.id)).toBe(false);
    expect(s.fake.state.events.size).toBe(0);
  });
});
