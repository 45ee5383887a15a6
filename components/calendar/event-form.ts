// The event dialog's form state ↔ the API's EventInput. Times are wall-clock in the event's own
// zone; all-day end dates are inclusive here and exclusive on the wire (Google's convention).
import type { Event, EventInput } from "@/lib/api/sweetdate/schemas.ts";
import { remindersOf, rowsOf, type ReminderRow } from "@/lib/client/reminders.ts";
import { alignedStart, buildRRule, emptyRecurrence, parseRecurrence, weekdayOf, type RecurrenceState } from "@/lib/client/recurrence-rule.ts";
import { addDays, addMinutes, fromWallClock, toWallClock, utcDate } from "@/lib/client/zoned-time.ts";

export type Visibility = Event["visibility"];
export type Stakeholder = Event["stakeholder"];
export type ParticipantRole = Event["default_role"];
export type Status = Event["status"];

export interface EventFormState {
  calendarId: string;
  title: string;
  allDay: boolean;
  startDate: string;
  startTime: string;
  endDate: string;
  endTime: string;
  timeZone: string;
  location: string;
  description: string;
  recurrence: RecurrenceState;
  visibility: Visibility;
  stakeholder: Stakeholder;
  defaultRole: ParticipantRole;
  status: Status;
  /** userId → "participant" (gets the default role) | "editor". */
  people: Record<string, "participant" | "editor">;
  /** Reminder rows as typed (checked on save); a new event starts with its calendar's defaults. */
  reminders: ReminderRow[];
}

export interface Draft {
  calendarId: string;
  timeZone: string;
  allDay: boolean;
  startDate: string;
  startTime: string;
  endDate: string;
  endTime: string;
  /** What was typed in the quick-create popover before "More options". */
  title?: string;
}

/** `defaultReminders`: the calendar's `default_reminders`, shown (and sent) as the new event's own. */
export function draftState(draft: Draft, defaultReminders: { minutes_before: number }[] = []): EventFormState {
  return {
    ...draft,
    title: draft.title ?? "",
    location: "",
    description: "",
    recurrence: emptyRecurrence(draft.startDate),
    visibility: "public",
    stakeholder: "group",
    defaultRole: "editor",
    status: "scheduled",
    people: {},
    reminders: rowsOf(defaultReminders),
  };
}

export function eventState(event: Event): EventFormState {
  const zone = event.time_zone;
  const start = event.all_day ? { date: utcDate(event.starts_at), time: "09:00" } : toWallClock(event.starts_at, zone);
  const end = event.all_day ? { date: addDays(utcDate(event.ends_at), -1), time: "10:00" } : toWallClock(event.ends_at, zone);
  return {
    calendarId: event.calendar_id,
    title: event.title,
    allDay: event.all_day,
    startDate: start.date,
    startTime: start.time,
    endDate: end.date < start.date ? start.date : end.date,
    endTime: end.time,
    timeZone: zone,
    location: event.location ?? "",
    description: event.description ?? "",
    recurrence: parseRecurrence(event.rrule, { startDate: start.date, zone, allDay: event.all_day }),
    visibility: event.visibility,
    stakeholder: event.stakeholder,
    defaultRole: event.default_role,
    status: event.status,
    people: {},
    reminders: rowsOf(event.reminders),
  };
}

/** A weekly rule on just the old start's weekday follows the start to its new weekday. */
function followWeekday(recurrence: RecurrenceState, from: string, to: string): RecurrenceState {
  const days = recurrence.custom.byDay;
  if (recurrence.unsupported || days.length !== 1 || days[0] !== weekdayOf(from)) return recurrence;
  return { ...recurrence, custom: { ...recurrence.custom, byDay: [weekdayOf(to)] } };
}

/** Keeps the duration when the start moves (as calendar apps do). */
export function moveStart(previous: EventFormState, startDate: string, startTime: string): EventFormState {
  const state = { ...previous, recurrence: followWeekday(previous.recurrence, previous.startDate, startDate) };
  if (state.allDay) {
    const days = Math.round((Date.parse(state.endDate) - Date.parse(state.startDate)) / 86_400_000);
    return { ...state, startDate, endDate: addDays(startDate, Math.max(0, days)) };
  }
  const before = Date.parse(fromWallClock(state.startDate, state.startTime, state.timeZone));
  const length = Math.max(0, Date.parse(fromWallClock(state.endDate, state.endTime, state.timeZone)) - before);
  const end = toWallClock(new Date(Date.parse(fromWallClock(startDate, startTime, state.timeZone)) + length).toISOString(), state.timeZone);
  return { ...state, startDate, startTime, endDate: end.date, endTime: end.time };
}

