// Pure RFC 5545 recurrence: parse/format RRULEs and expand series in IANA zones (wall-clock).
export type {
  ByDay,
  ExpandInput,
  Frequency,
  Occurrence,
  RecurrenceRule,
  SeriesInput,
  Weekday,
} from "./types.ts";
export { DEFAULT_EXPAND_LIMIT, MAX_COUNT, MAX_INTERVAL, MAX_RDATES, MAX_WINDOW_OCCURRENCES, MAX_WINDOW_DAYS, RDATES_ONLY_RULE, RecurrenceRuleError } from "./types.ts";
export { formatRRule, normalizeRule, parseRRule, validateRule } from "./parse.ts";
export { expand, indexOf, isOccurrence, occurrenceAt } from "./expand.ts";
export { konaToRule, presetToRule, ruleToKona, ruleToPreset } from "./presets.ts";
export type { KonaPeriod, KonaRecurrence, KonaRecurrenceInput, Preset } from "./presets.ts";
