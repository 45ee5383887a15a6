// The event model, once: every field of a stored event with its column(s), its kind and whether
// services write it. The record (EventRecord), the write shape (EventWrite), the writable set, the
// SQL column list and the row ↔ record conversions are all derived from EVENT_FIELDS, so a new
// column is one line here (plus the Prisma schemas and a migration).
//
// Rows are read by column name. Both engines' raw values are accepted: SQLite gives 0/1 and ISO
// text, PostgreSQL booleans and Dates.
import type { ParticipantRole, Rsvp, Stakeholder, StoredStatus, Visibility } from "./enums.ts";
import { remindersFromJson } from "./reminders.ts";

export type Row = Readonly<Record<string, unknown>>;

/** How one field is stored: its column(s), and the conversions between row values and the record. */
export interface Kind<T> {
  /** Columns holding the field (default: the field name in snake_case). */
  columns?(name: string): readonly string[];
  read(row: Row, column: string): T;
  /** The field's stored value(s), keyed by Prisma field name (camelCase of the column). */
  write(value: T, name: string): Record<string, unknown>;
}

export interface Field<T, W extends boolean = boolean> {
  kind: Kind<T>;
  writable: W;
}

const same = <T>(value: T, name: string) => ({ [name]: value });

/** ISO text from SQLite, Date from PostgreSQL; text without an offset is UTC (timestamp without time zone). */
export function instantOf(v: unknown): Date {
  if (v instanceof Date) return v;
  const text = String(v);
  return new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(text) ? text : `${text.replace(" ", "T")}Z`);
}

const integer: Kind<number> = { read: (r, c) => Number(r[c]), write: same };
const integerOrNull: Kind<number | null> = { read: (r, c) => (r[c] == null ? null : Number(r[c])), write: same };
const text = <T extends string = string>(): Kind<T> => ({ read: (r, c) => r[c] as T, write: same });
const textOrNull: Kind<string | null> = { read: (r, c) => (r[c] as string | null) ?? null, write: same };
const bool: Kind<boolean> = { read: (r, c) => r[c] === true || r[c] === 1 || r[c] === 1n, write: same };
const instant: Kind<Date> = { read: (r, c) => instantOf(r[c]), write: same };
const instantOrNull: Kind<Date | null> = { read: (r, c) => (r[c] == null ? null : instantOf(r[c])), write: same };
/** A JSON array of ISO instants in a text column (EXDATEs, RDATEs). */
const instants: Kind<Date[]> = {
  read: (r, c) => (JSON.parse((r[c] as string | null) ?? "[]") as string[]).map((s) => new Date(s)),
  write: (value, name) => ({ [name]: JSON.stringify(value.map((d) => d.toISOString())) }),
};
/** Minutes before the start, a JSON array in a text column (lib/domain/reminders.ts). */
const minutes: Kind<number[]> = {
  read: (r, c) => remindersFromJson(r[c] as string | null),
  write: (value, name) => ({ [name]: JSON.stringify(value) }),
};
/** Set when the row is soft-deleted (`deleted_at`). */
const deletedFlag: Kind<boolean> = {
  columns: () => ["deleted_at"],
  read: (r) => r.deleted_at != null,
  write: (value) => ({ deletedAt: value ? new Date() : null }),
};

export interface ExternalObject {
  id: string;
  name: string;
  url?: string | undefined;
}
/** Kona's external object: three columns, all null when there is none. */
const external: Kind<ExternalObject | null> = {
  columns: () => ["external_id", "external_name", "external_url"],
  read: (r) => (r.external_id != null ? { id: r.external_id as string, name: (r.external_name as string | null) ?? "", ...(r.external_url ? { url: r.external_url as string } : {}) } : null),
  write: (value) => ({ externalId: value?.id ?? null, externalName: value?.name ?? null, externalUrl: value?.url ?? null }),
};

const stored = <T>(kind: Kind<T>): Field<T, false> => ({ kind, writable: false });
const writable = <T>(kind: Kind<T>): Field<T, true> => ({ kind, writable: true });

