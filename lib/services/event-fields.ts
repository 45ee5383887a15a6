// Shared by create/update: turning an EventInput into checked columns.
import { DEFAULTS, type StoredStatus } from "../domain/enums.ts";
import type { EventWrite } from "../domain/event-model.ts";
import { addError, checkEvent, type EventInput } from "../domain/event-rules.ts";
import { invalid, type FieldErrors } from "../domain/errors.ts";
import { checkReminders } from "../domain/reminders.ts";
import { DATE_MAX, DATE_RANGE_TEXT, inDateRange } from "../domain/time.ts";
import type { CalendarRecord } from "../domain/types.ts";
import type { UserRepository } from "./ports.ts";
import { formatRRule, MAX_RDATES, occurrenceAt, parseRRule, RDATES_ONLY_RULE, RecurrenceRuleError, validateRule } from "../recurrence/index.ts";

/** Merges `input` over `current`, checks every invariant, and throws one 422 listing all problems. */
export function mergeAndCheck(current: EventWrite, input: EventInput, errors: FieldErrors = {}): EventWrite {
  const merged: EventWrite = { ...current };
  for (const key of Object.keys(input) as (keyof EventInput)[]) {
    if (key === "participantIds" || key === "editorIds" || key === "allowZeroLength") continue;
    (merged as unknown as Record<string, unknown>)[key] = input[key];
  }
  if (input.reminders !== undefined) {
    const { reminders, problems } = checkReminders(input.reminders);
    for (const problem of problems) addError(errors, "reminders", problem);
    merged.reminders = reminders;
  }
  // An existing zero-length event (written through Kona) stays valid while its times are left alone.
  const untouchedInstant = input.startsAt === undefined && input.endsAt === undefined && current.startsAt.getTime() === current.endsAt.getTime();
  Object.assign(merged, checkEvent(merged, errors, { allowZeroLength: input.allowZeroLength || untouchedInstant }));
  // RFC 5545 allows RDATEs without an RRULE: DTSTART plus the RDATEs is a one-occurrence rule plus RDATEs.
  if (!merged.rrule && input.rdates?.length) merged.rrule = RDATES_ONLY_RULE;
  if (merged.rrule) {
    merged.rdates = checkRdates(merged.rdates, merged.startsAt, errors);
    try {
      const rule = parseRRule(merged.rrule);
      validateRule(rule, { allDay: merged.allDay });
      if (rule.until && !inDateRange(rule.until)) addError(errors, "rrule", `UNTIL must be ${DATE_RANGE_TEXT}`);
      merged.rrule = formatRRule(rule);
      merged.recurrenceEndsAt = seriesEnd(merged);
    } catch (error) {
      if (!(error instanceof RecurrenceRuleError)) throw error;
      addError(errors, "rrule", error.message);
    }
  } else {
    merged.rrule = null;
    merged.rdates = [];
    merged.recurrenceEndsAt = null;
  }
  if (Object.keys(errors).length) throw invalid(errors);
  return merged;
}

/** RDATEs of a series: valid instants from DTSTART on (earlier ones are not occurrences), sorted, unique. */
function checkRdates(rdates: Date[], start: Date, errors: FieldErrors): Date[] {
  if (rdates.some((d) => !(d instanceof Date) || !Number.isFinite(d.getTime()))) addError(errors, "rdates", "must be valid instants");
  const kept = [...new Set(rdates.map((d) => d.getTime()).filter((ms) => Number.isFinite(ms) && ms >= start.getTime()))].sort((a, b) => a - b);
  if (kept.length > MAX_RDATES) addError(errors, "rdates", `a series may have at most ${MAX_RDATES} RDATEs`);
  return kept.map((ms) => new Date(ms));
}

/** End of the last occurrence (null = unbounded): keeps window queries on an index. */
export function seriesEnd(event: Pick<EventWrite, "rrule" | "startsAt" | "endsAt" | "timeZone" | "allDay" | "exdates" | "rdates">): Date | null {
  if (!event.rrule) return null;
  const rule = parseRRule(event.rrule);
  const duration = event.endsAt.getTime() - event.startsAt.getTime();
  const lastRdate = event.rdates.reduce((max, d) => Math.max(max, d.getTime() + duration), -Infinity);
  // Clamped to the accepted range: nothing is ever listed beyond it (lib/domain/time.ts).
  const clamp = (end: Date) => new Date(Math.min(end.getTime(), DATE_MAX.getTime()));
  const withRdates = (end: Date) => new Date(Math.max(end.getTime(), lastRdate));
  if (rule.until) return clamp(withRdates(new Date(rule.until.getTime() + duration + 86_400_000)));
  if (rule.count) {
    const last = occurrenceAt({ rule, start: event.startsAt, timeZone: event.timeZone, allDay: event.allDay, exdates: [], durationMs: duration }, rule.count);
    return clamp(withRdates(last ? new Date(last.getTime() + duration) : event.endsAt));
  }
  return null;
}

/** Participants from Kona's participant_ids (default role) and editor_ids (editor). */
export async function participantsOf(input: EventInput, defaultRole: string, errors: FieldErrors, users: UserRepository): Promise<{ userId: number; role: string }[] | undefined> {
  if (input.participantIds === undefined && input.editorIds === undefined) return undefined;
  const roles = new Map<number, string>();
  for (const id of input.participantIds ?? []) roles.set(id, defaultRole);
  for (const id of input.editorIds ?? []) roles.set(id, "editor");
  // Inside a write transaction `users` reads in it (on SQLite a lone query waits for the transaction).
  const known = new Set((await users.findByIds([...roles.keys()])).map((u) => u.id));
  for (const [field, ids] of [["participant_ids", input.participantIds], ["editor_ids", input.editorIds]] as const) {
    const unknown = (ids ?? []).filter((id) => !known.has(id));
    if (unknown.length) addError(errors, field, `contains unknown user ids: ${unknown.join(", ")}`);
  }
  return [...roles].map(([userId, role]) => ({ userId, role }));
}

/** A new event's columns before the caller's input is merged over them. */
export function newEventDefaults(calendar: CalendarRecord, status: StoredStatus, start: Date): EventWrite {
  return {
    title: "",
    description: null,
    location: null,
    allDay: false,
    startsAt: start,
    endsAt: start,
    timeZone: calendar.timeZone,
    status,
    visibility: DEFAULTS.visibility,
    stakeholder: DEFAULTS.stakeholder,
    defaultRole: DEFAULTS.defaultRole,
    rrule: null,
    exdates: [],
    rdates: [],
    recurrenceEndsAt: null,
    externalObject: null,
    reminders: calendar.defaultReminders,
  };
}
