import { describe, expect, it } from "vitest";
import { rejection, scenario } from "../testing/scenario.ts";
import { changeParticipant } from "./change-participant.ts";

describe("changeParticipant", () => {
  it("a participant answers their own RSVP", async () => {
    const s = scenario();
    const { event } = await s.create({ participantIds: [s.outsider.id] });
    const changed = await changeParticipant({ uuid: event.uuid }, s.fake.viewer(s.outsider.id), s.outsider.uuid, { rsvp: "accepted" }, s.fake.repos);
    expect(changed.rsvp).toBe("accepted");
    expect(s.fake.row(event.id)?.participants[0]?.rsvp).toBe("accepted");
  });

  it("403: not even the creator answers for someone else", async () => {
    const s = scenario();
    const { event } = await s.create({ participantIds: [s.outsider.id] });
    expect((await rejection(changeParticipant({ uuid: event.uuid }, s.fake.viewer(s.owner.id), s.outsider.uuid, { rsvp: "declined" }, s.fake.repos))).status).toBe(403);
    expect(s.fake.row(event.id)?.participants[0]?.rsvp).toBe("needs_action");
  });

  it("an editor changes roles; a plain participant may not (403); 404 for a non-participant", async () => {
    const s = scenario();
    const { event } = await s.create({ participantIds: [s.outsider.id, s.guest.id], defaultRole: "viewer" });
    expect((await changeParticipant({ uuid: event.uuid }, s.fake.viewer(s.owner.id), s.outsider.uuid, { role: "editor" }, s.fake.repos)).role).toBe("editor");
    expect((await rejection(changeParticipant({ uuid: event.uuid }, s.fake.viewer(s.guest.id), s.guest.uuid, { role: "editor" }, s.fake.repos))).status).toBe(403);
    expect((await rejection(changeParticipant({ uuid: event.uuid }, s.fake.viewer(s.owner.id), s.member.uuid, { role: "viewer" }, s.fake.repos))).status).toBe(404);
  });
});
