import { describe, expect, it } from "vitest";
import { rejection, scenario } from "../testing/scenario.ts";
import { removeParticipant } from "./remove-participant.ts";

describe("removeParticipant", () => {
  it("a participant may leave; a plain participant may not remove another (403)", async () => {
    const s = scenario();
    const { event } = await s.create({ participantIds: [s.outsider.id, s.guest.id], defaultRole: "viewer" });
    expect((await rejection(removeParticipant({ uuid: event.uuid }, s.fake.viewer(s.guest.id), s.outsider.uuid, s.fake.repos))).status).toBe(403);
    await removeParticipant({ uuid: event.uuid }, s.fake.viewer(s.outsider.id), s.outsider.uuid, s.fake.repos);
    expect(s.fake.row(event.id)?.participants.map((p) => p.userId)).toEqual([s.guest.id]);
  });

  it("404 when the user does not take part", async () => {
    const s = scenario();
    const { event } = await s.create({});
    expect((await rejection(removeParticipant({ uuid: event.uuid }, s.fake.viewer(s.owner.id), s.member.uuid, s.fake.repos))).status).toBe(404);
    expect(s.fake.row(event.id)?.sequence).toBe(0);
  });
});
