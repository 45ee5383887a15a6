import { describe, expect, it } from "vitest";
import { rejection, scenario } from "../testing/scenario.ts";
import { listMembers } from "./list-members.ts";

describe("listMembers", () => {
  it("lists the members in joining order, paged, for a member; 404 for anyone else", async () => {
    const s = scenario();
    const { members, total } = await listMembers({ uuid: s.calendar.uuid }, s.guest.id, { limit: 2, offset: 1 }, s.fake.repos);
    expect(total).toBe(3);
    expect(members.map((m) => [m.user.id, m.role])).toEqual([
      [s.member.id, "member"],
      [s.guest.id, "guest"],
    ]);
    expect((await rejection(listMembers({ uuid: s.calendar.uuid }, s.outsider.id, { limit: 5, offset: 0 }, s.fake.repos))).status).toBe(404);
  });
});
