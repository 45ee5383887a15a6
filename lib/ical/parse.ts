// VCALENDAR text → normalised series + overrides per UID. Each VEVENT is parsed on its own (ical.js),
// so one broken event fails alone; the work is a generator so large files can yield between batches.
import crypto from "node:crypto";
import ICAL from "ical.js";
import { STATUS, type StoredStatus, type Visibility } from "../domain/enums.ts";
import { TEXT_MAX, TITLE_MAX } from "../domain/event-rules.ts";
import { daysInMonth } from "../recurrence/civil.ts";
import { formatRRule, parseRRule, RecurrenceRuleError } from "../recurrence/index.ts";
import { remindersOfAlarms } from "./alarms.ts";
import type { ParsedEvent, ParsedSeries, ParseOptions, ParseProblem, ParseResult } from "./types.ts";
import { resolveTzid, utcToZoned, zonedToUtc, type WallClock } from "./zones.ts";

type Prop = [string, Record<string, unknown>, string, ...unknown[]];
const DAY_MS = 86_400_000;
export const UNTITLED = "(no title)";

interface Block {
  lines: string[];
}

/** A DATE / DATE-TIME value as written. */
interface RawTime {
  wall: WallClock;
  date: boolean;
  utc: boolean;
  tzid: string | null;
}

interface RawEvent {
  uid: string | null;
  text: string;
  recurrenceId: RawTime | null;
  event: Omit<ParsedEvent, "exdates" | "rdates" | "recurrenceId">;
  rawExdates: RawTime[];
  rawRdates: RawTime[];
}

class EventError extends Error {}

/** Splits unfolded text into VEVENT / VTIMEZONE blocks and top-level VCALENDAR properties. */
function split(text: string): { events: Block[]; zones: Block[]; calendarProps: string[] } {
  const lines = text.replace(/^\uFEFF/, "").replace(/\r?\n[ \t]/g, "").split(/\r?\n|\r/);
  const events: Block[] = [];
  const zones: Block[] = [];
  const calendarProps: string[] = [];
  let current: Block | null = null;
  let kind: "VEVENT" | "VTIMEZONE" | null = null;
  let depth = 0;
  for (const line of lines) {
    if (line === "") continue;
    const upper = line.slice(0, 16).toUpperCase();
    if (current) {
      current.lines.push(line);
      if (upper.startsWith("BEGIN:")) depth++;
      else if (upper.startsWith("END:")) {
        depth--;
        if (depth === 0) {
          (kind === "VEVENT" ? events : zones).push(current);
          current = null;
        }
      }
      continue;
    }
    if (upper.startsWith("BEGIN:VEVENT") || upper.startsWith("BEGIN:VTIMEZONE")) {
      kind = upper.startsWith("BEGIN:VEVENT") ? "VEVENT" : "VTIMEZONE";
      current = { lines: [line] };
      depth = 1;
    } else if (!upper.startsWith("BEGIN:") && !upper.startsWith("END:")) {
      calendarProps.push(line);
    }
  }
  return { events, zones, calendarProps };
}

interface ZoneInfo {
  iana: string | null;
  timezone: ICAL.Timezone | null;
}

function readZones(blocks: Block[]): Map<string, ZoneInfo> {
  const zones = new Map<string, ZoneInfo>();
  for (const block of blocks) {
    try {
      const component = new ICAL.Component(ICAL.parse(block.lines.join("\r\n")) as never);
      const tzid = String(component.getFirstPropertyValue("tzid") ?? "");
      if (!tzid) continue;
      const location = component.getFirstPropertyValue("x-lic-location");
      zones.set(tzid, { iana: resolveTzid(tzid, location ? String(location) : null), timezone: new ICAL.Timezone({ component, tzid }) });
    } catch {
      /* an unreadable VTIMEZONE: its TZID is then treated as unknown */
    }
  }
  return zones;
}

function wallOf(value: string): { wall: WallClock; date: boolean; utc: boolean } {
  // ical.js gives "2020-09-14T::" for a DATE written without VALUE=DATE; compact forms come from UNTIL.
  const m =
    /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(Z)?|T::)?$/.exec(value) ??
    /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})(Z)?)?$/.exec(value);
  if (!m) throw new EventError(`"${value}" is not a date or date-time`);
  const year = +m[1]!;
  const month = +m[2]!;
  const day = +m[3]!;
  const hour = +(m[4] ?? 0);
  const minute = +(m[5] ?? 0);
  const second = +(m[6] ?? 0);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year < 100 ? 1900 + year : year, month) /* as Date.UTC reads years 0–99 */ || hour > 23 || minute > 59 || second > 60) throw new EventError(`"${value}" is not a valid date`);
  return { wall: { year, month, day, hour, minute, second: Math.min(second, 59) }, date: m[4] === undefined, utc: m[7] !== undefined };
}


