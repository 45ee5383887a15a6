"use client";
import type { Event } from "@/lib/api/sweetdate/schemas.ts";
import type { ShownReminder } from "@/lib/client/use-reminders.ts";

/** Reminders that fired while the app is open: each names the event, opens it, and stays until dismissed. */
export function ReminderAlerts({ shown, ready, onOpen, onDismiss }: { shown: ShownReminder[]; ready: boolean; onOpen: (event: Event) => void; onDismiss: (key: string) => void }) {
  return (
    <section className="reminder-alerts" aria-label="Reminders" aria-live="polite" data-ready={ready}>
      {shown.map((r) => (
        <div key={r.key} className="reminder-alert" data-testid="reminder">
          <span className="reminder-bell" aria-hidden="true">
            🔔
          </span>
          <p className="reminder-text">{r.text}</p>
          <button
            type="button"
            className="button button-small"
            onClick={() => {
              onOpen(r.event);
              onDismiss(r.key);
            }}
          >
            Open
          </button>
          <button type="button" className="icon-button" aria-label={`Dismiss reminder: ${r.text}`} onClick={() => onDismiss(r.key)}>
            ×
          </button>
        </div>
      ))}
    </section>
  );
}
