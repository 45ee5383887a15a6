import { describe, expect, it } from "vitest";
import { inSlices } from "./slices.ts";

describe("inSlices", () => {
  it("sends a long id list in bounded slices, in order, and nothing for an empty one", async () => {
    const seen: number[][] = [];
    const ids = Array.from({ length: 25 }, (_, i) => i);
    const out = await inSlices(ids, async (slice) => (seen.push(slice), slice.map((n) => n * 2)), 10);
    expect(seen.map((s) => s.length)).toEqual([10, 10, 5]);
    expect(out).toEqual(ids.map((n) => n * 2));
    expect(await inSlices([], async () => [1])).toEqual([]);
  });
});