function rawTimes(prop: Prop): RawTime[] {
  const tzid = typeof prop[1].tzid === "string" ? prop[1].tzid : null;
  return prop.slice(3).map((v) => {
    // RDATE;VALUE=PERIOD: the period's start.
    const text = typeof v === "string" ? v.split("/")[0]! : String((v as { start?: unknown }).start ?? "");
    const parsed = wallOf(text);
    return { ...parsed, tzid: parsed.utc || parsed.date ? null : tzid };
  });
}

class Reader {
  readonly warnings: ParseProblem[] = [];
  constructor(
    private readonly zones: Map<string, ZoneInfo>,
    private readonly calendarZone: string,
  ) {}

  /** The IANA zone a raw time is in (the calendar's for floating or unknown TZIDs). */
  zoneOf(raw: RawTime, uid: string): { zone: string; vtimezone: ICAL.Timezone | null } {
    if (raw.utc) return { zone: "UTC", vtimezone: null };
    if (raw.date || raw.tzid === null) return { zone: this.calendarZone, vtimezone: null };
    const known = this.zones.get(raw.tzid);
    const iana = known?.iana ?? resolveTzid(raw.tzid);
    if (iana) return { zone: iana, vtimezone: null };
    if (!this.warnings.some((w) => w.uid === uid && w.reason.includes(raw.tzid!))) {
      this.warnings.push({ uid, reason: `unknown time zone "${raw.tzid}": read in the calendar's zone ${this.calendarZone}` });
    }
    return { zone: this.calendarZone, vtimezone: known?.timezone ?? null };
  }

  instant(raw: RawTime, uid: string): Date {
    if (raw.date) return new Date(Date.UTC(raw.wall.year, raw.wall.month - 1, raw.wall.day));
    if (raw.utc) return new Date(Date.UTC(raw.wall.year, raw.wall.month - 1, raw.wall.day, raw.wall.hour, raw.wall.minute, raw.wall.second));
    const { zone, vtimezone } = this.zoneOf(raw, uid);
    if (vtimezone) {
      // The file defines the zone itself: its rules give the instant.
      const time = new ICAL.Time({ ...raw.wall, isDate: false }, vtimezone);
      return new Date(time.toUnixTime() * 1000);
    }
    return zonedToUtc(raw.wall, zone);
  }

  /** An EXDATE / RDATE / RECURRENCE-ID in the form of its series (date for all-day series). */
  instanceKey(raw: RawTime, series: { allDay: boolean; startsAt: Date; timeZone: string }, uid: string): Date {
    if (series.allDay) return new Date(Date.UTC(raw.wall.year, raw.wall.month - 1, raw.wall.day));
    if (raw.date) {
      const time = utcToZoned(series.startsAt, series.timeZone);
      return zonedToUtc({ ...raw.wall, hour: time.hour, minute: time.minute, second: time.second }, series.timeZone);
    }
    return this.instant(raw, uid);
  }
}

function first(props: Prop[], name: string): Prop | undefined {
  return props.find((p) => p[0] === name);
}

function textOf(props: Prop[], name: string): string | null {
  const prop = first(props, name);
  if (!prop) return null;
  const value = prop.slice(3).map(String).join(",");
  return value.trim() === "" ? null : value;
}

function clip(text: string | null, max: number): string | null {
  return text === null ? null : text.length > max ? text.slice(0, max) : text;
}

function statusOf(props: Prop[]): StoredStatus {
  const own = textOf(props, "x-sweetdate-status");
  if (own && own in STATUS) return own as StoredStatus;
  const value = textOf(props, "status")?.toUpperCase();
  return value === "TENTATIVE" ? "tentative" : value === "CANCELLED" ? "cancelled" : value === "CONFIRMED" ? "confirmed" : "scheduled";
}

function visibilityOf(props: Prop[]): Visibility {
  const value = textOf(props, "class")?.toUpperCase();
  return value === "PRIVATE" ? "private" : value === "CONFIDENTIAL" ? "busy" : "public";
}

