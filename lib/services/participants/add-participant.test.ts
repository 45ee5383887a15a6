import { describe, expect, it } from "vitest";
import { updateEvent } from "../update-event.ts";
import { at, rejection, scenario } from "../testing/scenario.ts";
import { addParticipant } from "./add-participant.ts";

describe("addParticipant", () => {
  it("the creator invites someone with the event's default role; the event's sequence moves on", async () => {
    const s = scenario();
    const { event } = await s.create({ defaultRole: "viewer" });
    const added = await addParticipant({ uuid: event.uuid }, s.fake.viewer(s.owner.id), s.outsider.uuid, undefined, undefined, s.fake.repos);
    expect(added).toMatchObject({ user: { id: s.outsider.id }, role: "viewer", rsvp: "needs_action" });
    expect(s.fake.row(event.id)).toMatchObject({ sequence: 1, participants: [{ userId: s.outsider.id, role: "viewer" }] });
  });

  it("403 when giving an RSVP for someone else; 403 for a viewer who may not change the event", async () => {
    const s = scenario();
    const { event } = await s.create({ visibility: "public" });
    expect((await rejection(addParticipant({ uuid: event.uuid }, s.fake.viewer(s.owner.id), s.outsider.uuid, undefined, "accepted", s.fake.repos))).status).toBe(403);
    expect((await rejection(addParticipant({ uuid: event.uuid }, s.fake.viewer(s.guest.id), s.outsider.uuid, undefined, undefined, s.fake.repos))).status).toBe(403);
    expect(s.fake.row(event.id)?.participants).toEqual([]);
  });

  it("409 for someone already taking part; 404 for a busy block (no participants to show)", async () => {
    const s = scenario();
    const { event } = await s.create({ participantIds: [s.member.id] });
    expect((await rejection(addParticipant({ uuid: event.uuid }, s.fake.viewer(s.owner.id), s.member.uuid, undefined, undefined, s.fake.repos))).status).toBe(409);
    const busy = await s.create({ visibility: "busy" }, s.member);
    expect((await rejection(addParticipant({ uuid: busy.event.uuid }, s.fake.viewer(s.guest.id), s.guest.uuid, undefined, undefined, s.fake.repos))).status).toBe(404);
  });

  it("a participant added to a series is added to its overrides too", async () => {
    const s = scenario();
    const { event: series } = await s.create({ rrule: "FREQ=WEEKLY;COUNT=3" });
    const viewer = s.fake.viewer(s.owner.id);
    const override = await updateEvent({ uuid: series.uuid, originalStart: at("2030-05-13T09:00") }, viewer, { title: "x" }, "this", undefined, s.fake.repos);
    await addParticipant({ uuid: series.uuid }, viewer, s.outsider.uuid, "editor", undefined, s.fake.repos);
    expect(s.fake.row(override.event.id)?.participants).toMatchObject([{ userId: s.outsider.id, role: "editor" }]);
  });
});
