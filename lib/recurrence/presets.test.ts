import { describe, expect, test } from "vitest";
import {
  RecurrenceRuleError,
  formatRRule,
  konaToRule,
  parseRRule,
  presetToRule,
  ruleToKona,
  ruleToPreset,
  type KonaRecurrenceInput,
} from "./index.ts";

describe("SweetDate presets", () => {
  test.each(["daily", "weekly", "monthly", "yearly"] as const)("%s round-trips", (preset) => {
    const rule = presetToRule(preset, new Date("2025-08-21T09:00:00Z"), "Europe/Berlin");
    expect(formatRRule(rule)).toBe(`FREQ=${preset.toUpperCase()}`);
    expect(ruleToPreset(rule)).toBe(preset);
  });

  test("a richer rule shows its FREQ; no rule is none", () => {
    expect(ruleToPreset(parseRRule("FREQ=MONTHLY;INTERVAL=2;BYDAY=-1FR"))).toBe("monthly");
    expect(ruleToPreset(null)).toBe("none");
  });
});

describe("Kona fields -> rule", () => {
  const until = new Date("2025-12-31T23:59:59Z");
  test.each<[KonaRecurrenceInput, string | null]>([
    [{ period: 0 }, null],
    [{ period: 1 }, "FREQ=DAILY"],
    [{ period: 1, frequency: 0 }, "FREQ=DAILY"],
    [{ period: 1, frequency: 3 }, "FREQ=DAILY;INTERVAL=3"],
    [{ period: 2, frequency: 2, selDays: [1, 3] }, "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE"],
    [{ period: 2, selDays: 0 }, "FREQ=WEEKLY;BYDAY=SU"],
    [{ period: 2, selDays: [6, 0] }, "FREQ=WEEKLY;BYDAY=SA,SU"],
    [{ period: 2, selDays: [] }, "FREQ=WEEKLY"],
    [{ period: 3, selDays: 2 }, "FREQ=MONTHLY"],
    [{ period: 4, seriesEndAt: until }, "FREQ=YEARLY;UNTIL=20251231T235959Z"],
    [{ period: 5 }, "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"],
    [{ period: 5, frequency: 2, selDays: [0] }, "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TU,WE,TH,FR"],
  ])("%j -> %s", (input, expected) => {
    const rule = konaToRule(input);
    expect(rule === null ? null : formatRRule(rule)).toBe(expected);
  });

  test.each<[KonaRecurrenceInput, string]>([
    [{ period: 6 }, "FREQ"],
    [{ period: 1.5 }, "FREQ"],
    [{ period: 1, frequency: -1 }, "INTERVAL"],
    [{ period: 2, selDays: [7] }, "BYDAY"],
    [{ period: 2, selDays: [-1] }, "BYDAY"],
    [{ period: 1, seriesEndAt: new Date(NaN) }, "UNTIL"],
  ])("rejects %j naming %s", (input, part) => {
    expect(() => konaToRule(input)).toThrow(RecurrenceRuleError);
    try {
      konaToRule(input);
    } catch (e) {
      expect((e as RecurrenceRuleError).part).toBe(part);
    }
  });
});

describe("rule -> Kona fields", () => {
  test.each([
    ["FREQ=DAILY", { period: 1, frequency: 1, sel_days: null, series_end_at: null, exact: true }],
    ["FREQ=WEEKLY;INTERVAL=3;BYDAY=SU,MO", { period: 2, frequency: 3, sel_days: [0, 1], series_end_at: null, exact: true }],
    ["FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", { period: 5, frequency: 1, sel_days: null, series_end_at: null, exact: true }],
    ["FREQ=MONTHLY;UNTIL=20250821T090000Z", { period: 3, frequency: 1, sel_days: null, series_end_at: new Date("2025-08-21T09:00:00Z"), exact: true }],
    ["FREQ=YEARLY", { period: 4, frequency: 1, sel_days: null, series_end_at: null, exact: true }],
    ["FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR", { period: 5, frequency: 1, sel_days: null, series_end_at: null, exact: true }],
    ["FREQ=DAILY;INTERVAL=2;BYDAY=MO,TU,WE,TH,FR", { period: 1, frequency: 2, sel_days: null, series_end_at: null, exact: false }],
    ["FREQ=DAILY;INTERVAL=7", { period: 1, frequency: 3, sel_days: null, series_end_at: null, exact: false }],
    ["FREQ=MONTHLY;BYDAY=-1FR", { period: 3, frequency: 1, sel_days: null, series_end_at: null, exact: false }],
    ["FREQ=MONTHLY;BYMONTHDAY=15", { period: 3, frequency: 1, sel_days: null, series_end_at: null, exact: false }],
    ["FREQ=DAILY;COUNT=5", { period: 1, frequency: 1, sel_days: null, series_end_at: null, exact: false }],
    ["FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,SU;WKST=SU", { period: 2, frequency: 2, sel_days: [0, 2], series_end_at: null, exact: false }],
  ])("%s", (text, expected) => {
    expect(ruleToKona(parseRRule(text))).toEqual(expected);
  });

  test("no rule is period 0", () => {
    expect(ruleToKona(null)).toEqual({ period: 0, frequency: 0, sel_days: null, series_end_at: null, exact: true });
  });

  test("COUNT becomes series_end_at = the last occurrence's start when the series is known", () => {
    const kona = ruleToKona(parseRRule("FREQ=WEEKLY;BYDAY=MO,WE;COUNT=4"), {
      start: new Date("2025-03-03T14:00:00Z"), timeZone: "America/New_York", allDay: false, durationMs: 0,
    });
    expect(kona.series_end_at?.toISOString()).toBe("2025-03-12T13:00:00.000Z"); // 4th: Wed 12 March, 09:00 EDT
    expect(kona.exact).toBe(false);
  });

  test("exact Kona fields round-trip through the rule", () => {
    for (let period = 0; period <= 5; period++) {
      for (let frequency = 1; frequency <= 3; frequency++) {
        const input = { period, frequency, selDays: period === 2 ? [2, 4] : null, seriesEndAt: new Date("2026-01-01T00:00:00Z") };
        const kona = ruleToKona(konaToRule(input));
        expect(kona.exact).toBe(true);
        expect(konaToRule({ period: kona.period, frequency: kona.frequency, selDays: kona.sel_days, seriesEndAt: kona.series_end_at })).toEqual(konaToRule(input));
      }
    }
  });
});