function durationMs(value: string): { days: number; ms: number } {
  const d = ICAL.Duration.fromString(value);
  const sign = d.isNegative ? -1 : 1;
  return { days: sign * (d.weeks * 7 + d.days), ms: sign * ((d.hours * 60 + d.minutes) * 60 + d.seconds) * 1000 };
}

function ruleText(prop: Prop, start: { allDay: boolean; timeZone: string; raw: RawTime }, reader: Reader, uid: string): string {
  const data = { ...(prop[3] as Record<string, unknown>) };
  const until = typeof data.until === "string" ? data.until : null;
  delete data.until;
  let text = ICAL.Recur.fromData(data as never).toString();
  if (until) {
    const raw = wallOf(until);
    let at: Date;
    if (start.allDay) at = new Date(Date.UTC(raw.wall.year, raw.wall.month - 1, raw.wall.day, raw.wall.hour, raw.wall.minute, raw.wall.second));
    else if (raw.date) at = new Date(zonedToUtc({ ...raw.wall, hour: 23, minute: 59, second: 59 }, start.timeZone));
    else at = reader.instant({ ...raw, tzid: raw.utc ? null : start.raw.tzid }, uid); // local UNTIL: the series' zone
    text += `;UNTIL=${at.toISOString().replace(/[-:]/g, "").slice(0, 15)}Z`;
  }
  return text;
}

function readEvent(block: Block, reader: Reader, calendarZone: string): RawEvent {
  const text = block.lines.join("\r\n");
  const uidLine = block.lines.find((l) => /^UID[;:]/i.test(l));
  const uid = uidLine ? uidLine.slice(uidLine.indexOf(":") + 1).trim() || null : null;
  const name = uid ?? "(no UID)";
  let props: Prop[];
  let components: Parameters<typeof remindersOfAlarms>[0];
  try {
    [, props, components] = ICAL.parse(text) as unknown as [string, Prop[], Parameters<typeof remindersOfAlarms>[0]];
  } catch (error) {
    throw new EventError(`unreadable VEVENT: ${(error as Error).message}`);
  }
  const dtstart = first(props, "dtstart");
  if (!dtstart) throw new EventError("VEVENT without DTSTART");
  const start = rawTimes(dtstart)[0]!;
  const allDay = start.date;
  const timeZone = allDay ? calendarZone : reader.zoneOf(start, name).zone;
  const startsAt = reader.instant(start, name);

  let endsAt: Date;
  const dtend = first(props, "dtend");
  const duration = first(props, "duration");
  if (dtend) {
    const end = rawTimes(dtend)[0]!;
    endsAt = allDay ? new Date(Date.UTC(end.wall.year, end.wall.month - 1, end.wall.day)) : end.date ? reader.instant({ ...end, date: false, tzid: start.tzid, utc: start.utc }, name) : reader.instant(end, name);
  } else if (duration) {
    const { days, ms } = durationMs(String(duration[3]));
    if (allDay) endsAt = new Date(startsAt.getTime() + Math.max(1, days) * DAY_MS);
    else {
      const local = utcToZoned(startsAt, timeZone);
      const shifted = days ? zonedToUtc({ ...local, day: local.day + days }, timeZone) : startsAt;
      endsAt = new Date(shifted.getTime() + ms);
    }
  } else {
    endsAt = allDay ? new Date(startsAt.getTime() + DAY_MS) : startsAt;
  }
  if (endsAt.getTime() < startsAt.getTime()) endsAt = allDay ? new Date(startsAt.getTime() + DAY_MS) : startsAt;

  const rruleProp = first(props, "rrule");
  let rrule: string | null = null;
  if (rruleProp) {
    try {
      rrule = formatRRule(parseRRule(ruleText(rruleProp, { allDay, timeZone, raw: start }, reader, name)), { allDay });
    } catch (error) {
      if (error instanceof RecurrenceRuleError) throw new EventError(`RRULE not supported: ${error.message}`);
      throw new EventError(`unreadable RRULE: ${(error as Error).message}`);
    }
  }
  const recurrence = first(props, "recurrence-id");
  const sequence = Number(first(props, "sequence")?.[3] ?? 0);
  const lastModifiedProp = first(props, "last-modified") ?? first(props, "dtstamp");
  const lastModified = first(props, "last-modified") && lastModifiedProp ? reader.instant(rawTimes(lastModifiedProp)[0]!, name) : null;
  const categories = props.filter((p) => p[0] === "categories").flatMap((p) => p.slice(3).map(String));
  return {
    uid,
    text,
    recurrenceId: recurrence ? rawTimes(recurrence)[0]! : null,
    rawExdates: props.filter((p) => p[0] === "exdate").flatMap(rawTimes),
    rawRdates: props.filter((p) => p[0] === "rdate").flatMap(rawTimes),
    event: {
      title: clip(textOf(props, "summary"), TITLE_MAX) ?? UNTITLED,
      description: clip(textOf(props, "description"), TEXT_MAX),
      location: clip(textOf(props, "location"), TEXT_MAX),
      allDay,
      startsAt,
      endsAt,
      timeZone,
      status: statusOf(props),
      visibility: visibilityOf(props),
      rrule,
      sequence: Number.isFinite(sequence) ? sequence : 0,
      lastModified,
      categories,
      url: textOf(props, "url"),
      reminders: remindersOfAlarms(components, endsAt.getTime() - startsAt.getTime(), (reason) => reader.warnings.push({ uid: name, reason })),
    },
  };
}

