// Stored rows → EventRecord, for every event read on both engines: one SELECT of the columns the
// model names (lib/domain/event-model.ts), read by name, plus one query for the participants of
// all the rows found (never one per event).
import { EVENT_COLUMNS, eventFieldsOf, storedValuesOf, type EventRecord, type EventWrite, type ParticipantRecord, type Row } from "../domain/event-model.ts";
import type { ParticipantRole, Rsvp } from "../domain/enums.ts";
import { searchKey } from "../domain/search.ts";
import { ids, raw, sql, type Reader, type Sql } from "./sql.ts";

const selectOf = (extra: readonly string[]) =>
  raw(
    `SELECT ${[...EVENT_COLUMNS, ...extra].map((c) => `e.${c}`).join(", ")}, c.uuid AS calendar_uuid, s.uuid AS series_uuid
     FROM events e JOIN calendars c ON c.id = e.calendar_id LEFT JOIN events s ON s.id = e.series_id`,
  );
const SELECT = selectOf([]);

/** Rows of `events e` matching `where` (then `tail`: ORDER BY, LIMIT), each with its record. `extra` columns come back on the row. */
export async function selectEventRows(reader: Reader, where: Sql, tail: Sql = raw(""), extra: readonly string[] = []): Promise<{ event: EventRecord; row: Row }[]> {
  const rows = await reader.all(sql`${extra.length ? selectOf(extra) : SELECT} WHERE ${where} ${tail}`);
  const participants = await participantsOf(reader, rows.map((r) => Number(r.id)));
  return rows.map((row) => ({ event: toEventRecord(row, participants.get(Number(row.id)) ?? []), row }));
}

export async function selectEvents(reader: Reader, where: Sql, tail: Sql = raw("")): Promise<EventRecord[]> {
  return (await selectEventRows(reader, where, tail)).map((r) => r.event);
}

const CHUNK = 1000;

/** Participants of the given events, in the order they were added. */
async function participantsOf(reader: Reader, eventIds: number[]): Promise<Map<number, ParticipantRecord[]>> {
  const byEvent = new Map<number, ParticipantRecord[]>();
  for (let i = 0; i < eventIds.length; i += CHUNK) {
    const rows = await reader.all(sql`SELECT p.event_id, p.user_id, p.role, p.rsvp, u.uuid FROM event_participants p JOIN users u ON u.id = p.user_id
      WHERE p.event_id IN (${ids(eventIds.slice(i, i + CHUNK))}) ORDER BY p.created_at, p.user_id`);
    for (const r of rows) {
      const id = Number(r.event_id);
      if (!byEvent.has(id)) byEvent.set(id, []);
      byEvent.get(id)!.push({ userId: Number(r.user_id), userUuid: r.uuid as string, role: r.role as ParticipantRole, rsvp: r.rsvp as Rsvp });
    }
  }
  return byEvent;
}

export function toEventRecord(row: Row, participants: ParticipantRecord[]): EventRecord {
  return { ...eventFieldsOf(row), calendarUuid: row.calendar_uuid as string, seriesUuid: (row.series_uuid as string | null) ?? null, participants };
}

/** Prisma data for the writable fields present in `write`. */
export function toEventColumns(write: Partial<EventWrite>): Record<string, unknown> {
  return storedValuesOf(write);
}

export const SHORT_SPAN_MS = 7 * 86_400_000;

/** See the `spanClass` column: 0 short single, 1 long single, 2 series. */
export function spanClassOf(e: { rrule: string | null; startsAt: Date; endsAt: Date }): number {
  if (e.rrule) return 2;
  return e.endsAt.getTime() - e.startsAt.getTime() > SHORT_SPAN_MS ? 1 : 0;
}

/** Stored through searchKey (lib/domain/search.ts) so every query path matches it literally. */
export function searchTextOf(e: { title: string; description: string | null; location: string | null }): string {
  return searchKey([e.title, e.description ?? "", e.location ?? ""].join("\n"));
}

