import { describe, expect, it } from "vitest";
import { hashSecret } from "../domain/secret-hash.ts";
import { parseIcs } from "../ical/index.ts";
import { createEvent } from "./create-event.ts";
import { deleteEvent } from "./delete-event.ts";
import { createFeed, deleteFeed, exportCalendar, feedIcs } from "./ical-export.ts";
import { removeMember } from "./members/index.ts";
import { at, rejection, scenario, type Scenario } from "./testing/scenario.ts";
import { updateEvent } from "./update-event.ts";

const ORIGIN = "https://cal.example.test";
const weekly = { title: "Sync", rrule: "FREQ=WEEKLY;COUNT=4", startsAt: at("2030-05-06T09:00"), endsAt: at("2030-05-06T10:00") };
const secretOf = (url: string) => /\/feeds\/([^/]+)\.ics$/.exec(url)![1]!;
/** The VEVENT blocks of an export, unfolded. */
const vevents = (text: string) => text.replace(/\r\n[ \t]/g, "").match(/BEGIN:VEVENT[\s\S]*?END:VEVENT/g) ?? [];

/** A series with one moved occurrence and one cancelled, a busy-only event, a private one and a guest's. */
async function busyCalendar(s: Scenario) {
  const { event: series } = await s.create({ ...weekly, description: "Weekly sync" });
  const viewer = s.fake.viewer(s.owner.id);
  await updateEvent({ uuid: series.uuid, originalStart: at("2030-05-13T09:00") }, viewer, { title: "Sync (moved)", startsAt: at("2030-05-13T14:00"), endsAt: at("2030-05-13T15:00") }, "this", undefined, s.fake.repos);
  await deleteEvent({ uuid: series.uuid, originalStart: at("2030-05-20T09:00") }, viewer, "this", undefined, s.fake.repos);
  const { event: dentist } = await s.create({ title: "Dentist", location: "Main St", visibility: "busy", startsAt: at("2030-05-07T08:00"), endsAt: at("2030-05-07T09:00") });
  const { event: secret } = await s.create({ title: "Owner's secret", visibility: "private", startsAt: at("2030-05-08T08:00"), endsAt: at("2030-05-08T09:00") });
  return { series, dentist, secret };
}

describe("exportCalendar", () => {
  it("exports a series once with its EXDATE and its override under the same UID, as the owner sees them", async () => {
    const s = scenario();
    const { series } = await busyCalendar(s);
    const doc = await exportCalendar(s.calendar.uuid, s.owner.id, ORIGIN, s.fake.repos);
    const parsed = parseIcs(doc.text, { calendarTimeZone: "UTC" });
    const sync = parsed.series.find((x) => x.uid === series.uuid)!;
    expect(sync.master).toMatchObject({ title: "Sync", description: "Weekly sync", rrule: "FREQ=WEEKLY;COUNT=4", exdates: [at("2030-05-20T09:00")] });
    expect(sync.overrides).toHaveLength(1);
    expect(sync.overrides[0]).toMatchObject({ title: "Sync (moved)", recurrenceId: at("2030-05-13T09:00"), startsAt: at("2030-05-13T14:00") });
    expect(parsed.series.map((x) => x.master.title).sort()).toEqual(["Dentist", "Owner's secret", "Sync"]);
    const master = vevents(doc.text).find((v) => v.includes(`UID:${series.uuid}`) && v.includes("RRULE"))!;
    expect(master).toContain(`ORGANIZER;CN=Olga:mailto:${s.owner.email}`);
    expect(master).toContain(`URL:${ORIGIN}/api/v1/calendars/${s.calendar.uuid}/events/${series.uuid}`);
  });

  it("shows a member busy-only events as Busy and leaves out others' private events", async () => {
    const s = scenario();
    const { dentist } = await busyCalendar(s);
    const text = (await exportCalendar(s.calendar.uuid, s.member.id, ORIGIN, s.fake.repos)).text;
    const busy = vevents(text).find((v) => v.includes(`UID:${dentist.uuid}`))!;
    expect(busy).toContain("SUMMARY:Busy");
    expect(busy).toContain("CLASS:CONFIDENTIAL");
    expect(busy).not.toMatch(/Dentist|Main St|ORGANIZER|URL:/);
    expect(text).not.toContain("Owner's secret");
    expect(text).toContain("SUMMARY:Sync (moved)");
  });

  it("gives the same bytes and ETag for the same state, a new ETag after a change", async () => {
    const s = scenario();
    const { event } = await s.create({});
    const first = await exportCalendar(s.calendar.uuid, s.owner.id, ORIGIN, s.fake.repos);
    expect(await exportCalendar(s.calendar.uuid, s.owner.id, ORIGIN, s.fake.repos)).toEqual(first);
    await updateEvent({ uuid: event.uuid }, s.fake.viewer(s.owner.id), { title: "Retro" }, undefined, undefined, s.fake.repos);
    const second = await exportCalendar(s.calendar.uuid, s.owner.id, ORIGIN, s.fake.repos);
    expect(second.etag).not.toBe(first.etag);
    expect(second.text).toContain("SUMMARY:Retro");
  });

  it("leaves out deleted events and events of other calendars", async () => {
    const s = scenario();
    const { event } = await s.create({ title: "Gone" });
    await deleteEvent({ uuid: event.uuid }, s.fake.viewer(s.owner.id), undefined, undefined, s.fake.repos);
    const other = s.fake.addCalendar(s.owner.id, { name: "Elsewhere" });
    await s.create({ title: "Kept" });
    await createEvent(s.fake.viewer(s.owner.id), other, { title: "Other calendar", startsAt: at("2030-05-06T09:00"), endsAt: at("2030-05-06T10:00") }, "scheduled", s.fake.repos);
    const titles = parseIcs((await exportCalendar(s.calendar.uuid, s.owner.id, ORIGIN, s.fake.repos)).text, { calendarTimeZone: "UTC" }).series.map((x) => x.master.title);
    expect(titles).toEqual(["Kept"]);
  });

  it("404 for someone who is not a member", async () => {
    const s = scenario();
    await s.create({});
    expect((await rejection(exportCalendar(s.calendar.uuid, s.outsider.id, ORIGIN, s.fake.repos))).status).toBe(404);
  });
});

