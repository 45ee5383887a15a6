"use client";
import { FieldError } from "@/components/ui/field.tsx";
import { useId, useSyncExternalStore } from "react";
import { MAX_REMINDERS, type ReminderRow, type ReminderUnit } from "@/lib/client/reminders.ts";
import { notificationPermission, requestNotifications, subscribeNotificationPermission } from "@/lib/client/use-reminders.ts";

const UNITS: { value: ReminderUnit; label: string }[] = [
  { value: "minutes", label: "minutes" },
  { value: "hours", label: "hours" },
  { value: "days", label: "days" },
];

export interface RemindersFieldProps {
  legend: string;
  rows: ReminderRow[];
  onChange: (rows: ReminderRow[]) => void;
  errors?: string[] | undefined;
  hint?: string | undefined;
  disabled?: boolean | undefined;
}

/** Reminder rows (a number and a unit, "before"), add/remove, and the desktop-notification switch. */
export function RemindersField({ legend, rows, onChange, errors, hint, disabled }: RemindersFieldProps) {
  const id = useId();
  const permission = useSyncExternalStore(subscribeNotificationPermission, notificationPermission, () => "unsupported" as const);
  const set = (index: number, patch: Partial<ReminderRow>) => onChange(rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  const describedBy = [hint ? `${id}-hint` : null, errors?.length ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <fieldset className="reminders-field" disabled={disabled} aria-describedby={describedBy}>
      <legend className="field-label">{legend}</legend>
      {rows.length === 0 ? <p className="field-hint reminders-none">No reminders.</p> : null}
      <ul className="reminder-rows">
        {rows.map((row, i) => (
          <li key={i} className="reminder-row">
            <input
              type="text"
              inputMode="numeric"
              className="reminder-amount"
              value={row.amount}
              onChange={(e) => set(i, { amount: e.target.value })}
              aria-label={`Reminder ${i + 1}: how many`}
              aria-invalid={errors?.length ? true : undefined}
              size={4}
            />
            <select value={row.unit} onChange={(e) => set(i, { unit: e.target.value as ReminderUnit })} aria-label={`Reminder ${i + 1}: unit`}>
              {UNITS.map((u) => (
                <option key={u.value} value={u.value}>
                  {u.label}
                </option>
              ))}
            </select>
            <span className="reminder-before">before</span>
            <button type="button" className="icon-button" onClick={() => onChange(rows.filter((_, j) => j !== i))} aria-label={`Remove reminder ${i + 1}`} title="Remove">
              ×
            </button>
          </li>
        ))}
      </ul>
      <div className="reminder-actions">
        <button type="button" className="button button-small" onClick={() => onChange([...rows, { amount: "10", unit: "minutes" }])} disabled={rows.length >= MAX_REMINDERS}>
          Add reminder
        </button>
        {permission === "default" && rows.length > 0 ? (
          <button type="button" className="button button-small button-quiet" onClick={() => void requestNotifications()}>
            Enable desktop notifications
          </button>
        ) : null}
      </div>
      {hint ? (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
          {permission === "denied" ? " Desktop notifications are blocked in this browser's site settings; reminders show inside SweetDate." : null}
        </p>
      ) : null}
      <FieldError id={`${id}-error`} errors={errors} />
    </fieldset>
  );
}
