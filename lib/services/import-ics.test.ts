import { describe, expect, it } from "vitest";
import { importIcs, importIntoCalendar } from "./import-ics.ts";
import { at, rejection, scenario, type Scenario } from "./testing/scenario.ts";

const ics = (body: string) => `BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n${body.trim().split("\n").join("\r\n")}\r\nEND:VCALENDAR\r\n`;

// A weekly series (one occurrence excluded, one moved and renamed) and a single event.
const TEAM = ics(`
BEGIN:VEVENT
UID:weekly-1
DTSTART:20300506T090000Z
DTEND:20300506T100000Z
RRULE:FREQ=WEEKLY;COUNT=4
EXDATE:20300513T090000Z
SUMMARY:Weekly
END:VEVENT
BEGIN:VEVENT
UID:weekly-1
RECURRENCE-ID:20300520T090000Z
DTSTART:20300520T140000Z
DTEND:20300520T150000Z
SUMMARY:Weekly (moved)
END:VEVENT
BEGIN:VEVENT
UID:single-1
DTSTART:20300507T120000Z
DTEND:20300507T130000Z
SUMMARY:Lunch
LOCATION:Canteen
END:VEVENT`);

const live = (s: Scenario) => structuredClone([...s.fake.state.events.values()].filter((e) => !e.deleted));
const byUid = (s: Scenario, uid: string) => live(s).find((e) => e.icalUid === uid && e.seriesId === null)!;
const overridesOf = (s: Scenario, seriesId: number) => live(s).filter((e) => e.seriesId === seriesId);
const into = (s: Scenario, icsFeedId: number | null = null) => ({ calendar: s.calendar, creatorId: s.member.id, icsFeedId });

