import { describe, expect, it } from "vitest";
import { parseIcs } from "../ical/index.ts";
import { at, rejection, scenario, type Scenario } from "./testing/scenario.ts";
import { putIcalSeries, type StoredSeries } from "./write-ical-series.ts";

/** One UID's VEVENTs as CalDAV PUT hands them to the writer. */
function parsed(body: string) {
  const text = `BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n${body.trim().split("\n").join("\r\n")}\r\nEND:VCALENDAR\r\n`;
  const result = parseIcs(text, { calendarTimeZone: "UTC" });
  expect(result.failed).toEqual([]);
  expect(result.series).toHaveLength(1);
  return result.series[0]!;
}

const vevent = (uid: string, lines: string) => `BEGIN:VEVENT\nUID:${uid}\n${lines.trim()}\nEND:VEVENT`;
const master = (uid: string, extra = "") => vevent(uid, `DTSTART:20300506T090000Z\nDTEND:20300506T100000Z\nRRULE:FREQ=DAILY;COUNT=5\nSUMMARY:Daily\n${extra}`);
const override = (uid: string, day: string, title: string) => vevent(uid, `RECURRENCE-ID:203005${day}T090000Z\nDTSTART:203005${day}T110000Z\nDTEND:203005${day}T120000Z\nSUMMARY:${title}`);

/** What the writer is given for a stored UID: the master and its live overrides. */
async function storedOf(s: Scenario, masterId: number): Promise<StoredSeries> {
  const m = (await s.fake.repos.events.findById(masterId))!;
  return { master: m, overrides: (await s.fake.repos.events.findOverrides([masterId])).filter((o) => !o.deleted) };
}
const overridesOf = (s: Scenario, seriesId: number) => [...s.fake.state.events.values()].filter((e) => e.seriesId === seriesId).map((e) => ({ id: e.id, title: e.title, originalStartsAt: e.originalStartsAt, deleted: e.deleted }));

