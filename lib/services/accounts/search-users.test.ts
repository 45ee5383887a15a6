import { describe, expect, it } from "vitest";
import { scenario } from "../testing/scenario.ts";
import { searchUsers } from "./search-users.ts";

describe("searchUsers", () => {
  it("finds people sharing a calendar with the caller, not others; a whole email address finds that one person too", async () => {
    const s = scenario();
    const names = async (q?: string) => (await searchUsers({ viewerId: s.guest.id, q, limit: 10, offset: 0 }, s.fake.repos)).users.map((u) => u.name);
    expect(await names()).toEqual(["Gina", "Max", "Olga"]);
    expect(await names("ma")).toEqual(["Max"]);
    expect(await names("otto")).toEqual([]);
    expect(await names(" OTTO@example.test ")).toEqual(["Otto"]);
  });
});
