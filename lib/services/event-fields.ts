// Shared by create/update: turning an EventInput into checked columns.
import { findUsersByIds } from "../db/user-repository.ts";
import type { EventWrite } from "../db/event-mapper.ts";
import { addError, checkEvent, type EventInput } from "../domain/event-rules.ts";
import { invalid, type FieldErrors } from "../domain/errors.ts";
import { DATE_MAX, DATE_RANGE_TEXT, inDateRange } from "../domain/time.ts";
import { formatRRule, occurrenceAt, parseRRule, RecurrenceRuleError } from "../recurrence/index.ts";

/** Merges `input` over `current`, checks every invariant, and throws one 422 listing all problems. */
export function mergeAndCheck(current: EventWrite, input: EventInput, errors: FieldErrors = {}): EventWrite {
  const merged: EventWrite = { ...current };
  for (const key of Object.keys(input) as (keyof EventInput)[]) {
    if (key === "participantIds" || key === "editorIds" || key === "allowZeroLength") continue;
    (merged as unknown as Record<string, unknown>)[key] = input[key];
  }
  // An existing zero-length event (written through Kona) stays valid while its times are left alone.
  const untouchedInstant = input.startsAt === undefined && input.endsAt === undefined && current.startsAt.getTime() === current.endsAt.getTime();
  Object.assign(merged, checkEvent(merged, errors, { allowZeroLength: input.allowZeroLength || untouchedInstant }));
  if (merged.rrule) {
    try {
      const rule = parseRRule(merged.rrule);
      if (rule.until && !inDateRange(rule.until)) addError(errors, "rrule", `UNTIL must be ${DATE_RANGE_TEXT}`);
      merged.rrule = formatRRule(rule);
      merged.recurrenceEndsAt = seriesEnd(merged);
    } catch (error) {
      if (!(error instanceof RecurrenceRuleError)) throw error;
      addError(errors, "rrule", error.message);
    }
  } else {
    merged.rrule = null;
    merged.recurrenceEndsAt = null;
  }
  if (Object.keys(errors).length) throw invalid(errors);
  return merged;
}

/** End of the last occurrence (null = unbounded): keeps window queries on an index. */
export function seriesEnd(event: Pick<EventWrite, "rrule" | "startsAt" | "endsAt" | "timeZone" | "allDay" | "exdates">): Date | null {
  if (!event.rrule) return null;
  const rule = parseRRule(event.rrule);
  const duration = event.endsAt.getTime() - event.startsAt.getTime();
  // Clamped to the accepted range: nothing is ever listed beyond it (lib/domain/time.ts).
  if (rule.until) return new Date(Math.min(rule.until.getTime() + duration + 86_400_000, DATE_MAX.getTime()));
  if (rule.count) {
    const last = occurrenceAt({ rule, start: event.startsAt, timeZone: event.timeZone, allDay: event.allDay, exdates: [], durationMs: duration }, rule.count);
    return last ? new Date(Math.min(last.getTime() + duration, DATE_MAX.getTime())) : event.endsAt;
  }
  return null;
}

/** Participants from Kona's participant_ids (default role) and editor_ids (editor). */
export async function participantsOf(input: EventInput, defaultRole: string, errors: FieldErrors): Promise<{ userId: number; role: string }[] | undefined> {
  if (input.participantIds === undefined && input.editorIds === undefined) return undefined;
  const roles = new Map<number, string>();
  for (const id of input.participantIds ?? []) roles.set(id, defaultRole);
  for (const id of input.editorIds ?? []) roles.set(id, "editor");
  const known = new Set((await findUsersByIds([...roles.keys()])).map((u) => u.id));
  for (const [field, ids] of [["participant_ids", input.participantIds], ["editor_ids", input.editorIds]] as const) {
    const unknown = (ids ?? []).filter((id) => !known.has(id));
    if (unknown.length) addError(errors, field, `contains unknown user ids: ${unknown.join(", ")}`);
  }
  return [...roles].map(([userId, role]) => ({ userId, role }));
}