/** Every stored field of an event (the participants and the joined uuids are added by the reader). */
export const EVENT_FIELDS = {
  id: stored(integer),
  uuid: stored(text()),
  calendarId: stored(integer),
  creatorId: stored(integer),
  title: writable(text()),
  description: writable(textOrNull),
  location: writable(textOrNull),
  allDay: writable(bool),
  startsAt: writable(instant),
  endsAt: writable(instant),
  timeZone: writable(text()),
  status: writable(text<StoredStatus>()),
  visibility: writable(text<Visibility>()),
  stakeholder: writable(text<Stakeholder>()),
  defaultRole: writable(text<ParticipantRole>()),
  /** Canonical RFC 5545 RRULE; null = a single event. */
  rrule: writable(textOrNull),
  exdates: writable(instants),
  /** Extra occurrence starts of a series (RFC 5545 RDATE), sorted, none before startsAt. */
  rdates: writable(instants),
  /** End of the last occurrence (null = unbounded), kept so window queries stay on an index. */
  recurrenceEndsAt: writable(instantOrNull),
  /** Minutes before the start at which to remind, ascending (lib/domain/reminders.ts). */
  reminders: writable(minutes),
  seriesId: stored(integerOrNull),
  originalStartsAt: stored(instantOrNull),
  externalObject: writable(external),
  icsFeedId: stored(integerOrNull),
  /** The iCalendar UID it was imported or PUT with; null = its uuid (see lib/ical). */
  icalUid: stored(textOrNull),
  sequence: stored(integer),
  deleted: stored(deletedFlag),
  createdAt: stored(instant),
  updatedAt: stored(instant),
} as const;

type Fields = typeof EVENT_FIELDS;
type ValueOf<F> = F extends Field<infer T> ? T : never;
type WritableName = { [K in keyof Fields]: Fields[K] extends Field<unknown, true> ? K : never }[keyof Fields];

export interface ParticipantRecord {
  userId: number;
  userUuid: string;
  role: ParticipantRole;
  rsvp: Rsvp;
}

/** The stored columns of an event, as the record holds them. */
export type EventFields = { -readonly [K in keyof Fields]: ValueOf<Fields[K]> };

/** A stored event: its fields plus what the reader joins in (calendar and series uuids, participants). */
export interface EventRecord extends EventFields {
  calendarUuid: string;
  seriesUuid: string | null;
  participants: ParticipantRecord[];
}

/** The writable fields of an event, as services hand them to the repository. */
export type EventWrite = Pick<EventFields, WritableName>;

const NAMES = Object.keys(EVENT_FIELDS) as (keyof Fields)[];
export const WRITABLE_FIELDS = NAMES.filter((name) => EVENT_FIELDS[name].writable) as WritableName[];

export const snakeCase = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const columnsOf = (name: keyof Fields): readonly string[] => (EVENT_FIELDS[name].kind as Kind<unknown>).columns?.(name) ?? [snakeCase(name)];

/** Every column the record is read from, in table order. */
export const EVENT_COLUMNS: readonly string[] = NAMES.flatMap(columnsOf);

/** The record's fields from a row keyed by column name (joined uuids and participants come separately). */
export function eventFieldsOf(row: Row): EventFields {
  const fields = {} as Record<string, unknown>;
  for (const name of NAMES) fields[name] = (EVENT_FIELDS[name].kind as Kind<unknown>).read(row, columnsOf(name)[0]!);
  return fields as EventFields;
}

/** The writable fields of a record (what an update starts from). */
export function writableOf(event: EventWrite): EventWrite {
  const write = {} as Record<string, unknown>;
  for (const name of WRITABLE_FIELDS) write[name] = event[name];
  return write as EventWrite;
}

/** The stored values (by Prisma field name) of the writable fields present in `write`. */
export function storedValuesOf(write: Partial<EventWrite>): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const name of WRITABLE_FIELDS) {
    const value = write[name];
    if (value !== undefined) Object.assign(values, (EVENT_FIELDS[name].kind as Kind<unknown>).write(value, name));
  }
  return values;
}