function generatedUid(text: string): string {
  const stable = text.split("\r\n").filter((l) => !/^(DTSTAMP|UID)[;:]/i.test(l)).join("\n");
  return `sweetdate-${crypto.createHash("sha256").update(stable).digest("hex").slice(0, 32)}`;
}

/** Hash of what SweetDate stores (not SEQUENCE, LAST-MODIFIED, URL or CATEGORIES): equal = unchanged. */
function hashSeries(series: Omit<ParsedSeries, "hash">): string {
  // Reminders only when there are any, so the hashes of files without VALARMs stay what they were.
  const stored = ({ title, description, location, allDay, startsAt, endsAt, timeZone, status, visibility, rrule, exdates, rdates, recurrenceId, reminders }: ParsedEvent) =>
    [title, description, location, allDay, startsAt, endsAt, timeZone, status, visibility, rrule, exdates, rdates, recurrenceId, ...(reminders.length ? [reminders] : [])];
  const content = JSON.stringify([series.uid, stored(series.master), series.overrides.map(stored)]);
  return crypto.createHash("sha256").update(content).digest("hex").slice(0, 40);
}

function refreshSeconds(calendarProps: string[]): number | null {
  for (const name of ["REFRESH-INTERVAL", "X-PUBLISHED-TTL"]) {
    const line = calendarProps.find((l) => l.toUpperCase().startsWith(name));
    if (!line) continue;
    try {
      const seconds = ICAL.Duration.fromString(line.slice(line.indexOf(":") + 1).trim()).toSeconds();
      if (seconds > 0) return seconds;
    } catch {
      /* ignored */
    }
  }
  return null;
}

const BATCH = 500;

/** The parser as a generator: it yields after every batch of VEVENTs (see parseIcsAsync). */
export function* parseSteps(text: string, options: ParseOptions): Generator<void, ParseResult> {
  const { events: blocks, zones: zoneBlocks, calendarProps } = split(text);
  const reader = new Reader(readZones(zoneBlocks), options.calendarTimeZone);
  const failed: ParseProblem[] = [];
  const byUid = new Map<string, RawEvent[]>();
  const order: string[] = [];
  for (let i = 0; i < blocks.length; i++) {
    if (i > 0 && i % BATCH === 0) yield;
    const block = blocks[i]!;
    try {
      const raw = readEvent(block, reader, options.calendarTimeZone);
      if (!raw.uid) {
        raw.uid = generatedUid(raw.text);
        reader.warnings.push({ uid: raw.uid, reason: "VEVENT without UID: a stable UID was generated" });
      }
      if (!byUid.has(raw.uid)) {
        byUid.set(raw.uid, []);
        order.push(raw.uid);
      }
      byUid.get(raw.uid)!.push(raw);
    } catch (error) {
      const uidLine = block.lines.find((l) => /^UID[;:]/i.test(l));
      failed.push({ uid: uidLine ? uidLine.slice(uidLine.indexOf(":") + 1).trim() : generatedUid(block.lines.join("\r\n")), reason: (error as Error).message });
    }
  }
  yield;
  const series: ParsedSeries[] = [];
  for (let i = 0; i < order.length; i++) {
    if (i > 0 && i % BATCH === 0) yield;
    const uid = order[i]!;
    try {
      series.push(...group(uid, byUid.get(uid)!, reader));
    } catch (error) {
      failed.push({ uid, reason: (error as Error).message });
    }
  }
  const nameLine = calendarProps.find((l) => /^X-WR-CALNAME[;:]/i.test(l));
  return {
    series,
    failed,
    warnings: reader.warnings,
    calendarName: nameLine ? nameLine.slice(nameLine.indexOf(":") + 1).trim() || null : null,
    refreshIntervalSeconds: refreshSeconds(calendarProps),
  };
}

