// Calendar + events → VCALENDAR text (RFC 5545). Pure: callers pass what the reader may see
// (lib/services/ical-export.ts redacts exactly as the API does) and the people's names/emails.
import ICAL from "ical.js";
import { tzlib_get_ical_block } from "timezones-ical-library";
import type { Rsvp, StoredStatus, Visibility } from "../domain/enums.ts";
import type { EventRecord } from "../domain/types.ts";
import { formatRRule, parseRRule } from "../recurrence/index.ts";
import { utcToZoned } from "./zones.ts";

type JCalProp = [string, Record<string, string | string[]>, string, ...unknown[]];
type JCal = [string, JCalProp[], JCal[]];

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

function dateValue(at: Date): string {
  return `${pad(at.getUTCFullYear(), 4)}-${pad(at.getUTCMonth() + 1)}-${pad(at.getUTCDate())}`;
}

function utcValue(at: Date): string {
  return `${at.toISOString().slice(0, 19)}Z`;
}

function zonedValue(at: Date, timeZone: string): string {
  const w = utcToZoned(at, timeZone);
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}`;
}

/** A DATE / DATE-TIME property (or list) in the form a series uses: DATE, UTC, or TZID wall-clock. */
function timeProp(name: string, values: Date[], form: { timeZone: string; allDay: boolean }, zones: Set<string>): JCalProp {
  if (form.allDay) return [name, {}, "date", ...values.map(dateValue)]; // ical.js adds VALUE=DATE
  if (form.timeZone === "UTC") return [name, {}, "date-time", ...values.map(utcValue)];
  zones.add(form.timeZone);
  return [name, { tzid: form.timeZone }, "date-time", ...values.map((v) => zonedValue(v, form.timeZone))];
}

function text(name: string, value: string | null | undefined): JCalProp[] {
  if (!value) return [];
  // ical.js does not know X- properties: as "unknown" it writes them without VALUE=TEXT, unescaped.
  return name.startsWith("x-") ? [[name, {}, "unknown", value.replace(/[\\;,]/g, "\\$&").replace(/\r?\n/g, "\\n")]] : [[name, {}, "text", value]];
}

function person(name: string, p: IcalPerson, extra: Record<string, string> = {}): JCalProp {
  return [name, { cn: p.name, ...extra }, "cal-address", `mailto:${p.email}`];
}

function vevent(input: IcalEventInput, stamp: string, zones: Set<string>): JCal {
  const { event } = input;
  const form = { timeZone: event.timeZone, allDay: event.allDay };
  const status = icalStatus(event.status);
  const props: JCalProp[] = [
    ["uid", {}, "text", input.uid],
    ["dtstamp", {}, "date-time", stamp],
    timeProp("dtstart", [event.startsAt], form, zones),
    timeProp("dtend", [event.endsAt], form, zones),
  ];
  if (input.recurrenceOf && event.originalStartsAt) props.push(timeProp("recurrence-id", [event.originalStartsAt], input.recurrenceOf, zones));
  if (event.rrule && !input.recurrenceOf) {
    const rule = formatRRule(parseRRule(event.rrule), { allDay: event.allDay });
    props.push(["rrule", {}, "recur", ICAL.Recur.fromString(rule).toJSON()]);
    if (event.exdates.length) props.push(timeProp("exdate", event.exdates, form, zones));
    if (input.rdates?.length) props.push(timeProp("rdate", input.rdates, form, zones));
  }
  props.push(...text("summary", event.title), ...text("description", event.description), ...text("location", event.location));
  props.push(["status", {}, "text", status.value]);
  if (!status.exact) props.push(...text("x-sweetdate-status", event.status));
  props.push(["class", {}, "text", CLASS[event.visibility]]);
  props.push(["sequence", {}, "integer", event.sequence]);
  props.push(["created", {}, "date-time", utcValue(event.createdAt)]);
  props.push(["last-modified", {}, "date-time", utcValue(event.updatedAt)]);
  if (input.see === "full") {
    if (input.categories?.length) props.push(["categories", {}, "text", ...input.categories]);
    if (input.organizer) props.push(person("organizer", input.organizer));
    for (const a of input.attendees ?? []) props.push(person("attendee", a, { partstat: PARTSTAT[a.rsvp] }));
    if (input.url) props.push(["url", {}, "uri", input.url]);
  }
  return ["vevent", props, []];
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
  // VTIMEZONEs come from a maintained library, as text; they are spliced in before the events.
  const body = ICAL.stringify(["vcalendar", props, events] as never) as string;
  const blocks = [...zones].sort().map(vtimezone).filter((b): b is string => b !== null);
  if (blocks.length === 0) return ensureTrailingNewline(body);
  const at = body.indexOf("\r\nBEGIN:VEVENT");
  const head = at === -1 ? body.replace(/\r\nEND:VCALENDAR\s*$/, "") : body.slice(0, at);
  const tail = at === -1 ? "\r\nEND:VCALENDAR" : body.slice(at);
  return ensureTrailingNewline(`${head}\r\n${blocks.join("\r\n")}${tail}`);
}

function ensureTrailingNewline(text: string): string {
  return text.endsWith("\r\n") ? text : `${text}\r\n`;
}
