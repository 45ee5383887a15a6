// Reminders: minutes before an event's start at which the people who see it in full are reminded
// (the web app shows them; iCalendar carries them as VALARMs). One list per event — the organiser's,
// like the event's other data — and a per-calendar default applied to new events that name none.
// No imports: the SDK's copy of the wire schemas (sdks/js/scripts/sync-schemas.mjs) takes this file.

export const MAX_REMINDERS = 5;
/** Four weeks, the furthest a reminder may be before its event. */
export const MAX_REMINDER_MINUTES = 40_320;

/** Sorted ascending, duplicates dropped: the one stored form. */
export function normalizeReminders(minutes: readonly number[]): number[] {
  return [...new Set(minutes)].sort((a, b) => a - b);
}

/** A list a client sent, normalised, with what is wrong with it (no problems = storable). */
export function checkReminders(minutes: readonly number[]): { reminders: number[]; problems: string[] } {
  const problems: string[] = [];
  if (minutes.some((m) => !Number.isInteger(m) || m < 0 || m > MAX_REMINDER_MINUTES)) {
    problems.push(`minutes_before must be whole minutes from 0 to ${MAX_REMINDER_MINUTES} (4 weeks)`);
  }
  const reminders = normalizeReminders(minutes);
  if (reminders.length > MAX_REMINDERS) problems.push(`at most ${MAX_REMINDERS} reminders are allowed`);
  return { reminders, problems };
}

/** The stored JSON text of a list (columns `events.reminders`, `calendars.default_reminders`). */
export function remindersFromJson(text: string | null | undefined): number[] {
  if (!text) return [];
  try {
    const value = JSON.parse(text) as unknown;
    return Array.isArray(value) ? normalizeReminders(value.filter((m): m is number => Number.isInteger(m) && m >= 0)) : [];
  } catch {
    return [];
  }
}

/** "10 minutes", "1 hour", "2 days", "at the start": how people say an offset. */
export function describeOffset(minutes: number): string {
  if (minutes === 0) return "at the start";
  const [amount, unit] = minutes % 1440 === 0 ? [minutes / 1440, "day"] : minutes % 60 === 0 ? [minutes / 60, "hour"] : [minutes, "minute"];
  return `${amount} ${unit}${amount === 1 ? "" : "s"}`;
}
