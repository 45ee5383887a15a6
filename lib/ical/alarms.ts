// Reminders ↔ VALARM (RFC 5545 §3.6.6). Export: one DISPLAY alarm per reminder with a relative
// TRIGGER before the start. Import: alarms that fire a whole number of minutes at or before the
// start (relative to START, or to END converted with the event's length) become reminders; absolute
// and after-start triggers cannot be stored as "minutes before" and are reported.
import ICAL from "ical.js";
import { MAX_REMINDER_MINUTES, MAX_REMINDERS, describeOffset, normalizeReminders } from "../domain/reminders.ts";

type JCalProp = [string, Record<string, unknown>, string, ...unknown[]];
type JCalComponent = [string, JCalProp[], JCalComponent[]];

/** A VALARM's TRIGGER value for a reminder: `-PT10M`, `-P1D`, `PT0S` (relative to the start). */
export function alarmTrigger(minutes: number): string {
  return ICAL.Duration.fromSeconds(-minutes * 60).toString();
}

/** What a VALARM shows (its DESCRIPTION): the event's title and when it starts. */
export function alarmDescription(summary: string, minutes: number): string {
  return `${summary} (${minutes === 0 ? "starts now" : `in ${describeOffset(minutes)}`})`;
}

/** Reminders read from a VEVENT's subcomponents; `warn` hears of each alarm that was left out. */
export function remindersOfAlarms(components: readonly JCalComponent[], eventLengthMs: number, warn: (reason: string) => void): number[] {
  const minutes: number[] = [];
  for (const [name, props] of components) {
    if (name !== "valarm") continue;
    const action = String(props.find((p) => p[0] === "action")?.[3] ?? "").toUpperCase();
    if (action === "NONE") continue; // Apple's placeholder for "no alarm"
    const trigger = props.find((p) => p[0] === "trigger");
    const offset = trigger ? triggerOffsetMs(trigger, eventLengthMs) : null;
    if (offset === null) {
      warn("VALARM with an absolute or unreadable TRIGGER: not kept as a reminder");
      continue;
    }
    if (offset > 0) {
      warn("VALARM after the event's start: not kept as a reminder");
      continue;
    }
    const before = Math.round(-offset / 60_000);
    if (before > MAX_REMINDER_MINUTES) {
      warn(`VALARM more than ${MAX_REMINDER_MINUTES} minutes (4 weeks) before the start: not kept as a reminder`);
      continue;
    }
    minutes.push(before);
  }
  const list = normalizeReminders(minutes);
  if (list.length > MAX_REMINDERS) warn(`more than ${MAX_REMINDERS} VALARMs: the ${MAX_REMINDERS} nearest the start were kept`);
  return list.slice(0, MAX_REMINDERS);
}

/** Milliseconds from the event's start at which the alarm fires (negative = before); null when absolute. */
function triggerOffsetMs(trigger: JCalProp, eventLengthMs: number): number | null {
  const [, params, type, value] = trigger;
  if (type !== "duration" || typeof value !== "string" || String(params.value ?? "").toUpperCase() === "DATE-TIME") return null;
  try {
    const seconds = ICAL.Duration.fromString(value).toSeconds();
    const relatedToEnd = String(params.related ?? "").toUpperCase() === "END";
    return seconds * 1000 + (relatedToEnd ? eventLengthMs : 0);
  } catch {
    return null;
  }
}
