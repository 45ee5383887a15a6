import { describe, expect, it } from "vitest";
import { alignedStart, buildRRule, describeRecurrence, emptyRecurrence, nthWeekday, parseRecurrence, validateRecurrence, type RecurrenceState } from "./recurrence-rule.ts";

const anchor = { startDate: "2026-11-10", zone: "Europe/Berlin", allDay: false }; // a Tuesday, the 2nd of the month

function custom(patch: Partial<RecurrenceState["custom"]>): RecurrenceState {
  const base = emptyRecurrence(anchor.startDate);
  return { ...base, preset: "custom", custom: { ...base.custom, ...patch } };
}

describe("recurrence editor ↔ RRULE", () => {
  it("knows which weekday of the month a date is", () => {
    expect(nthWeekday("2026-11-10")).toEqual({ n: 2, weekday: "TU", isLast: false });
    expect(nthWeekday("2026-11-27")).toEqual({ n: 4, weekday: "FR", isLast: true });
  });

  it("builds presets", () => {
    const base = emptyRecurrence(anchor.startDate);
    expect(buildRRule(base, anchor)).toBeNull();
    expect(buildRRule({ ...base, preset: "weekdays" }, anchor)).toBe("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR");
    expect(buildRRule({ ...base, preset: "monthly" }, anchor)).toBe("FREQ=MONTHLY");
  });

  it("builds custom rules", () => {
    expect(buildRRule(custom({ freq: "WEEKLY", interval: 2, byDay: ["TH", "TU"] }), anchor)).toBe("FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH");
    expect(buildRRule(custom({ freq: "MONTHLY", monthlyBy: "nth" }), anchor)).toBe("FREQ=MONTHLY;BYDAY=2TU");
    expect(buildRRule(custom({ freq: "MONTHLY", monthlyBy: "last", ends: "after", count: 5 }), anchor)).toBe("FREQ=MONTHLY;BYDAY=-1TU;COUNT=5");
    expect(buildRRule(custom({ freq: "DAILY", interval: 3, ends: "on", until: "2026-12-31" }), anchor)).toBe("FREQ=DAILY;INTERVAL=3;UNTIL=20261231T225959Z");
    expect(buildRRule(custom({ freq: "YEARLY", ends: "on", until: "2030-11-10" }), { ...anchor, allDay: true })).toBe("FREQ=YEARLY;UNTIL=20301110");
  });

  it("reads back what it wrote", () => {
    for (const state of [
      custom({ freq: "WEEKLY", interval: 2, byDay: ["TU", "TH"] }),
      custom({ freq: "MONTHLY", monthlyBy: "nth", ends: "after", count: 7 }),
      custom({ freq: "DAILY", interval: 3, ends: "on", until: "2026-12-31" }),
    ]) {
      const rule = buildRRule(state, anchor);
      expect(buildRRule(parseRecurrence(rule, anchor), anchor)).toBe(rule);
    }
    expect(parseRecurrence("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", anchor).preset).toBe("weekdays");
    expect(parseRecurrence("FREQ=DAILY", anchor).preset).toBe("daily");
  });

  it("keeps rules it cannot show", () => {
    const state = parseRecurrence("FREQ=MONTHLY;BYDAY=MO,TU;BYSETPOS=-1", anchor);
    expect(state.unsupported).toBe("FREQ=MONTHLY;BYDAY=MO,TU;BYSETPOS=-1");
    expect(buildRRule(state, anchor)).toBe("FREQ=MONTHLY;BYDAY=MO,TU;BYSETPOS=-1");
  });

  it("describes rules", () => {
    expect(describeRecurrence("FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH;COUNT=4", anchor)).toBe("Every 2 weeks on Tuesday, Thursday, 4 times");
    expect(describeRecurrence("FREQ=MONTHLY;BYDAY=-1TU", { ...anchor, startDate: "2026-11-24" })).toBe("Every month on the last Tuesday");
  });
});

describe("editor checks on save", () => {
  it("accepts whole numbers in range and names the field that is empty or out of range", () => {
    expect(validateRecurrence(custom({ interval: 10, ends: "after", count: 10 }))).toEqual([]);
    expect(validateRecurrence(custom({ interval: NaN }))).toEqual([expect.stringContaining("Repeat every")]);
    expect(validateRecurrence(custom({ interval: 1.5 }))).toHaveLength(1);
    expect(validateRecurrence(custom({ interval: 1000 }))).toHaveLength(1);
    expect(validateRecurrence(custom({ ends: "after", count: NaN }))).toEqual([expect.stringContaining("occurrences")]);
    // An empty count does not matter when the series does not end after N.
    expect(validateRecurrence(custom({ ends: "never", count: NaN }))).toEqual([]);
    expect(validateRecurrence({ ...custom({ interval: NaN }), preset: "daily" })).toEqual([]);
  });

  it("moves a weekly start to the first chosen day when its own weekday is not chosen", () => {
    // 2026-11-10 is a Tuesday.
    expect(alignedStart(custom({ freq: "WEEKLY", byDay: ["TU", "TH"] }), "2026-11-10")).toBeNull();
    expect(alignedStart(custom({ freq: "WEEKLY", byDay: ["TH"] }), "2026-11-10")).toBe("2026-11-12");
    expect(alignedStart(custom({ freq: "WEEKLY", byDay: ["MO"] }), "2026-11-10")).toBe("2026-11-16");
    expect(alignedStart({ ...emptyRecurrence("2026-11-14"), preset: "weekdays" }, "2026-11-14")).toBe("2026-11-16");
    expect(alignedStart(custom({ freq: "MONTHLY" }), "2026-11-10")).toBeNull();
  });
});
