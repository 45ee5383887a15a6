// iCalendar (RFC 5545) in and out, on ical.js: used by export, feeds, import, subscriptions and CalDAV.
export { parseIcs, parseIcsAsync, UNTITLED } from "./parse.ts";
export { icalStatus, PRODID, serializeCalendar } from "./serialize.ts";
export type { IcalAttendee, IcalCalendarInput, IcalEventInput, IcalPerson } from "./serialize.ts";
export type { ParsedEvent, ParsedSeries, ParseOptions, ParseProblem, ParseResult } from "./types.ts";
export { resolveTzid, utcToZoned, zonedToUtc } from "./zones.ts";