describe("putIcalSeries", () => {
  it("a new UID: stores the master with its EXDATEs and UID, the overrides with the series' audience, and the client's resource name", async () => {
    const s = scenario();
    const series = parsed(`${master("team-1", "EXDATE:20300508T090000Z\nSEQUENCE:3")}\n${override("team-1", "07", "Late")}`);
    const stored = await putIcalSeries({ calendar: s.calendar, creatorId: s.member.id, parsed: series, existing: null, davHref: "team.ics" }, s.fake.repos);
    expect(s.fake.row(stored.id)).toMatchObject({
      title: "Daily",
      rrule: "FREQ=DAILY;COUNT=5",
      exdates: [at("2030-05-08T09:00")],
      creatorId: s.member.id,
      icalUid: "team-1",
      ical: { icalSequence: 3, icalHash: series.hash, davHref: "team.ics" },
    });
    const [o] = [...s.fake.state.events.values()].filter((e) => e.seriesId === stored.id);
    expect(o).toMatchObject({ title: "Late", originalStartsAt: at("2030-05-07T09:00"), startsAt: at("2030-05-07T11:00"), exdates: [], stakeholder: stored.stakeholder, defaultRole: stored.defaultRole });
    expect(s.fake.state.log.map((c) => c.kind)).toEqual(["created", "created"]);
  });

  it("writing the UID again with another override set replaces the old set: matched by RECURRENCE-ID and updated, missing ones deleted, new ones added", async () => {
    const s = scenario();
    const first = parsed(`${master("team-1")}\n${override("team-1", "07", "Late")}\n${override("team-1", "08", "Later")}`);
    const stored = await putIcalSeries({ calendar: s.calendar, creatorId: s.owner.id, parsed: first, existing: null }, s.fake.repos);
    const [late, later] = overridesOf(s, stored.id);

    const second = parsed(`${master("team-1")}\n${override("team-1", "07", "Late (renamed)")}\n${override("team-1", "09", "New")}`);
    const again = await putIcalSeries({ calendar: s.calendar, creatorId: s.owner.id, parsed: second, existing: await storedOf(s, stored.id) }, s.fake.repos);
    expect(again.id).toBe(stored.id);
    expect(overridesOf(s, stored.id)).toEqual([
      { id: late!.id, title: "Late (renamed)", originalStartsAt: at("2030-05-07T09:00"), deleted: false },
      { id: later!.id, title: "Later", originalStartsAt: at("2030-05-08T09:00"), deleted: true },
      { id: expect.any(Number), title: "New", originalStartsAt: at("2030-05-09T09:00"), deleted: false },
    ]);
    // The master's columns did not change: it is not rewritten (its sequence stays for sync clients).
    expect(s.fake.row(stored.id)?.sequence).toBe(stored.sequence);
  });

  it("a series that stops recurring keeps no overrides", async () => {
    const s = scenario();
    const stored = await putIcalSeries({ calendar: s.calendar, creatorId: s.owner.id, parsed: parsed(`${master("team-1")}\n${override("team-1", "07", "Late")}`), existing: null }, s.fake.repos);
    const single = parsed(vevent("team-1", "DTSTART:20300506T090000Z\nDTEND:20300506T100000Z\nSUMMARY:Once"));
    await putIcalSeries({ calendar: s.calendar, creatorId: s.owner.id, parsed: single, existing: await storedOf(s, stored.id) }, s.fake.repos);
    expect(s.fake.row(stored.id)).toMatchObject({ title: "Once", rrule: null, exdates: [] });
    expect(overridesOf(s, stored.id).map((o) => o.deleted)).toEqual([true]);
  });

  it("the same data again writes nothing: no sequence bumped, nothing in the change log", async () => {
    const s = scenario();
    const series = parsed(`${master("team-1")}\n${override("team-1", "07", "Late")}`);
    const stored = await putIcalSeries({ calendar: s.calendar, creatorId: s.owner.id, parsed: series, existing: null }, s.fake.repos);
    const before = structuredClone(s.fake.state.events);
    const logged = s.fake.state.log.length;
    await putIcalSeries({ calendar: s.calendar, creatorId: s.owner.id, parsed: series, existing: await storedOf(s, stored.id) }, s.fake.repos);
    expect([...s.fake.state.events.values()].map((e) => e.sequence)).toEqual([...before.values()].map((e) => e.sequence));
    expect(s.fake.state.log).toHaveLength(logged);
  });

  it("our own event PUT back under its uuid: no separate UID is stored, and what iCalendar does not carry (audience, participants) stays", async () => {
    const s = scenario();
    const { event } = await s.create({ title: "Planning", stakeholder: "group", defaultRole: "viewer", editorIds: [s.member.id] });
    const body = parsed(vevent(event.uuid, "SEQUENCE:1\nDTSTART:20300506T090000Z\nDTEND:20300506T093000Z\nSUMMARY:Planning (moved)"));
    const stored = await putIcalSeries({ calendar: s.calendar, creatorId: s.owner.id, parsed: body, existing: await storedOf(s, event.id) }, s.fake.repos);
    expect(stored.id).toBe(event.id);
    expect(s.fake.row(event.id)).toMatchObject({ title: "Planning (moved)", icalUid: null, stakeholder: "group", defaultRole: "viewer", participants: [expect.objectContaining({ userId: s.member.id, role: "editor" })] });
  });

  it("a resource name is only set when given: an update without one keeps the client's name", async () => {
    const s = scenario();
    const stored = await putIcalSeries({ calendar: s.calendar, creatorId: s.owner.id, parsed: parsed(master("team-1")), existing: null, davHref: "mine.ics" }, s.fake.repos);
    await putIcalSeries({ calendar: s.calendar, creatorId: s.owner.id, parsed: parsed(master("team-1", "SEQUENCE:2")), existing: await storedOf(s, stored.id) }, s.fake.repos);
    expect(s.fake.row(stored.id)?.ical).toMatchObject({ icalSequence: 2, davHref: "mine.ics" });
  });

  it("a field our rules reject answers 422 and the transaction stores nothing, not even the master written before it", async () => {
    const s = scenario();
    const bad = parsed(`${master("team-1")}\n${vevent("team-1", "RECURRENCE-ID:20300507T090000Z\nDTSTART:18500507T110000Z\nDTEND:18500507T120000Z\nSUMMARY:Far")}`);
    const error = await rejection(putIcalSeries({ calendar: s.calendar, creatorId: s.owner.id, parsed: bad, existing: null }, s.fake.repos));
    expect(error).toMatchObject({ status: 422, code: "VALIDATION_ERROR", fields: { starts_at: [expect.stringContaining("between")] } });
    expect(s.fake.state.events.size).toBe(0);
    expect(s.fake.state.log).toEqual([]);
  });
});
