// What lib/ical's parser hands to services: normalised series and overrides per UID.
import type { StoredStatus, Visibility } from "../domain/enums.ts";

/** One VEVENT, normalised: UTC instants, an IANA zone, our stored vocabularies. */
export interface ParsedEvent {
  title: string;
  description: string | null;
  location: string | null;
  allDay: boolean;
  /** UTC instants (all-day: UTC midnights; end exclusive). */
  startsAt: Date;
  endsAt: Date;
  /** IANA zone of DTSTART (floating times and unknown zones: the calendar's; `Z` times: UTC). */
  timeZone: string;
  status: StoredStatus;
  visibility: Visibility;
  /** Canonical RRULE text (our own formatRRule), null for a single event or an override. */
  rrule: string | null;
  /** Original starts excluded from the series, in the series' own form. */
  exdates: Date[];
  /** Extra occurrence starts of the series (RDATE). */
  rdates: Date[];
  /** Overrides: the original start of the occurrence they replace. */
  recurrenceId: Date | null;
  sequence: number;
  lastModified: Date | null;
  categories: string[];
  url: string | null;
  /** VALARMs with a relative TRIGGER at or before the start, as minutes before it (ascending). */
  reminders: number[];
}

/** Everything one UID holds: a master (null when only overrides came) and its overrides. */
export interface ParsedSeries {
  uid: string;
  master: ParsedEvent;
  overrides: ParsedEvent[];
  /** Highest SEQUENCE / LAST-MODIFIED among its components. */
  sequence: number;
  lastModified: Date | null;
  /** Stable hash of the normalised content: equal hashes = nothing changed. */
  hash: string;
}

export interface ParseProblem {
  uid: string;
  reason: string;
}

export interface ParseResult {
  series: ParsedSeries[];
  /** VEVENTs (by UID) that could not be read; the rest of the file still counts. */
  failed: ParseProblem[];
  /** Repairs made (generated UIDs, unknown zones, orphan overrides kept as single events). */
  warnings: ParseProblem[];
  calendarName: string | null;
  /** REFRESH-INTERVAL or X-PUBLISHED-TTL, in seconds. */
  refreshIntervalSeconds: number | null;
}

export interface ParseOptions {
  /** The importing calendar's zone: floating times and unknown zones are read in it. */
  calendarTimeZone: string;
}
