// Reminders in the browser, the pure parts: the form's rows (number + unit) ↔ minutes, and which
// reminders of the loaded occurrences are due now. The hook (use-reminders.ts) adds timers,
// localStorage and notifications around these.
import type { Event } from "@/lib/api/sweetdate/schemas.ts";
import { describeOffset, MAX_REMINDER_MINUTES, MAX_REMINDERS } from "@/lib/domain/reminders.ts";

export { MAX_REMINDERS };

export type ReminderUnit = "minutes" | "hours" | "days";
/** One row of the reminders control; `amount` is what is typed (may be empty while typing). */
export interface ReminderRow {
  amount: string;
  unit: ReminderUnit;
}

const UNIT_MINUTES: Record<ReminderUnit, number> = { minutes: 1, hours: 60, days: 1440 };

/** Stored minutes → rows in the largest whole unit (90 → 90 minutes, 120 → 2 hours, 2880 → 2 days). */
export function rowsOf(reminders: readonly { minutes_before: number }[]): ReminderRow[] {
  return reminders.map(({ minutes_before: m }) => {
    const unit: ReminderUnit = m > 0 && m % 1440 === 0 ? "days" : m > 0 && m % 60 === 0 ? "hours" : "minutes";
    return { amount: String(m / UNIT_MINUTES[unit]), unit };
  });
}

/** Rows → the wire list, or the problem a person can fix (checked on save, not while typing). */
export function remindersOf(rows: readonly ReminderRow[]): { reminders: { minutes_before: number }[] } | { error: string } {
  const minutes: number[] = [];
  for (const row of rows) {
    const text = row.amount.trim();
    if (!/^\d+$/.test(text)) return { error: "Each reminder needs a whole number (0 or more)." };
    const value = Number(text) * UNIT_MINUTES[row.unit];
    if (value > MAX_REMINDER_MINUTES) return { error: "A reminder can be at most 4 weeks before the event." };
    minutes.push(value);
  }
  const unique = [...new Set(minutes)].sort((a, b) => a - b);
  if (unique.length > MAX_REMINDERS) return { error: `At most ${MAX_REMINDERS} reminders.` };
  return { reminders: unique.map((m) => ({ minutes_before: m })) };
}

/** One reminder of one occurrence: what fires, and when. */
export interface DueReminder {
  /** Stable across reloads: the occurrence, its start (a moved event reminds again) and the offset. */
  key: string;
  event: Event;
  minutesBefore: number;
  fireAt: number;
}

/** Reminders fire this long after their time at the latest (a tab opened or woken a little late). */
export const LATE_LIMIT_MS = 5 * 60_000;

export function reminderKey(event: Pick<Event, "id" | "starts_at">, minutesBefore: number): string {
  return `${event.id}|${event.starts_at}|${minutesBefore}`;
}

/** Every reminder of `events` not yet fired, in fire order; all-day events count from their start (UTC midnight of the date is the wire's start). */
export function pendingReminders(events: readonly Event[], now: number, fired: ReadonlySet<string>): DueReminder[] {
  const pending: DueReminder[] = [];
  for (const event of events) {
    const start = Date.parse(event.starts_at);
    for (const { minutes_before } of event.reminders) {
      const fireAt = start - minutes_before * 60_000;
      const key = reminderKey(event, minutes_before);
      if (fireAt < now - LATE_LIMIT_MS || fired.has(key)) continue;
      pending.push({ key, event, minutesBefore: minutes_before, fireAt });
    }
  }
  return pending.sort((a, b) => a.fireAt - b.fireAt || a.key.localeCompare(b.key));
}

/** The reminders due at `now` (not older than LATE_LIMIT_MS) and how long until the next one. */
export function dueNow(events: readonly Event[], now: number, fired: ReadonlySet<string>): { due: DueReminder[]; nextInMs: number | null } {
  const pending = pendingReminders(events, now, fired);
  const due = pending.filter((r) => r.fireAt <= now);
  const next = pending.find((r) => r.fireAt > now);
  return { due, nextInMs: next ? next.fireAt - now : null };
}

/** "Design review in 10 minutes", "… starts now", "… started 3 minutes ago": the reminder's own offset when on time, else counted from now. */
export function reminderText(reminder: Pick<DueReminder, "event" | "minutesBefore" | "fireAt">, now: number): string {
  const title = reminder.event.title;
  const minutes = now - reminder.fireAt < 60_000 ? reminder.minutesBefore : Math.round((Date.parse(reminder.event.starts_at) - now) / 60_000);
  if (minutes === 0) return `${title} starts now`;
  if (minutes < 0) return `${title} started ${describeOffset(-minutes)} ago`;
  return `${title} in ${describeOffset(minutes)}`;
}
