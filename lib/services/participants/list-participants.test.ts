import { describe, expect, it } from "vitest";
import { rejection, scenario } from "../testing/scenario.ts";
import { listParticipants } from "./list-participants.ts";

describe("listParticipants", () => {
  it("lists participants with their users for someone who sees the event in full; 404 for a busy block", async () => {
    const s = scenario();
    const { event } = await s.create({ participantIds: [s.outsider.id], editorIds: [s.guest.id], visibility: "busy", defaultRole: "viewer" });
    const list = await listParticipants({ uuid: event.uuid }, s.fake.viewer(s.outsider.id), s.fake.repos);
    expect(list.map((p) => [p.user.name, p.role, p.rsvp])).toEqual([
      ["Otto", "viewer", "needs_action"],
      ["Gina", "editor", "needs_action"],
    ]);
    expect((await rejection(listParticipants({ uuid: event.uuid }, s.fake.viewer(s.member.id), s.fake.repos))).status).toBe(404);
  });
});
