// Calendar + events → VCALENDAR text (RFC 5545). Pure: callers pass what the reader may see
// (lib/services/ical-export.ts redacts exactly as the API does) and the people's names/emails.
import ICAL from "ical.js";
import { tzlib_get_ical_block } from "timezones-ical-library";
import type { Rsvp, StoredStatus, Visibility } from "../domain/enums.ts";
import type { EventRecord } from "../domain/types.ts";
import { formatRRule, parseRRule } from "../recurrence/index.ts";
import { alarmDescription, alarmTrigger } from "./alarms.ts";
import { utcToZoned } from "./zones.ts";

type JCalProp = [string, Record<string, string | string[]>, string, ...unknown[]];

export interface IcalPerson {
  email: string;
  name: string;
}

export interface IcalAttendee extends IcalPerson {
  rsvp: Rsvp;
}

/** One VEVENT: a single event, a series master, or an override (with `recurrenceOf`). */
export interface IcalEventInput {
  uid: string;
  /** The event as the reader may see it (busy blocks already redacted). */
  event: EventRecord;
  see: "full" | "busy";
  /** Set for overrides: the series' zone and all-day flag give RECURRENCE-ID its form. */
  recurrenceOf?: { timeZone: string; allDay: boolean } | undefined;
  organizer?: IcalPerson | null | undefined;
  attendees?: IcalAttendee[] | undefined;
  url?: string | null | undefined;
  categories?: string[] | undefined;
  /** RDATEs of a series, UTC instants (all-day: UTC midnights). */
  rdates?: Date[] | undefined;
}

export interface IcalCalendarInput {
  name: string;
  description?: string | null | undefined;
  color?: string | undefined;
  /** The calendar's zone (X-WR-TIMEZONE). */
  timeZone: string;
  /** Feeds: REFRESH-INTERVAL / X-PUBLISHED-TTL. */
  refreshIntervalMinutes?: number | undefined;
  events: IcalEventInput[];
}

export const PRODID = "-//SweetDate//SweetDate Calendar//EN";

const PARTSTAT: Record<Rsvp, string> = { needs_action: "NEEDS-ACTION", accepted: "ACCEPTED", declined: "DECLINED", tentative: "TENTATIVE" };
const CLASS: Record<Visibility, string> = { public: "PUBLIC", private: "PRIVATE", busy: "CONFIDENTIAL" };

/** iCalendar STATUS for a stored status; `exact` false when the reverse mapping would not give it back. */
export function icalStatus(status: StoredStatus): { value: string; exact: boolean } {
  if (status === "tentative" || status === "pending" || status === "postponed") return { value: "TENTATIVE", exact: status === "tentative" };
  if (status === "cancelled" || status === "group_closed") return { value: "CANCELLED", exact: status === "cancelled" };
  return { value: "CONFIRMED", exact: status === "confirmed" };
}

const pad = (n: number, w = 2) => String(n).padStart(w, "0");

// VEVENTs are written as text directly (ical.js builds and stringifies a component per property,
// which made a 20,000-event export take seconds); the output is byte for byte what ical.js writes
// for the same jCal (lib/ical/ical.test.ts reads it back with ical.js and compares).

/** DATE value: 20250501. */
function dateValue(at: Date): string {
  return `${pad(at.getUTCFullYear(), 4)}${pad(at.getUTCMonth() + 1)}${pad(at.getUTCDate())}`;
}

/** UTC DATE-TIME value: 20250324T080000Z. */
function utcValue(at: Date): string {
  return `${dateValue(at)}T${pad(at.getUTCHours())}${pad(at.getUTCMinutes())}${pad(at.getUTCSeconds())}Z`;
}

function zonedValue(at: Date, timeZone: string): string {
  const w = utcToZoned(at, timeZone);
  return `${pad(w.year, 4)}${pad(w.month)}${pad(w.day)}T${pad(w.hour)}${pad(w.minute)}${pad(w.second)}`;
}

