import { describe, expect, it } from "vitest";
import { matchesSearch, searchKey } from "./search.ts";

describe("searchKey", () => {
  it("leaves no LIKE wildcard or escape character in stored text or queries", () => {
    expect(searchKey("50% OFF_now \\o/")).not.toMatch(/[%_\\]/);
    expect(searchKey("Plain Words")).toBe("plain words");
  });

  it("matches % _ and \\ literally", () => {
    expect(matchesSearch("50% off", "%")).toBe(true);
    expect(matchesSearch("500 off", "%")).toBe(false);
    expect(matchesSearch("a_b", "a_b")).toBe(true);
    expect(matchesSearch("axb", "a_b")).toBe(false);
    expect(matchesSearch("back\\slash", "\\")).toBe(true);
    expect(matchesSearch("backslash", "\\")).toBe(false);
  });
});