/** Masters and overrides of one UID → series (duplicate masters and orphan overrides repaired). */
function group(uid: string, raws: RawEvent[], reader: Reader): ParsedSeries[] {
  const masters = raws.filter((r) => r.recurrenceId === null);
  const overrides = raws.filter((r) => r.recurrenceId !== null);
  const result: ParsedSeries[] = [];
  const make = (seriesUid: string, master: RawEvent, own: RawEvent[]): ParsedSeries => {
    let m = master.event;
    if (!m.rrule && !master.rawRdates.length && own.length) {
      // RECURRENCE-ID on a single event: the one for its own start replaces it; others cannot apply.
      const self = own.find((o) => reader.instanceKey(o.recurrenceId!, m, seriesUid).getTime() === m.startsAt.getTime());
      if (self) m = { ...self.event, rrule: null };
      if (own.length > (self ? 1 : 0)) reader.warnings.push({ uid: seriesUid, reason: "RECURRENCE-ID of a non-recurring event: ignored" });
      own = [];
    }

    const exdates = m.rrule ? master.rawExdates.map((r) => reader.instanceKey(r, m, seriesUid)) : [];
    const rdates = m.rrule || master.rawRdates.length ? master.rawRdates.map((r) => reader.instanceKey(r, m, seriesUid)) : [];
    const byKey = new Map<number, ParsedEvent>();
    for (const o of own) {
      const key = reader.instanceKey(o.recurrenceId!, m, seriesUid);
      const parsed: ParsedEvent = { ...o.event, rrule: null, exdates: [], rdates: [], recurrenceId: key };
      const existing = byKey.get(key.getTime());
      if (!existing || parsed.sequence >= existing.sequence) byKey.set(key.getTime(), parsed);
    }
    const list = [...byKey.values()].sort((a, b) => a.recurrenceId!.getTime() - b.recurrenceId!.getTime());
    const all = [m, ...list];
    const lastModified = all.reduce<Date | null>((acc, e) => (e.lastModified && (!acc || e.lastModified > acc) ? e.lastModified : acc), null);
    const body = {
      uid: seriesUid,
      master: { ...m, exdates: uniqueSorted(exdates), rdates: uniqueSorted(rdates), recurrenceId: null },
      overrides: list,
      sequence: Math.max(...all.map((e) => e.sequence)),
      lastModified,
    };
    return { ...body, hash: hashSeries(body) };
  };
  if (masters.length === 0) {
    // Overrides without their master: each is kept as a single event.
    reader.warnings.push({ uid, reason: "RECURRENCE-ID without its series: kept as a single event" });
    overrides.forEach((o, i) => {
      const single = { ...o, recurrenceId: null, event: { ...o.event, rrule: null } };
      result.push(make(i === 0 ? uid : `${uid}-${o.event.startsAt.toISOString().replace(/[-:.]/g, "")}`, single, []));
    });
    return result;
  }
  masters.forEach((master, i) => {
    if (i === 0) result.push(make(uid, master, overrides));
    else {
      const repaired = generatedUid(master.text);
      reader.warnings.push({ uid, reason: `duplicate UID: another VEVENT was kept under the generated UID ${repaired}` });
      result.push(make(repaired, master, []));
    }
  });
  return result;
}

function uniqueSorted(dates: Date[]): Date[] {
  return [...new Set(dates.map((d) => d.getTime()))].sort((a, b) => a - b).map((t) => new Date(t));
}

/** Parses a whole file synchronously. */
export function parseIcs(text: string, options: ParseOptions): ParseResult {
  const steps = parseSteps(text, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Parses a whole file, yielding to the event loop between batches (large imports). */
export async function parseIcsAsync(text: string, options: ParseOptions): Promise<ParseResult> {
  const steps = parseSteps(text, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await new Promise((resolve) => setImmediate(resolve));
  }
}
