import { describe, expect, it } from "vitest";
import { rejection, scenario } from "../testing/scenario.ts";
import { changeMember } from "./change-member.ts";

describe("changeMember", () => {
  it("an owner makes a member owner, and may then step down", async () => {
    const s = scenario();
    expect((await changeMember({ id: s.calendar.id }, s.owner.id, s.member.uuid, "owner", s.fake.repos)).role).toBe("owner");
    expect((await changeMember({ id: s.calendar.id }, s.owner.id, s.owner.uuid, "member", s.fake.repos)).role).toBe("member");
  });

  it("422: the last owner cannot be demoted", async () => {
    const s = scenario();
    const error = await rejection(changeMember({ id: s.calendar.id }, s.owner.id, s.owner.uuid, "admin", s.fake.repos));
    expect(error.status).toBe(422);
    expect(error.fields).toHaveProperty("role");
    expect(s.fake.viewer(s.owner.id).roles.get(s.calendar.id)).toBe("owner");
  });

  it("403: an admin may not demote an owner; 404 for a user who is not a member", async () => {
    const s = scenario();
    s.fake.addMember(s.calendar.id, s.member.id, "admin");
    expect((await rejection(changeMember({ id: s.calendar.id }, s.member.id, s.owner.uuid, "member", s.fake.repos))).status).toBe(403);
    expect((await rejection(changeMember({ id: s.calendar.id }, s.owner.id, s.outsider.uuid, "member", s.fake.repos))).status).toBe(404);
  });
});
