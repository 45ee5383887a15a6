"use client";
import { useState } from "react";
import { useToast } from "@/components/ui/toast.tsx";

/**
 * Copy text to the clipboard with a toast; when the browser refuses (no permission, not a secure
 * context) the field with `fallbackId` is selected and the user is told how to copy it themselves.
 * Returns the copy function and whether the last copy succeeded.
 */
export function useCopy(): { copy: (text: string, what: string, fallbackId?: string) => Promise<void>; copied: boolean } {
  const toast = useToast();
  const [copied, setCopied] = useState(false);
  async function copy(text: string, what: string, fallbackId?: string) {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(true);
      toast(`${what} copied to the clipboard`, "success");
    } catch {
      setCopied(false);
      const field = fallbackId ? (document.getElementById(fallbackId) as HTMLInputElement | null) : null;
      field?.select();
      toast(field ? `Press Ctrl+C (or ⌘C) to copy the selected ${what.toLowerCase()}` : `Select the ${what.toLowerCase()} and press Ctrl+C (or ⌘C) to copy it`, "info");
    }
  }
  return { copy, copied };
}

/** A secret shown once (API token, app password): read-only field, a copy button, a done button. */
export function SecretBox(props: { id: string; label: string; what: string; secret: string; testId: string; intro: React.ReactNode; doneLabel: string; onDone: () => void }) {
  const { id, label, what, secret, testId, intro, doneLabel, onDone } = props;
  const { copy, copied } = useCopy();
  return (
    <div className="secret-box" role="status">
      <p>{intro}</p>
      <div className="secret-row">
        <label htmlFor={id} className="sr-only">
          {label}
        </label>
        <input id={id} className="secret" readOnly value={secret} onFocus={(e) => e.currentTarget.select()} data-testid={testId} />
        <button type="button" className="button" onClick={() => void copy(secret, what, id)}>
          {copied ? "Copied" : "Copy"}
        </button>
      </div>
      <button type="button" className="link-button" onClick={onDone}>
        {doneLabel}
      </button>
    </div>
  );
}
