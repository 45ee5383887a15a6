import { describe, expect, it } from "vitest";
import { rejection, scenario } from "../testing/scenario.ts";
import { removeMember } from "./remove-member.ts";

describe("removeMember", () => {
  it("anyone may leave; an owner removes others", async () => {
    const s = scenario();
    await removeMember({ id: s.calendar.id }, s.guest.id, s.guest.uuid, s.fake.repos);
    await removeMember({ id: s.calendar.id }, s.owner.id, s.member.uuid, s.fake.repos);
    expect([...s.fake.state.members.values()].map((m) => m.userId)).toEqual([s.owner.id]);
  });

  it("409: the last owner cannot leave; a second owner lets them", async () => {
    const s = scenario();
    expect((await rejection(removeMember({ id: s.calendar.id }, s.owner.id, s.owner.uuid, s.fake.repos))).status).toBe(409);
    s.fake.addMember(s.calendar.id, s.member.id, "owner");
    await removeMember({ id: s.calendar.id }, s.owner.id, s.owner.uuid, s.fake.repos);
    expect(s.fake.viewer(s.owner.id).roles.has(s.calendar.id)).toBe(false);
  });

  it("403 for a member removing someone else", async () => {
    const s = scenario();
    expect((await rejection(removeMember({ id: s.calendar.id }, s.member.id, s.guest.uuid, s.fake.repos))).status).toBe(403);
    expect(s.fake.viewer(s.guest.id).roles.get(s.calendar.id)).toBe("guest");
  });
});