/** TEXT escaping (RFC 5545 §3.3.11), as ical.js does it. */
function escapeText(value: string): string {
  return value.replace(/[\\;,\n]/g, (c) => (c === "\n" ? "\\n" : `\\${c}`));
}

/** A parameter value: RFC 6868 caret escapes, quoted when it holds , : or ;. */
function paramValue(value: string): string {
  const escaped = value.replace(/[\n^"]/g, (c) => (c === "\n" ? "^n" : c === "^" ? "^^" : "^'"));
  return /[,:;]/.test(escaped) ? `"${escaped}"` : escaped;
}

/** Folds a content line after 75 UTF-8 octets (continuations: a space and up to 75 more, as ical.js). */
function fold(line: string): string {
  if (line.length <= 75 && !/[^\x00-\x7f]/.test(line)) return line;
  const parts: string[] = [];
  let from = 0;
  let bytes = 0;
  for (let i = 0; i < line.length; ) {
    const cp = line.codePointAt(i)!;
    const size = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    if (bytes + size > 75) {
      parts.push(line.slice(from, i));
      from = i;
      bytes = 0;
    }
    bytes += size;
    i += cp > 0xffff ? 2 : 1;
  }
  parts.push(line.slice(from));
  return parts.join("\r\n ");
}

/** One content line: NAME;PARAM=value…:value (values already in iCalendar form). */
function line(name: string, value: string, params = ""): string {
  return fold(`${name}${params}:${value}`);
}

/** A DATE / DATE-TIME property (or list) in the form a series uses: DATE, UTC, or TZID wall-clock. */
function timeLine(name: string, values: Date[], form: { timeZone: string; allDay: boolean }, zones: Set<string>): string {
  if (form.allDay) return line(name, values.map(dateValue).join(","), ";VALUE=DATE");
  if (form.timeZone === "UTC") return line(name, values.map(utcValue).join(","));
  zones.add(form.timeZone);
  return line(name, values.map((v) => zonedValue(v, form.timeZone)).join(","), `;TZID=${paramValue(form.timeZone)}`);
}

function textLine(name: string, value: string | null | undefined): string[] {
  if (!value) return [];
  // X- properties are written without VALUE=TEXT, with newlines escaped whatever their form.
  return [line(name, name.startsWith("X-") ? value.replace(/[\\;,]/g, "\\$&").replace(/\r?\n/g, "\\n") : escapeText(value))];
}

function personLine(name: string, p: IcalPerson, partstat?: string): string {
  return line(name, `mailto:${p.email}`, `;CN=${paramValue(p.name)}${partstat ? `;PARTSTAT=${partstat}` : ""}`);
}

// RRULE text as ical.js writes it (its own part order), per canonical rule: series share a few rules.
const ruleLines = new Map<string, string>();
function ruleLine(rrule: string, allDay: boolean): string {
  const key = `${allDay ? "D" : "T"}${rrule}`;
  let text = ruleLines.get(key);
  if (text === undefined) {
    const rule = formatRRule(parseRRule(rrule), { allDay });
    text = ICAL.stringify.property(["rrule", {}, "recur", ICAL.Recur.fromString(rule).toJSON()] as never, ICAL.design.icalendar, false);
    if (ruleLines.size >= 1000) ruleLines.clear();
    ruleLines.set(key, text);
  }
  return text;
}

function vevent(input: IcalEventInput, stamp: string, zones: Set<string>): string {
  const { event } = input;
  const form = { timeZone: event.timeZone, allDay: event.allDay };
  const status = icalStatus(event.status);
  const lines: string[] = [
    "BEGIN:VEVENT",
    line("UID", escapeText(input.uid)),
    `DTSTAMP:${stamp}`,
    timeLine("DTSTART", [event.startsAt], form, zones),
    timeLine("DTEND", [event.endsAt], form, zones),
  ];
  if (input.recurrenceOf && event.originalStartsAt) lines.push(timeLine("RECURRENCE-ID", [event.originalStartsAt], input.recurrenceOf, zones));
  if (event.rrule && !input.recurrenceOf) {
    lines.push(ruleLine(event.rrule, event.allDay));
    if (event.exdates.length) lines.push(timeLine("EXDATE", event.exdates, form, zones));
    if (input.rdates?.length) lines.push(timeLine("RDATE", input.rdates, form, zones));
  }
  lines.push(...textLine("SUMMARY", event.title), ...textLine("DESCRIPTION", event.description), ...textLine("LOCATION", event.location));
  lines.push(`STATUS:${status.value}`);
  if (!status.exact) lines.push(...textLine("X-SWEETDATE-STATUS", event.status));
  lines.push(`CLASS:${CLASS[event.visibility]}`, `SEQUENCE:${event.sequence}`, `CREATED:${utcValue(event.createdAt)}`, `LAST-MODIFIED:${utcValue(event.updatedAt)}`);
  if (input.see === "full") {
    if (input.categories?.length) lines.push(line("CATEGORIES", input.categories.map(escapeText).join(",")));
    if (input.organizer) lines.push(personLine("ORGANIZER", input.organizer));
    for (const a of input.attendees ?? []) lines.push(personLine("ATTENDEE", a, PARTSTAT[a.rsvp]));
    if (input.url) lines.push(line("URL", input.url));
    // Reminders are part of what only full readers see (busy blocks are already redacted to none).
    for (const minutes of event.reminders) {
      lines.push("BEGIN:VALARM", "ACTION:DISPLAY", `TRIGGER:${alarmTrigger(minutes)}`, ...textLine("DESCRIPTION", alarmDescription(event.title, minutes)), "END:VALARM");
    }
  }
  lines.push("END:VEVENT");
  return lines.join("\r\n");
}

function text(name: string, value: string | null | undefined): JCalProp[] {
  if (!value) return [];
  // ical.js does not know X- properties: as "unknown" it writes them without VALUE=TEXT, unescaped.
  return name.startsWith("x-") ? [[name, {}, "unknown", value.replace(/[\\;,]/g, "\\$&").replace(/\r?\n/g, "\\n")]] : [[name, {}, "text", value]];
}

function vtimezone(zone: string): string | null {
  const block = tzlib_get_ical_block(zone);
  return Array.isArray(block) && block[0] ? block[0] : null;
}

/** The whole VCALENDAR; VTIMEZONE blocks for every zone a DTSTART/DTEND/EXDATE names. */
export function serializeCalendar(input: IcalCalendarInput, now = new Date()): string {
  const stamp = utcValue(now);
  const zones = new Set<string>();
  const events = input.events.map((e) => vevent(e, stamp, zones));
  const props: JCalProp[] = [
    ["version", {}, "text", "2.0"],
    ["prodid", {}, "text", PRODID],
    ["calscale", {}, "text", "GREGORIAN"],
    ...text("x-wr-calname", input.name),
    ["name", {}, "text", input.name],
    ...text("x-wr-timezone", input.timeZone),
    ...text("x-wr-caldesc", input.description),
    ...text("x-apple-calendar-color", input.color),
  ];
  if (input.refreshIntervalMinutes) {
    props.push(["refresh-interval", {}, "duration", `PT${input.refreshIntervalMinutes}M`]);
    props.push(...text("x-published-ttl", `PT${input.refreshIntervalMinutes}M`));
  }
  // The calendar's own properties through ical.js; VTIMEZONEs come from a maintained library, as
  // text; then the events.
  const head = (ICAL.stringify(["vcalendar", props, []] as never) as string).replace(/\r\nEND:VCALENDAR\s*$/, "");
  const blocks = [...zones].sort().map(vtimezone).filter((b): b is string => b !== null);
  return [head, ...blocks, ...events, "END:VCALENDAR", ""].join("\r\n");
}
