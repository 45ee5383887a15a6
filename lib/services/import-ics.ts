// Importing iCalendar text into a calendar (the API's import and subscription refreshes): idempotent
// by UID, counted per UID, in batched transactions that yield between batches.
import crypto from "node:crypto";
import type { EventWrite } from "../domain/event-model.ts";
import { DEFAULTS, roleAtLeast } from "../domain/enums.ts";
import { AppError, forbidden } from "../domain/errors.ts";
import type { CalendarRecord } from "../domain/types.ts";
import { parseIcsAsync, type ParsedEvent, type ParsedSeries, type ParseProblem } from "../ical/index.ts";
import { mergeAndCheck } from "./event-fields.ts";
import { getCalendar } from "./manage-calendars.ts";
import type { ImportedRow, Repos, StoredIcalSeries } from "./ports.ts";
import { assertWritableCalendar } from "./read-only.ts";
import { productionRepos } from "./repos.ts";
import { writeIcalSeries } from "./write-ical-series.ts";

export interface ImportSummary {
  created: number;
  updated: number;
  unchanged: number;
  /** Only for subscriptions: UIDs that left the feed. */
  deleted: number;
  failed: ParseProblem[];
  warnings: ParseProblem[];
  refreshIntervalSeconds: number | null;
}

export interface ImportTarget {
  calendar: CalendarRecord;
  creatorId: number;
  /** Subscriptions: the feed's id (stored on every event) — UIDs missing from the text are removed. */
  icsFeedId: number | null;
}

const BATCH = 250;
const tick = () => new Promise((resolve) => setImmediate(resolve));

function fieldsOf(e: ParsedEvent, rrule: string | null, rdates: Date[] = []): EventWrite {
  const base: EventWrite = {
    title: e.title,
    description: e.description,
    location: e.location,
    allDay: e.allDay,
    startsAt: e.startsAt,
    endsAt: e.endsAt,
    timeZone: e.timeZone,
    status: e.status,
    visibility: e.visibility,
    stakeholder: DEFAULTS.stakeholder,
    defaultRole: DEFAULTS.defaultRole,
    rrule: null,
    exdates: rrule || rdates.length ? e.exdates : [],
    rdates: [],
    recurrenceEndsAt: null,
    externalObject: null,
    reminders: e.reminders,
  };
  // The same checks as the API: blank/long fields, zone, RRULE, the series' end for window queries.
  return mergeAndCheck(base, { rrule, rdates, allowZeroLength: true });
}

function reasonOf(error: unknown): string {
  if (error instanceof AppError && error.fields) return Object.entries(error.fields).map(([f, m]) => `${f}: ${m.join(", ")}`).join("; ");
  return (error as Error).message;
}

/** Rows for one parsed series (master first), checked; throws with a reason when it cannot be stored. */
function rowsOf(series: ParsedSeries, masterUuid: string): ImportedRow[] {
  const book = { uid: series.uid, icalSequence: series.sequence, icalLastModified: series.lastModified };
  const recurring = series.master.rrule !== null || series.master.rdates.length > 0;
  const master: ImportedRow = { ...book, uuid: masterUuid, fields: fieldsOf(series.master, series.master.rrule, series.master.rdates), icalHash: series.hash };
  const overrides = recurring
    ? series.overrides.map((o) => ({ ...book, uuid: crypto.randomUUID(), fields: fieldsOf(o, null), seriesUuid: masterUuid, originalStartsAt: o.recurrenceId, icalHash: null }))
    : [];
  return [master, ...overrides];
}

/** Is the incoming series older than what is stored (so it must not overwrite it)? */
function isOlder(series: ParsedSeries, stored: StoredIcalSeries): boolean {
  const storedSequence = stored.hash === null ? stored.sequence : (stored.icalSequence ?? 0);
  if (series.sequence !== storedSequence) return series.sequence < storedSequence;
  if (stored.hash === null) return true; // our own event exported and brought back: nothing newer
  return !!(series.lastModified && stored.icalLastModified && series.lastModified < stored.icalLastModified);
}

export async function importIcs(text: string, target: ImportTarget, repos: Repos = productionRepos): Promise<ImportSummary> {
  const parsed = await parseIcsAsync(text, { calendarTimeZone: target.calendar.timeZone });
  const summary: ImportSummary = { created: 0, updated: 0, unchanged: 0, deleted: 0, failed: [...parsed.failed], warnings: parsed.warnings, refreshIntervalSeconds: parsed.refreshIntervalSeconds };
  const stored = await repos.icalImport.findStoredSeries(target.calendar.id);
  const seen = new Set<string>();
  const calendarId = target.calendar.id;

  for (let start = 0; start < parsed.series.length; start += BATCH) {
    const batch = parsed.series.slice(start, start + BATCH);
    const creates: ImportedRow[] = [];
    const updates: { existing: StoredIcalSeries; series: ParsedSeries }[] = [];
    for (const series of batch) {
      if (seen.has(series.uid)) continue;
      seen.add(series.uid);
      const existing = stored.get(series.uid);
      if (existing && (existing.hash === series.hash || isOlder(series, existing))) {
        summary.unchanged++;
        continue;
      }
      try {
        // Checked here, outside the batch's transaction, so one bad UID cannot undo the others.
        const rows = rowsOf(series, crypto.randomUUID());
        if (existing) updates.push({ existing, series });
        else creates.push(...rows);
      } catch (error) {
        summary.failed.push({ uid: series.uid, reason: reasonOf(error) });
      }
    }
    await repos.transaction(async (tx) => {
      await tx.icalImport.insertImported(creates, { calendarId, creatorId: target.creatorId, icsFeedId: target.icsFeedId });
      for (const { existing, series } of updates) {
        const master = await tx.events.findById(existing.id);
        const overrides = (await tx.events.findOverrides([existing.id])).filter((o) => !o.deleted);
        await writeIcalSeries({ calendar: target.calendar, creatorId: target.creatorId, parsed: series, existing: master ? { master, overrides } : null }, tx);
      }
      if (target.icsFeedId !== null && updates.length) await tx.icalImport.stampFeed(calendarId, target.icsFeedId);
    });
    summary.created += creates.filter((r) => !r.seriesUuid).length;
    summary.updated += updates.length;
    await tick();
  }

  if (target.icsFeedId !== null) {
    // A feed is the whole truth: UIDs it no longer lists go.
    const gone = [...stored.values()].filter((s) => !seen.has(s.uid) && !summary.failed.some((f) => f.uid === s.uid));
    for (let start = 0; start < gone.length; start += BATCH) {
      await repos.transaction((tx) => tx.icalImport.deleteRows(gone.slice(start, start + BATCH).map((s) => s.id), calendarId));
      await tick();
    }
    summary.deleted = gone.length;
  }
  return summary;
}

/** POST /api/v1/calendars/:id/import: members and above, never into a subscription. */
export async function importIntoCalendar(uuid: string, userId: number, text: string, repos: Repos = productionRepos): Promise<ImportSummary> {
  const calendar = await getCalendar({ uuid }, userId, repos);
  if (!roleAtLeast(calendar.role, "member")) throw forbidden("importing needs the member role or above");
  await assertWritableCalendar(calendar.id, repos);
  return importIcs(text, { calendar, creatorId: userId, icsFeedId: null }, repos);
}