describe("private feeds", () => {
  it("a feed URL resolves without a session to what its owner may see, with a refresh interval", async () => {
    const s = scenario();
    await busyCalendar(s);
    const { url } = await createFeed(s.calendar.uuid, s.member.id, ORIGIN, s.fake.repos);
    expect(url).toMatch(/^https:\/\/cal\.example\.test\/feeds\/[A-Za-z0-9_-]{32}\.ics$/);
    const feed = await feedIcs(secretOf(url), ORIGIN, s.fake.repos);
    expect(feed.text).toContain("SUMMARY:Sync (moved)");
    expect(feed.text).not.toContain("Owner's secret");
    expect(feed.text).toMatch(/REFRESH-INTERVAL;VALUE=DURATION:PT60M/);
    const ownerFeed = await createFeed(s.calendar.uuid, s.owner.id, ORIGIN, s.fake.repos);
    expect((await feedIcs(secretOf(ownerFeed.url), ORIGIN, s.fake.repos)).text).toContain("Owner's secret");
  });

  it("stores one feed per user and calendar, by the secret's hash only; posting again rotates it", async () => {
    const s = scenario();
    const first = secretOf((await createFeed(s.calendar.uuid, s.member.id, ORIGIN, s.fake.repos)).url);
    expect([...s.fake.state.feeds]).toEqual([[hashSecret(first), { calendarId: s.calendar.id, userId: s.member.id }]]);
    const second = secretOf((await createFeed(s.calendar.uuid, s.member.id, ORIGIN, s.fake.repos)).url);
    expect(second).not.toBe(first);
    expect(s.fake.state.feeds.size).toBe(1);
    expect((await rejection(feedIcs(first, ORIGIN, s.fake.repos))).status).toBe(404);
    expect((await feedIcs(second, ORIGIN, s.fake.repos)).text).toContain("BEGIN:VCALENDAR");
  });

  it("a revoked, unknown or malformed secret resolves to nothing", async () => {
    const s = scenario();
    const secret = secretOf((await createFeed(s.calendar.uuid, s.member.id, ORIGIN, s.fake.repos)).url);
    await deleteFeed(s.calendar.uuid, s.member.id, s.fake.repos);
    expect(s.fake.state.feeds.size).toBe(0);
    for (const bad of [secret, "not-a-real-secret-at-all", "short", "../../etc/passwd"]) {
      expect((await rejection(feedIcs(bad, ORIGIN, s.fake.repos))).status, bad).toBe(404);
    }
  });

  it("a feed stops resolving when its owner leaves the calendar", async () => {
    const s = scenario();
    const secret = secretOf((await createFeed(s.calendar.uuid, s.member.id, ORIGIN, s.fake.repos)).url);
    await removeMember({ uuid: s.calendar.uuid }, s.member.id, s.member.uuid, s.fake.repos);
    expect((await rejection(feedIcs(secret, ORIGIN, s.fake.repos))).status).toBe(404);
  });

  it("404 when a non-member asks for a feed of the calendar", async () => {
    const s = scenario();
    expect((await rejection(createFeed(s.calendar.uuid, s.outsider.id, ORIGIN, s.fake.repos))).status).toBe(404);
    expect(s.fake.state.feeds.size).toBe(0);
  });
});
