// Undo: the API calls that put back what a drag, resize, edit or delete changed. Pure planning
// (which request, with which body) is separate from running it, so it is unit-tested.
import type { Event, EventInput } from "@/lib/api/sweetdate/schemas.ts";
import type { Scope } from "./optimistic-events.ts";

export interface UndoStep {
  method: "PUT" | "POST" | "DELETE";
  /** Path under /api/v1/calendars/:calendar_id/. */
  path: string;
  body?: EventInput;
  /** Tried when this step answers 404 (e.g. "following" from the first occurrence deleted the whole series). */
  orElse?: UndoStep;
}

const WRITABLE = ["title", "description", "location", "starts_at", "ends_at", "all_day", "time_zone", "status", "visibility", "stakeholder", "default_role", "rrule", "reminders"] as const;

/** `20261118T090000Z` for an instant or an all-day date. */
export function compactStart(value: string): string {
  const iso = /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : new Date(value).toISOString();
  return iso.slice(0, 19).replace(/[-:]/g, "") + "Z";
}

/** The fields `input` changed, with the values `before` had (dates for all-day events). */
export function inverseInput(before: Event, input: EventInput, people?: { participant_ids: string[]; editor_ids: string[] }): EventInput {
  const out: Record<string, unknown> = {};
  for (const key of WRITABLE) {
    if (!(key in input)) continue;
    const value = before[key];
    out[key] = before.all_day && (key === "starts_at" || key === "ends_at") ? String(value).slice(0, 10) : value;
  }
  // A time change always sends the whole span, so the server sees both ends together.
  if ("starts_at" in out || "ends_at" in out || "all_day" in out) {
    out.all_day = before.all_day;
    out.starts_at = before.all_day ? before.starts_at.slice(0, 10) : before.starts_at;
    out.ends_at = before.all_day ? before.ends_at.slice(0, 10) : before.ends_at;
  }
  if (people && ("participant_ids" in input || "editor_ids" in input)) Object.assign(out, people);
  return out as EventInput;
}

const eventPath = (id: string, scope?: Scope) => `events/${encodeURIComponent(id)}${scope ? `?scope=${scope}` : ""}`;

/**
 * What undoes `PUT before.id?scope` with `input`, given the server's answer `after`:
 * - a single event or one occurrence (`this`): the old values on the same id;
 * - `all`: the series' own old values on the series (`series`, read before the change): an edited
 *   occurrence may be an override whose title or time differ from the series', and those must not
 *   become the series'. Without `series`, the old values on the moved occurrence (the series shifts
 *   back alike);
 * - `following`: the new tail series goes and the original rule returns to the head series.
 */
export function undoUpdate(
  before: Event,
  after: Event,
  input: EventInput,
  scope: Scope | undefined,
  people?: { participant_ids: string[]; editor_ids: string[] },
  /** The series as it was before the change (scope `all`/`following` on an occurrence). */
  series: Event | null = null,
): UndoStep[] {
  const back = inverseInput(before, input, people);
  const seriesId = before.recurring_event_id;
  if (!seriesId) return [{ method: "PUT", path: eventPath(before.id), body: back }];
  const effective = scope ?? "this";
  if (effective === "this") return [{ method: "PUT", path: eventPath(before.id, "this"), body: back }];
  if (effective === "following" && after.id.split("_")[0] !== seriesId) {
    return [
      { method: "DELETE", path: eventPath(after.recurring_event_id ?? after.id, "all") },
      // The head kept everything but its rule's end (an override carries no rule: the series' is given back).
      { method: "PUT", path: eventPath(seriesId, "all"), body: { rrule: series?.rrule ?? before.rrule } },
    ];
  }
  if (series) return [{ method: "PUT", path: eventPath(series.id, "all"), body: inverseInput(series, input, people) }];
  const moved = input.starts_at ? `${seriesId}_${compactStart(input.starts_at)}` : before.id;
  return [{ method: "PUT", path: eventPath(moved, "all"), body: back }];
}

/** What undoes `DELETE event.id?scope`: restore from the trash, or give the series its rule back. */
export function undoDelete(event: Event, scope: Scope | undefined, seriesRule: string | null = event.rrule): UndoStep[] {
  const series = event.recurring_event_id;
  if (!series) return [{ method: "POST", path: `trash/${encodeURIComponent(event.id)}/restore` }];
  const effective = scope ?? "this";
  if (effective === "this") return [{ method: "POST", path: `trash/${encodeURIComponent(event.id)}/restore` }];
  if (effective === "following" && seriesRule) {
    return [{ method: "PUT", path: eventPath(series, "all"), body: { rrule: seriesRule }, orElse: { method: "POST", path: `trash/${encodeURIComponent(series)}/restore` } }];
  }
  return [{ method: "POST", path: `trash/${encodeURIComponent(series)}/restore` }];
}
