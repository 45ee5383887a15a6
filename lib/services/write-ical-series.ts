// Stores one iCalendar UID — a master and its overrides, as lib/ical parses them — as SweetDate
// events, replacing what was stored under that UID: the master is created or updated, overrides
// are matched by RECURRENCE-ID (updated, added, or deleted when the new data no longer has them).
// Fields iCalendar does not carry (audience, default role, participants, external object) stay
// as they were. Runs inside the caller's transaction (given its repos); the repositories record the change log.
import { writableOf, type EventWrite } from "../domain/event-model.ts";
import type { CalendarRecord, EventRecord } from "../domain/types.ts";
import type { ParsedEvent, ParsedSeries } from "../ical/index.ts";
import { mergeAndCheck, newEventDefaults } from "./event-fields.ts";
import type { Repos } from "./ports.ts";
import { productionRepos } from "./repos.ts";

export interface StoredSeries {
  master: EventRecord;
  /** Its live overrides. */
  overrides: EventRecord[];
}

export interface WriteIcalSeries {
  calendar: CalendarRecord;
  /** Creator of new rows (the importing / PUTting user). */
  creatorId: number;
  parsed: ParsedSeries;
  existing: StoredSeries | null;
  /** CalDAV: the resource name the client chose (null = `<uuid>.ics`); undefined leaves it. */
  davHref?: string | null | undefined;
}

function columnsOf(p: ParsedEvent, base: EventWrite, recurring: boolean): EventWrite {
  return mergeAndCheck(base, {
    title: p.title,
    description: p.description,
    location: p.location,
    allDay: p.allDay,
    startsAt: p.startsAt,
    endsAt: p.endsAt,
    timeZone: p.timeZone,
    status: p.status,
    visibility: p.visibility,
    rrule: recurring ? p.rrule : null,
    // RDATEs (also without an RRULE: mergeAndCheck then stores RDATES_ONLY_RULE, see ARCHITECTURE.md).
    rdates: recurring ? p.rdates : [],
    // VALARMs: what the client sent replaces the stored reminders (none sent = none kept).
    reminders: p.reminders,
    // iCalendar allows DTEND = DTSTART (an instant); so does our store for Kona's events.
    allowZeroLength: true,
  });
}

/** What the parsed fields are merged over: the stored row, or a new event's defaults. */
function baseOf(calendar: CalendarRecord, existing: EventRecord | null, p: ParsedEvent): EventWrite {
  return existing ? writableOf(existing) : newEventDefaults(calendar, p.status, p.startsAt);
}

/** Only the columns that differ, so an unchanged PUT or re-import leaves `sequence` alone. */
function changed(current: EventRecord, next: EventWrite): Partial<EventWrite> {
  const diff: Partial<EventWrite> = {};
  const same = (a: unknown, b: unknown) => (a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : JSON.stringify(a) === JSON.stringify(b));
  for (const key of Object.keys(next) as (keyof EventWrite)[]) {
    if (!same(current[key], next[key])) (diff as Record<string, unknown>)[key] = next[key];
  }
  return diff;
}

/** CalDAV PUT: writes the series in a transaction of its own; returns the stored master. */
export function putIcalSeries(input: WriteIcalSeries, repos: Repos = productionRepos): Promise<EventRecord> {
  return repos.transaction((tx) => writeIcalSeries(input, tx));
}

/** Writes the series inside the transaction whose repos are `tx`; returns the stored master. Validation problems throw a 422 AppError. */
export async function writeIcalSeries(input: WriteIcalSeries, tx: Repos): Promise<EventRecord> {
  const { calendar, parsed, existing } = input;
  // The calendar's change lock first, as every write transaction takes it (lib/db/change-log.ts).
  await tx.changes.lockCalendar(calendar.id);
  const recurring = parsed.master.rrule !== null || parsed.master.rdates.length > 0;
  const masterColumns = { ...columnsOf(parsed.master, baseOf(calendar, existing?.master ?? null, parsed.master), recurring), exdates: recurring ? parsed.master.exdates : [] };
  let master: EventRecord;
  if (existing) {
    const diff = changed(existing.master, masterColumns);
    master = Object.keys(diff).length ? await tx.events.update(existing.master, diff) : existing.master;
  } else {
    master = await tx.events.insert({ ...masterColumns, calendarId: calendar.id, creatorId: input.creatorId });
  }
  await tx.icalImport.setIdentity(
    master.id,
    {
      icalUid: parsed.uid === master.uuid ? null : parsed.uid,
      icalSequence: parsed.sequence,
      icalLastModified: parsed.lastModified,
      icalHash: parsed.hash,
      ...(input.davHref !== undefined ? { davHref: input.davHref } : {}),
    },
  );

  const stored = new Map((existing?.overrides ?? []).map((o) => [o.originalStartsAt!.getTime(), o]));
  const wanted = recurring ? parsed.overrides : [];
  for (const p of wanted) {
    const key = p.recurrenceId!.getTime();
    const current = stored.get(key);
    stored.delete(key);
    const columns = { ...columnsOf(p, baseOf(calendar, current ?? master, p), false), exdates: [] };
    if (current) {
      const diff = changed(current, columns);
      if (Object.keys(diff).length) await tx.events.update(current, diff);
    } else {
      // A new override inherits the series' audience; iCalendar does not carry it.
      await tx.events.insert({ ...columns, stakeholder: master.stakeholder, defaultRole: master.defaultRole, calendarId: calendar.id, creatorId: input.creatorId, seriesId: master.id, originalStartsAt: p.recurrenceId });
    }
  }
  for (const gone of stored.values()) await tx.events.softDelete(gone);
  return master;
}
