import { describe, expect, it } from "vitest";
import { ids, join, raw, render, sql } from "./sql.ts";

describe("render", () => {
  it("numbers PostgreSQL placeholders across nested pieces and casts instants; SQLite binds ISO text and 0/1", () => {
    const at = new Date("2026-03-01T00:00:00Z");
    const query = sql`SELECT * FROM events WHERE ${join([sql`calendar_id = ${7}`, sql`starts_at < ${at}`, sql`all_day = ${true}`], " AND ")}`;
    expect(render(query, "postgres")).toEqual({
      text: "SELECT * FROM events WHERE calendar_id = $1 AND starts_at < $2::timestamp AND all_day = $3",
      values: [7, "2026-03-01T00:00:00.000Z", true],
      fixed: true,
    });
    expect(render(query, "sqlite")).toEqual({ text: "SELECT * FROM events WHERE calendar_id = ? AND starts_at < ? AND all_day = ?", values: [7, "2026-03-01T00:00:00.000+00:00", 1], fixed: true });
  });

  it("a statement with an inlined id list is not fixed (its text differs per list, so it is not prepared by name)", () => {
    const query = sql`SELECT id FROM calendars WHERE id IN (${ids([3, 1, 2])}) AND name = ${"x"}`;
    expect(render(query, "postgres")).toEqual({ text: "SELECT id FROM calendars WHERE id IN (3,1,2) AND name = $1", values: ["x"], fixed: false });
    expect(render(sql`SELECT ${raw("1")} FROM calendars WHERE id IN (${ids([])})`, "postgres")).toEqual({ text: "SELECT 1 FROM calendars WHERE id IN (NULL)", values: [], fixed: false });
    expect(render(sql`SELECT ${raw("1")}`, "postgres").fixed).toBe(true);
  });
});
