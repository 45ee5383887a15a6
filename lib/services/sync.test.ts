import { describe, expect, it } from "vitest";
import type { UserRecord } from "../domain/types.ts";
import { deleteEvent } from "./delete-event.ts";
import { addMember } from "./members/add-member.ts";
import { changeMember } from "./members/change-member.ts";
import { issueSyncToken, syncCalendar, syncKey, type SyncItem } from "./sync.ts";
import { Fake } from "./testing/fakes.ts";
import { at, rejection, scenario, type Scenario } from "./testing/scenario.ts";
import { updateEvent } from "./update-event.ts";

/** One whole round as `who` (every page of `limit`): the items by key and the token of its last page. */
async function round(s: Scenario, who: UserRecord, token: string, limit = 100, options = { formerKeys: true }) {
  const items = new Map<string, SyncItem>();
  const pages: (string | null)[] = [];
  for (let offset = 0; ; offset += limit) {
    const page = await syncCalendar(s.fake.viewer(who.id), s.fake.calendarAs(s.calendar.id, who.id)!, token, { limit, offset }, options, s.fake.repos);
    for (const item of page.items) items.set(item.kind === "event" ? syncKey(item.visible.event) : item.key, item);
    pages.push(page.nextToken);
    if (offset + limit >= page.total) return { items, pages, next: page.nextToken! };
  }
}

const titles = (items: Map<string, SyncItem>) => [...items.values()].map((i) => (i.kind === "event" ? i.visible.event.title : `deleted ${i.key}`)).sort();

describe("syncCalendar – a full round", () => {
  it("pages through every stored event the caller may see; only the last page carries the next token", async () => {
    const s = scenario();
    for (const title of ["A", "B", "C", "D", "E"]) await s.create({ title });
    const full = await round(s, s.member, "", 2);
    expect(titles(full.items)).toEqual(["A", "B", "C", "D", "E"]);
    expect(full.pages).toEqual([null, null, expect.any(String)]);
    // Nothing happened since: the next round is empty and hands back a token again.
    const again = await round(s, s.member, full.next);
    expect(again.items.size).toBe(0);
    expect(again.next).toEqual(expect.any(String));
  });

  it("leaves out what the caller may not see and what is deleted", async () => {
    const s = scenario();
    await s.create({ title: "Open" });
    await s.create({ title: "Secret", visibility: "private" }, s.member);
    const gone = await s.create({ title: "Gone" });
    await deleteEvent({ uuid: gone.event.uuid }, s.fake.viewer(s.owner.id), undefined, undefined, s.fake.repos);
    expect(titles((await round(s, s.guest, "")).items)).toEqual(["Open"]);
    // The owner administers the calendar: a member's private event is theirs to see.
    expect(titles((await round(s, s.owner, "")).items)).toEqual(["Open", "Secret"]);
  });
});

describe("syncCalendar – a token round", () => {
  it("returns only what changed since the token: an edit in its current state, a deletion, a new event", async () => {
    const s = scenario();
    const owner = s.fake.viewer(s.owner.id);
    const [a, b] = [await s.create({ title: "A" }), await s.create({ title: "B" })];
    await s.create({ title: "Untouched" });
    const start = await round(s, s.member, "");
    await updateEvent({ uuid: a.event.uuid }, owner, { title: "A renamed" }, undefined, undefined, s.fake.repos);
    await deleteEvent({ uuid: b.event.uuid }, owner, undefined, undefined, s.fake.repos);
    await s.create({ title: "New" });
    const delta = await round(s, s.member, start.next);
    expect(titles(delta.items)).toEqual(["A renamed", "New", `deleted ${b.event.uuid}`]);
    expect(delta.items.get(b.event.uuid)).toEqual({ kind: "deleted", eventId: b.event.id, key: b.event.uuid });
    expect(delta.next).not.toBe(start.next);
    expect((await round(s, s.member, delta.next)).items.size).toBe(0);
  });

  it("pages a long delta too, the token only on its last page", async () => {
    const s = scenario();
    const start = await round(s, s.member, "");
    for (const title of ["A", "B", "C"]) await s.create({ title });
    const delta = await round(s, s.member, start.next, 2);
    expect(titles(delta.items)).toEqual(["A", "B", "C"]);
    expect(delta.pages).toEqual([null, expect.any(String)]);
  });

  it("an event the caller can no longer see arrives as a deletion", async () => {
    const s = scenario();
    const { event } = await s.create({ title: "Plans" });
    const [members, owners] = [await round(s, s.member, ""), await round(s, s.owner, "")];
    await updateEvent({ uuid: event.uuid }, s.fake.viewer(s.owner.id), { visibility: "private" }, undefined, undefined, s.fake.repos);
    expect([...(await round(s, s.member, members.next)).items.values()]).toEqual([{ kind: "deleted", eventId: event.id, key: event.uuid }]);
    // The owner still sees it, changed.
    expect([...(await round(s, s.owner, owners.next)).items.values()]).toEqual([expect.objectContaining({ kind: "event", visible: expect.objectContaining({ event: expect.objectContaining({ visibility: "private" }) }) })]);
  });

  it("a series carries its exdates; an override travels under its occurrence key", async () => {
    const s = scenario();
    const owner = s.fake.viewer(s.owner.id);
    const { event: series } = await s.create({ title: "Daily", rrule: "FREQ=DAILY;COUNT=10" });
    const start = await round(s, s.member, "");
    await updateEvent({ uuid: series.uuid, originalStart: at("2030-05-08T09:00") }, owner, { title: "Moved", startsAt: at("2030-05-08T11:00"), endsAt: at("2030-05-08T12:00") }, "this", undefined, s.fake.repos);
    await deleteEvent({ uuid: series.uuid, originalStart: at("2030-05-10T09:00") }, owner, "this", undefined, s.fake.repos);
    const delta = await round(s, s.member, start.next);
    const master = delta.items.get(series.uuid);
    expect(master).toMatchObject({ kind: "event", exdates: [at("2030-05-10T09:00")] });
    const override = delta.items.get(`${series.uuid}_20300508T090000Z`);
    expect(override).toMatchObject({ kind: "event", exdates: [], visible: { event: { title: "Moved", startsAt: at("2030-05-08T11:00") }, occurrence: { seriesUuid: series.uuid, originalStartsAt: at("2030-05-08T09:00") } } });
  });

  it("an override re-keyed by a moved series is deleted under its old key (unless the dialect keys overrides by id)", async () => {
    const s = scenario();
    const owner = s.fake.viewer(s.owner.id);
    const { event: series } = await s.create({ title: "Daily", rrule: "FREQ=DAILY;COUNT=5" });
    await updateEvent({ uuid: series.uuid, originalStart: at("2030-05-08T09:00") }, owner, { title: "Special" }, "this", undefined, s.fake.repos);
    const start = await round(s, s.member, "");
    expect(start.items.has(`${series.uuid}_20300508T090000Z`)).toBe(true);
    await updateEvent({ uuid: series.uuid }, owner, { startsAt: at("2030-05-06T10:00"), endsAt: at("2030-05-06T10:30") }, "all", undefined, s.fake.repos);
    const delta = await round(s, s.member, start.next);
    expect(delta.items.get(`${series.uuid}_20300508T090000Z`)).toEqual({ kind: "deleted", eventId: null, key: `${series.uuid}_20300508T090000Z` });
    expect(delta.items.get(`${series.uuid}_20300508T100000Z`)).toMatchObject({ kind: "event", visible: { event: { title: "Special" } } });
    const byId = await round(s, s.member, start.next, 100, { formerKeys: false });
    expect([...byId.items.values()].filter((i) => i.kind === "deleted")).toEqual([]);
  });
});

