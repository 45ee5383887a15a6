// Pure cache edits for optimistic updates: what the cached occurrence lists look like after a
// change or delete with a scope, before the server answers (the refetch then corrects details).
import type { Event } from "@/lib/api/sweetdate/schemas.ts";

export type Scope = "this" | "following" | "all";

export type EventPatch = Partial<
  Pick<Event, "title" | "description" | "location" | "starts_at" | "ends_at" | "all_day" | "time_zone" | "status" | "visibility" | "stakeholder" | "default_role" | "rrule">
>;

const PATCHABLE = ["title", "description", "location", "all_day", "time_zone", "status", "visibility", "stakeholder", "default_role", "rrule"] as const;

/** The default scope the API applies: `this` for an occurrence id, `all` for a series. */
export function defaultScope(event: Event): Scope {
  return event.recurring_event_id ? "this" : "all";
}

function inScope(candidate: Event, target: Event, scope: Scope): boolean {
  if (candidate.id === target.id) return true;
  if (scope === "this" || !target.recurring_event_id || candidate.recurring_event_id !== target.recurring_event_id) return false;
  if (scope === "all") return true;
  const from = Date.parse(target.original_starts_at ?? target.starts_at);
  return Date.parse(candidate.original_starts_at ?? candidate.starts_at) >= from;
}

function toIso(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19) + "Z";
}

/** Applies `patch` to `target` and, for a wider scope, to its siblings (times shift by the same delta). */
export function patchEvents(events: readonly Event[], target: Event, patch: EventPatch, scope: Scope): Event[] {
  const startDelta = patch.starts_at ? Date.parse(patch.starts_at) - Date.parse(target.starts_at) : 0;
  const newLength = Date.parse(patch.ends_at ?? target.ends_at) - Date.parse(patch.starts_at ?? target.starts_at);
  const moves = patch.starts_at !== undefined || patch.ends_at !== undefined;
  return events.map((event) => {
    if (!inScope(event, target, scope)) return event;
    const next: Event = { ...event };
    for (const key of PATCHABLE) if (patch[key] !== undefined) (next as Record<string, unknown>)[key] = patch[key];
    if (event.id === target.id) {
      if (patch.starts_at) next.starts_at = patch.starts_at;
      if (patch.ends_at) next.ends_at = patch.ends_at;
    } else if (moves) {
      const start = Date.parse(event.starts_at) + startDelta;
      next.starts_at = toIso(start);
      next.ends_at = toIso(start + newLength);
    }
    return next;
  });
}

/** The list without `target` (and, for a wider scope, without its removed siblings). */
export function removeEvents(events: readonly Event[], target: Event, scope: Scope): Event[] {
  return events.filter((event) => !inScope(event, target, scope));
}

/** Whether an event overlaps the half-open window [from, to). */
export function overlaps(event: Pick<Event, "starts_at" | "ends_at">, from: string, to: string): boolean {
  return Date.parse(event.starts_at) < Date.parse(to) && Date.parse(event.ends_at) > Date.parse(from);
}
