"use client";
import { useId, useState } from "react";
import type { Scope } from "@/lib/client/optimistic-events.ts";
import { Dialog } from "@/components/ui/dialog.tsx";

export interface ScopeDialogProps {
  open: boolean;
  action: "change" | "delete";
  /** Scopes offered (a changed recurrence cannot apply to one occurrence). */
  scopes?: Scope[];
  onChoose: (scope: Scope) => void;
  onCancel: () => void;
}

const LABELS: Record<Scope, string> = { this: "This event", following: "This and following events", all: "All events" };

/** "This event / This and following / All events" for an occurrence of a recurring event. */
export function ScopeDialog({ open, action, scopes = ["this", "following", "all"], onChoose, onCancel }: ScopeDialogProps) {
  const [scope, setScope] = useState<Scope>(scopes[0] ?? "this");
  const name = useId();
  const chosen = scopes.includes(scope) ? scope : (scopes[0] ?? "this");
  return (
    <Dialog
      open={open}
      title={action === "delete" ? "Delete recurring event" : "Change recurring event"}
      onClose={onCancel}
      size="small"
      footer={
        <>
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
          <button type="button" className={`button ${action === "delete" ? "button-danger" : "button-primary"}`} onClick={() => onChoose(chosen)}>
            {action === "delete" ? "Delete" : "OK"}
          </button>
        </>
      }
    >
      <fieldset className="scope-options">
        <legend className="sr-only">{action === "delete" ? "Which events to delete" : "Which events to change"}</legend>
        {scopes.map((s, i) => (
          <label key={s} className="radio-row">
            <input type="radio" name={name} value={s} checked={chosen === s} onChange={() => setScope(s)} data-autofocus={i === 0 ? true : undefined} />
            {LABELS[s]}
          </label>
        ))}
      </fieldset>
    </Dialog>
  );
}
