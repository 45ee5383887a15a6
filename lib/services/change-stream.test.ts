import { afterEach, describe, expect, it } from "vitest";
import type { CalendarRecord, UserRecord } from "../domain/types.ts";
import { decodeStreamId, openChangeStream } from "./change-stream.ts";
import { createEvent } from "./create-event.ts";
import { addMember } from "./members/add-member.ts";
import { removeMember } from "./members/remove-member.ts";
import { syncCalendar } from "./sync.ts";
import { at, scenario, type Scenario } from "./testing/scenario.ts";
import { updateEvent } from "./update-event.ts";

interface Frame {
  event: string;
  id: string | null;
  data: string;
}

/** Every frame the stream has sent so far, parsed (SSE text: `field: value` lines, a blank line after each frame). */
function parse(text: string): Frame[] {
  return text
    .split("\n\n")
    .filter(Boolean)
    .map((block) => {
      const fields = new Map(block.split("\n").map((line) => [line.slice(0, line.indexOf(": ")), line.slice(line.indexOf(": ") + 2)]));
      return { event: fields.get("event") ?? "", id: fields.get("id") ?? null, data: fields.get("data") ?? "" };
    });
}

/** Lets every queued frame go out (the fakes answer in microtasks). */
const settle = () => new Promise((resolve) => setImmediate(resolve));

const stops: (() => void)[] = [];
afterEach(() => stops.splice(0).forEach((stop) => stop()));

async function open(s: Scenario, who: UserRecord, lastEventId: string | null = null) {
  let text = "";
  const stop = await openChangeStream(who.id, lastEventId, (chunk) => void (text += chunk), s.fake.repos);
  stops.push(stop);
  return {
    stop,
    frames: async () => {
      await settle();
      return parse(text);
    },
    changes: async () => {
      await settle();
      return parse(text)
        .filter((f) => f.event === "change")
        .map((f) => JSON.parse(f.data) as { calendar_id: string; sync_token: string });
    },
  };
}

const add = (s: Scenario, calendar: CalendarRecord, who: UserRecord, title: string) =>
  createEvent(s.fake.viewer(who.id), s.fake.calendarAs(calendar.id, who.id), { title, startsAt: at("2030-05-06T09:00"), endsAt: at("2030-05-06T10:00") }, "scheduled", s.fake.repos);

const syncFrom = (s: Scenario, who: UserRecord, calendar: CalendarRecord, token: string) =>
  syncCalendar(s.fake.viewer(who.id), s.fake.calendarAs(calendar.id, who.id)!, token, { limit: 100, offset: 0 }, undefined, s.fake.repos);

describe("openChangeStream", () => {
  it("starts with a ready frame whose id names the version of every calendar the user is a member of", async () => {
    const s = scenario();
    await s.create({ title: "Before" });
    const own = s.fake.addCalendar(s.member.id);
    s.fake.addCalendar(s.outsider.id);
    const stream = await open(s, s.member);
    const frames = await stream.frames();
    expect(frames.map((f) => f.event)).toEqual(["ready"]);
    expect(decodeStreamId(frames[0]!.id)).toEqual(new Map([[s.calendar.id, s.fake.state.versions.get(s.calendar.id)], [own.id, 0]]));
  });

  it("reports a change to a calendar the user is a member of, with a token sync accepts; not one to a calendar they are not in", async () => {
    const s = scenario();
    const elsewhere = s.fake.addCalendar(s.outsider.id);
    const stream = await open(s, s.member);
    await add(s, elsewhere, s.outsider, "Not yours");
    expect(await stream.changes()).toEqual([]);
    const created = await s.create({ title: "Yours" });
    const changes = await stream.changes();
    expect(changes).toEqual([{ calendar_id: s.calendar.uuid, sync_token: expect.any(String) }]);
    // The token is the calendar's state after the change: nothing newer, until the next write.
    expect((await syncFrom(s, s.member, s.calendar, changes[0]!.sync_token)).items).toEqual([]);
    await updateEvent({ uuid: created.event.uuid }, s.fake.viewer(s.owner.id), { title: "Changed" }, undefined, undefined, s.fake.repos);
    expect((await syncFrom(s, s.member, s.calendar, changes[0]!.sync_token)).items).toEqual([expect.objectContaining({ kind: "event", visible: expect.objectContaining({ event: expect.objectContaining({ title: "Changed" }) }) })]);
  });

  it("joining a calendar starts its frames; leaving it stops them", async () => {
    const s = scenario();
    const stream = await open(s, s.outsider);
    await add(s, s.calendar, s.owner, "Before joining");
    expect(await stream.changes()).toEqual([]);
    await addMember({ id: s.calendar.id }, s.owner.id, s.outsider.uuid, "member", s.fake.repos);
    expect((await stream.changes()).map((c) => c.calendar_id)).toEqual([s.calendar.uuid]);
    await add(s, s.calendar, s.owner, "While a member");
    expect((await stream.changes()).map((c) => c.calendar_id)).toEqual([s.calendar.uuid, s.calendar.uuid]);
    await removeMember({ id: s.calendar.id }, s.outsider.id, s.outsider.uuid, s.fake.repos);
    await add(s, s.calendar, s.owner, "After leaving");
    expect(await stream.changes()).toHaveLength(2);
  });

  it("resumes from Last-Event-ID: one frame per calendar that moved on meanwhile, for none that did not, and no ready frame", async () => {
    const s = scenario();
    const quiet = s.fake.addCalendar(s.member.id);
    const first = await open(s, s.member);
    await s.create({ title: "Seen live" });
    const lastId = (await first.frames()).at(-1)!.id;
    first.stop();
    await s.create({ title: "Missed 1" });
    await s.create({ title: "Missed 2" });
    const resumed = await open(s, s.member, lastId);
    const frames = await resumed.frames();
    expect(frames.map((f) => f.event)).toEqual(["change"]);
    const { calendar_id, sync_token } = JSON.parse(frames[0]!.data) as { calendar_id: string; sync_token: string };
    expect(calendar_id).toBe(s.calendar.uuid);
    expect((await syncFrom(s, s.member, s.calendar, sync_token)).items).toEqual([]);
    // Its id carries on from there, the quiet calendar included.
    expect(decodeStreamId(frames[0]!.id)).toEqual(new Map([[s.calendar.id, s.fake.state.versions.get(s.calendar.id)], [quiet.id, 0]]));
  });

  it("a Last-Event-ID that is not one of ours starts afresh with a ready frame", async () => {
    const s = scenario();
    const stream = await open(s, s.member, "not:an:id!");
    expect((await stream.frames()).map((f) => f.event)).toEqual(["ready"]);
  });

  it("after the feed's connection drops, reconnecting catches up on the changes it missed", async () => {
    const s = scenario();
    const stream = await open(s, s.member);
    s.fake.changeFeedLost();
    await s.create({ title: "While the feed was down" });
    expect(await stream.changes()).toEqual([]);
    s.fake.changeFeedReconnected();
    const changes = await stream.changes();
    expect(changes.map((c) => c.calendar_id)).toEqual([s.calendar.uuid]);
    expect((await syncFrom(s, s.member, s.calendar, changes[0]!.sync_token)).items).toEqual([]);
  });

  it("stopping unsubscribes from the feed: nothing is sent afterwards", async () => {
    const s = scenario();
    const stream = await open(s, s.member);
    expect(s.fake.changeFeedSubscribers).toBe(1);
    stream.stop();
    expect(s.fake.changeFeedSubscribers).toBe(0);
    await s.create({ title: "After closing" });
    expect(await stream.changes()).toEqual([]);
  });
});