describe("syncCalendar – tokens it refuses (410 SYNC_TOKEN_EXPIRED: start a full round again)", () => {
  const expired = async (s: Scenario, who: UserRecord, token: string) => {
    const error = await rejection(syncCalendar(s.fake.viewer(who.id), s.fake.calendarAs(s.calendar.id, who.id)!, token, { limit: 10, offset: 0 }, undefined, s.fake.repos));
    expect([error.status, error.code]).toEqual([410, "SYNC_TOKEN_EXPIRED"]);
    return error.message;
  };

  it("malformed or forged ones, and one another server signed", async () => {
    const s = scenario();
    const token = (await round(s, s.owner, "")).next;
    const [payload, signature] = token.split(".") as [string, string];
    const otherVersion = Buffer.from(Buffer.from(payload, "base64url").toString().replace(/\d+$/, "999")).toString("base64url");
    for (const bad of ["nonsense", "a.b", "...", `${token}x`, `${token}.x`, `${otherVersion}.${signature}`]) expect(await expired(s, s.owner, bad)).toMatch(/not one this server issued/);
    const elsewhere = new Fake();
    expect(await expired(s, s.owner, await issueSyncToken(s.calendar.id, s.owner.id, 0, elsewhere.repos))).toMatch(/not one this server issued/);
  });

  it("another user's token, or one for another calendar", async () => {
    const s = scenario();
    const token = (await round(s, s.owner, "")).next;
    expect(await expired(s, s.member, token)).toMatch(/another calendar or user/);
    const second = s.fake.addCalendar(s.owner.id);
    const theirs = await syncCalendar(s.fake.viewer(s.owner.id), s.fake.calendarAs(second.id, s.owner.id)!, "", { limit: 10, offset: 0 }, undefined, s.fake.repos);
    expect(await expired(s, s.owner, theirs.nextToken!)).toMatch(/another calendar or user/);
  });

  it("one newer than the calendar's history, or older than the kept log", async () => {
    const s = scenario();
    await s.create({ title: "A" });
    const version = s.fake.state.versions.get(s.calendar.id)!;
    expect(await expired(s, s.owner, await issueSyncToken(s.calendar.id, s.owner.id, version + 1, s.fake.repos))).toMatch(/newer/);
    const token = (await round(s, s.owner, "")).next;
    await s.create({ title: "B" });
    await s.create({ title: "C" });
    s.fake.pruneLog(s.calendar.id, version + 1);
    expect(await expired(s, s.owner, token)).toMatch(/older than the kept change history/);
    // A token from after the pruned part still works.
    expect(titles((await round(s, s.owner, await issueSyncToken(s.calendar.id, s.owner.id, version + 1, s.fake.repos))).items)).toEqual(["C"]);
  });

  it("the caller's own access changed since: theirs expires, others' tokens do not", async () => {
    const s = scenario();
    const newcomer = s.fake.addUser("Nina");
    const members = await round(s, s.member, "");
    const owners = await round(s, s.owner, "");
    await changeMember({ id: s.calendar.id }, s.owner.id, s.member.uuid, "guest", s.fake.repos);
    await addMember({ id: s.calendar.id }, s.owner.id, newcomer.uuid, "member", s.fake.repos);
    expect(await expired(s, s.member, members.next)).toMatch(/your access to this calendar changed/);
    expect((await round(s, s.owner, owners.next)).items.size).toBe(0);
  });
});
