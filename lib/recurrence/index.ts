// Pure RFC 5545 recurrence: parse/format RRULEs and expand series in IANA zones (wall-clock).
export type {
  ByDay,
  ExpandInput,
  Frequency,
  Occurrence,
  RecurrenceRule,
  SeriesInput,
  Weekday,
} from "./types";
export { DEFAULT_EXPAND_LIMIT, MAX_COUNT, MAX_INTERVAL, MAX_WINDOW_DAYS, RecurrenceRuleError } from "./types";
export { formatRRule, normalizeRule, parseRRule, validateRule } from "./parse";
export { expand, indexOf, isOccurrence, occurrenceAt } from "./expand";
export { konaToRule, presetToRule, ruleToKona, ruleToPreset } from "./presets";
export type { KonaPeriod, KonaRecurrence, KonaRecurrenceInput, Preset } from "./presets";