/** The wire times for the form's start/end. */
export function timesOf(state: EventFormState): { starts_at: string; ends_at: string } {
  if (state.allDay) return { starts_at: state.startDate, ends_at: addDays(state.endDate < state.startDate ? state.startDate : state.endDate, 1) };
  return { starts_at: fromWallClock(state.startDate, state.startTime, state.timeZone), ends_at: fromWallClock(state.endDate, state.endTime, state.timeZone) };
}

export function rruleOf(state: EventFormState): string | null {
  return buildRRule(state.recurrence, { startDate: state.startDate, zone: state.timeZone, allDay: state.allDay });
}

/** A weekly series must begin on one of its days (the editor says so before save). */
export function alignToRule(state: EventFormState): EventFormState {
  const date = alignedStart(state.recurrence, state.startDate);
  return date ? moveStart(state, date, state.startTime) : state;
}

function fullInput(unaligned: EventFormState): EventInput {
  const state = alignToRule(unaligned);
  const people = Object.entries(state.people);
  const rrule = rruleOf(state);
  const reminders = remindersOf(state.reminders);
  return {
    title: state.title,
    all_day: state.allDay,
    ...timesOf(state),
    time_zone: state.timeZone,
    location: state.location.trim() || null,
    description: state.description.trim() || null,
    rrule,
    visibility: state.visibility,
    stakeholder: state.stakeholder,
    default_role: state.defaultRole,
    status: state.status,
    participant_ids: people.filter(([, r]) => r === "participant").map(([id]) => id),
    editor_ids: people.filter(([, r]) => r === "editor").map(([id]) => id),
    // Rows were checked before saving (reminderErrors); unreadable ones never reach here.
    reminders: "reminders" in reminders ? reminders.reminders : [],
  };
}

/** What is wrong with the typed reminder rows (shown under the control on save), or nothing. */
export function reminderErrors(state: EventFormState): string[] {
  const result = remindersOf(state.reminders);
  return "error" in result ? [result.error] : [];
}

/** Create: everything. Edit: only what changed (PUT is partial), people only when touched. */
export function toInput(state: EventFormState, initial: EventFormState | null, peopleTouched: boolean): EventInput {
  const next = fullInput(state);
  if (!initial) {
    if (!peopleTouched) {
      delete next.participant_ids;
      delete next.editor_ids;
    }
    if (next.rrule === null) delete next.rrule;
    return next;
  }
  const before = fullInput(initial);
  const diff: Record<string, unknown> = {};
  for (const key of Object.keys(next) as (keyof EventInput)[]) {
    if (key === "participant_ids" || key === "editor_ids") continue;
    if (JSON.stringify(next[key]) !== JSON.stringify(before[key])) diff[key] = next[key];
  }
  // Moving an all-day event or toggling all-day sends both ends so the server sees a whole span.
  if ("starts_at" in diff || "ends_at" in diff || "all_day" in diff || "time_zone" in diff) {
    diff.starts_at = next.starts_at;
    diff.ends_at = next.ends_at;
    diff.all_day = next.all_day;
  }
  if (peopleTouched) {
    diff.participant_ids = next.participant_ids;
    diff.editor_ids = next.editor_ids;
  }
  return diff as EventInput;
}

export function recurrenceChanged(state: EventFormState, initial: EventFormState | null): boolean {
  return initial !== null && rruleOf(state) !== rruleOf(initial);
}

/** A new event's default span: a clicked slot, or the next half hour for an hour. */
export function draftFromSelection(selection: { start: string; end: string; allDay: boolean }, calendarId: string, timeZone: string): Draft {
  if (selection.allDay) {
    const startDate = selection.start.slice(0, 10);
    const lastDate = addDays(selection.end.slice(0, 10), -1);
    // One clicked day becomes a one-hour meeting at 09:00; a dragged span of days an all-day event.
    if (lastDate <= startDate) return { calendarId, timeZone, allDay: false, startDate, startTime: "09:00", endDate: startDate, endTime: "10:00" };
    return { calendarId, timeZone, allDay: true, startDate, startTime: "09:00", endDate: lastDate, endTime: "10:00" };
  }
  const start = toWallClock(new Date(selection.start).toISOString(), timeZone);
  const end = toWallClock(new Date(selection.end).toISOString(), timeZone);
  return { calendarId, timeZone, allDay: false, startDate: start.date, startTime: start.time, endDate: end.date, endTime: end.time };
}

export function draftAt(date: string, time: string, calendarId: string, timeZone: string): Draft {
  const end = addMinutes(time, 60);
  return { calendarId, timeZone, allDay: false, startDate: date, startTime: time, endDate: addDays(date, end.dayOffset), endTime: end.time };
}

/** Maps the API's 422 field names onto the dialog's fields. */
export function formFieldOf(apiField: string): string {
  if (apiField === "starts_at") return "start";
  if (apiField === "ends_at") return "end";
  if (apiField === "rrule" || apiField === "recurrence_rule") return "recurrence";
  if (apiField === "participant_ids" || apiField === "editor_ids") return "people";
  return apiField;
}
