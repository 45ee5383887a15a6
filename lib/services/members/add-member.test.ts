import { describe, expect, it } from "vitest";
import { rejection, scenario } from "../testing/scenario.ts";
import { addMember } from "./add-member.ts";

describe("addMember", () => {
  it("an admin adds a member; the new member's view of the calendar is logged as an access change", async () => {
    const s = scenario();
    s.fake.addMember(s.calendar.id, s.member.id, "admin");
    const added = await addMember({ id: s.calendar.id }, s.member.id, s.outsider.uuid, "member", s.fake.repos);
    expect(added).toMatchObject({ role: "member", user: { id: s.outsider.id } });
    expect(s.fake.viewer(s.outsider.id).roles.get(s.calendar.id)).toBe("member");
    expect(s.fake.state.log.at(-1)).toMatchObject({ calendarId: s.calendar.id, kind: "access", userId: s.outsider.id });
  });

  it("403 for a plain member, and for an admin granting the owner role", async () => {
    const s = scenario();
    expect((await rejection(addMember({ id: s.calendar.id }, s.member.id, s.outsider.uuid, "member", s.fake.repos))).status).toBe(403);
    s.fake.addMember(s.calendar.id, s.member.id, "admin");
    expect((await rejection(addMember({ id: s.calendar.id }, s.member.id, s.outsider.uuid, "owner", s.fake.repos))).status).toBe(403);
    expect(s.fake.viewer(s.outsider.id).roles.has(s.calendar.id)).toBe(false);
  });

  it("409 for someone already a member; 404 for an unknown user or a calendar the actor is not in", async () => {
    const s = scenario();
    expect((await rejection(addMember({ id: s.calendar.id }, s.owner.id, s.member.uuid, "admin", s.fake.repos))).status).toBe(409);
    expect(s.fake.viewer(s.member.id).roles.get(s.calendar.id)).toBe("member");
    expect((await rejection(addMember({ id: s.calendar.id }, s.owner.id, "no-such-user", "member", s.fake.repos))).status).toBe(404);
    expect((await rejection(addMember({ id: s.calendar.id }, s.outsider.id, s.outsider.uuid, "member", s.fake.repos))).status).toBe(404);
  });
});