describe("importIcs", () => {
  it("creates series with their overrides and EXDATEs and single events, counted per UID, with their UIDs", async () => {
    const s = scenario();
    const summary = await importIcs(TEAM, into(s), s.fake.repos);
    expect(summary).toMatchObject({ created: 2, updated: 0, unchanged: 0, deleted: 0, failed: [] });
    const series = byUid(s, "weekly-1");
    expect(series).toMatchObject({ title: "Weekly", rrule: "FREQ=WEEKLY;COUNT=4", startsAt: at("2030-05-06T09:00"), exdates: [at("2030-05-13T09:00")], creatorId: s.member.id, icsFeedId: null });
    expect(overridesOf(s, series.id)).toEqual([
      expect.objectContaining({ title: "Weekly (moved)", originalStartsAt: at("2030-05-20T09:00"), startsAt: at("2030-05-20T14:00"), seriesUuid: series.uuid }),
    ]);
    expect(byUid(s, "single-1")).toMatchObject({ title: "Lunch", location: "Canteen", rrule: null, exdates: [] });
    expect(live(s)).toHaveLength(3);
    // Every row the import wrote is in the change feed.
    expect(s.fake.state.log.filter((c) => c.kind === "created").map((c) => c.eventId).sort()).toEqual(live(s).map((e) => e.id).sort());
  });

  it("importing the same file again changes nothing: every UID unchanged, no row rewritten, nothing logged", async () => {
    const s = scenario();
    await importIcs(TEAM, into(s), s.fake.repos);
    const before = structuredClone(s.fake.state.events);
    const logged = s.fake.state.log.length;
    expect(await importIcs(TEAM, into(s), s.fake.repos)).toMatchObject({ created: 0, updated: 0, unchanged: 2, failed: [] });
    expect(s.fake.state.events).toEqual(before);
    expect(s.fake.state.log).toHaveLength(logged);
  });

  it("a changed VEVENT with a newer SEQUENCE updates the stored rows in place (overrides matched by RECURRENCE-ID); an older SEQUENCE is ignored", async () => {
    const s = scenario();
    await importIcs(TEAM, into(s), s.fake.repos);
    const series = byUid(s, "weekly-1");
    const [moved] = overridesOf(s, series.id);
    const newer = ics(`
BEGIN:VEVENT
UID:weekly-1
SEQUENCE:2
DTSTART:20300506T090000Z
DTEND:20300506T103000Z
RRULE:FREQ=WEEKLY;COUNT=4
SUMMARY:Weekly (longer)
END:VEVENT
BEGIN:VEVENT
UID:weekly-1
SEQUENCE:2
RECURRENCE-ID:20300520T090000Z
DTSTART:20300520T150000Z
DTEND:20300520T160000Z
SUMMARY:Weekly (moved again)
END:VEVENT`);
    expect(await importIcs(newer, into(s), s.fake.repos)).toMatchObject({ created: 0, updated: 1, unchanged: 0 });
    expect(s.fake.row(series.id)).toMatchObject({ title: "Weekly (longer)", endsAt: at("2030-05-06T10:30"), exdates: [], icalUid: "weekly-1", sequence: series.sequence + 1 });
    expect(s.fake.row(moved!.id)).toMatchObject({ deleted: false, title: "Weekly (moved again)", startsAt: at("2030-05-20T15:00") });
    expect(live(s)).toHaveLength(3);

    const older = newer.replaceAll("SEQUENCE:2", "SEQUENCE:1").replaceAll("(longer)", "(stale)");
    expect(await importIcs(older, into(s), s.fake.repos)).toMatchObject({ created: 0, updated: 0, unchanged: 1 });
    expect(s.fake.row(series.id)?.title).toBe("Weekly (longer)");
  });

  it("a VEVENT that cannot be read (no DTSTART) or stored (out of range) is reported by UID; the rest of the file is imported", async () => {
    const s = scenario();
    const text = ics(`
BEGIN:VEVENT
UID:no-start
SUMMARY:No start at all
END:VEVENT
BEGIN:VEVENT
UID:out-of-range
DTSTART:18500508T090000Z
DTEND:18500508T100000Z
SUMMARY:Far away
END:VEVENT
BEGIN:VEVENT
UID:fine
DTSTART:20300509T090000Z
DTEND:20300509T100000Z
SUMMARY:Fine
END:VEVENT`);
    const summary = await importIcs(text, into(s), s.fake.repos);
    expect(summary.created).toBe(1);
    expect(summary.failed).toEqual([
      { uid: "no-start", reason: expect.stringContaining("DTSTART") },
      { uid: "out-of-range", reason: expect.stringMatching(/^starts_at: must be/) },
    ]);
    expect(live(s).map((e) => e.icalUid)).toEqual(["fine"]);
  });

  it("our own event brought back with its uuid as UID: unchanged at the same SEQUENCE, updated at a newer one, keeping its identity", async () => {
    const s = scenario();
    const { event } = await s.create({ title: "Ours", startsAt: at("2030-05-06T09:00"), endsAt: at("2030-05-06T09:30") });
    const text = (sequence: number, title: string) =>
      ics(`
BEGIN:VEVENT
UID:${event.uuid}
SEQUENCE:${sequence}
DTSTART:20300506T090000Z
DTEND:20300506T093000Z
SUMMARY:${title}
END:VEVENT`);
    expect(await importIcs(text(0, "Ours (exported)"), into(s), s.fake.repos)).toMatchObject({ created: 0, updated: 0, unchanged: 1 });
    expect(s.fake.row(event.id)?.title).toBe("Ours");
    expect(await importIcs(text(1, "Ours (edited elsewhere)"), into(s), s.fake.repos)).toMatchObject({ created: 0, updated: 1 });
    expect(s.fake.row(event.id)).toMatchObject({ title: "Ours (edited elsewhere)", icalUid: null });
    expect(live(s)).toHaveLength(1);
  });

  it("a subscription's feed is the whole truth: rows carry the feed's id, UIDs that left it are removed for good, a UID that failed is kept", async () => {
    const s = scenario();
    const feedId = 77;
    await importIcs(TEAM, into(s, feedId), s.fake.repos);
    expect(live(s).every((e) => e.icsFeedId === feedId)).toBe(true);
    const series = byUid(s, "weekly-1");
    const single = byUid(s, "single-1");
    const seriesRows = [series.id, ...overridesOf(s, series.id).map((o) => o.id)];
    // weekly-1 disappears; single-1 is now broken (no DTSTART): kept as it was, reported.
    const next = ics(`
BEGIN:VEVENT
UID:single-1
SUMMARY:Lunch
END:VEVENT
BEGIN:VEVENT
UID:new-1
DTSTART:20300510T090000Z
DTEND:20300510T100000Z
SUMMARY:New
END:VEVENT`);
    const summary = await importIcs(next, into(s, feedId), s.fake.repos);
    expect(summary).toMatchObject({ created: 1, deleted: 1, failed: [{ uid: "single-1", reason: expect.stringContaining("DTSTART") }] });
    for (const id of seriesRows) expect(s.fake.row(id)).toBeUndefined();
    expect(s.fake.state.events.size).toBe(2);
    expect(s.fake.row(single.id)?.title).toBe("Lunch");
    expect(s.fake.state.log.filter((c) => c.kind === "deleted").map((c) => c.eventId)).toEqual(seriesRows);
    expect(byUid(s, "new-1").icsFeedId).toBe(feedId);
  });

  it("a subscription refresh that updates a series stamps the rows the series writer added with the feed's id", async () => {
    const s = scenario();
    const feedId = 78;
    await importIcs(TEAM, into(s, feedId), s.fake.repos);
    const series = byUid(s, "weekly-1");
    const withNewOverride = TEAM.replace("END:VCALENDAR", "BEGIN:VEVENT\r\nUID:weekly-1\r\nRECURRENCE-ID:20300527T090000Z\r\nDTSTART:20300527T080000Z\r\nDTEND:20300527T090000Z\r\nSUMMARY:Early\r\nEND:VEVENT\r\nEND:VCALENDAR");
    expect(await importIcs(withNewOverride, into(s, feedId), s.fake.repos)).toMatchObject({ updated: 1, unchanged: 1 });
    const added = overridesOf(s, series.id).find((o) => o.title === "Early");
    expect(added).toMatchObject({ originalStartsAt: at("2030-05-27T09:00"), icsFeedId: feedId });
  });
});

describe("importIntoCalendar", () => {
  it("members and above import; a guest gets 403, an outsider 404, a subscribed calendar 403 READ_ONLY — and nothing is stored", async () => {
    const s = scenario();
    expect((await importIntoCalendar(s.calendar.uuid, s.member.id, TEAM, s.fake.repos)).created).toBe(2);
    const count = s.fake.state.events.size;
    expect((await rejection(importIntoCalendar(s.calendar.uuid, s.guest.id, TEAM, s.fake.repos))).status).toBe(403);
    expect((await rejection(importIntoCalendar(s.calendar.uuid, s.outsider.id, TEAM, s.fake.repos))).status).toBe(404);
    s.fake.subscribe(s.calendar.id);
    expect(await rejection(importIntoCalendar(s.calendar.uuid, s.owner.id, TEAM.replaceAll("weekly-1", "other"), s.fake.repos))).toMatchObject({ status: 403, code: "READ_ONLY" });
    expect(s.fake.state.events.size).toBe(count);
  });
});
