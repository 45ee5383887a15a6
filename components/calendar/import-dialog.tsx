"use client";
import { useRef, useState } from "react";
import type { Calendar, ImportResult } from "@/lib/api/sweetdate/schemas.ts";
import { describeError } from "@/lib/client/request.ts";
import { useImportIcs, type ImportProgress } from "@/lib/client/use-import-ics.ts";
import { Dialog } from "@/components/ui/dialog.tsx";
import { Field, FormErrors } from "@/components/ui/field.tsx";

/** Import an .ics file into one of the caller's writable calendars, with progress and a summary. */
export function ImportDialog({ calendars, initialFile, onClose }: { calendars: Calendar[]; initialFile: File | null; onClose: () => void }) {
  const targets = calendars.filter((c) => c.role !== "guest" && !c.source_url);
  const [calendarId, setCalendarId] = useState(targets[0]?.id ?? "");
  const [file, setFile] = useState<File | null>(initialFile);
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [error, setError] = useState<string[]>([]);
  const [dragging, setDragging] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const importIcs = useImportIcs();

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    if (!file || !calendarId) return;
    setError([]);
    setResult(null);
    setProgress({ uploaded: 0 });
    try {
      setResult(await importIcs.mutateAsync({ calendarId, file, onProgress: setProgress }));
    } catch (err) {
      setError([describeError(err)]);
    } finally {
      setProgress(null);
    }
  }

  const pending = importIcs.isPending;
  return (
    <Dialog
      open
      title="Import .ics"
      onClose={onClose}
      size="small"
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            {result ? "Done" : "Cancel"}
          </button>
          <button type="submit" form="import-form" className="button button-primary" disabled={pending || !file || !calendarId}>
            {pending ? "Importing…" : "Import"}
          </button>
        </>
      }
    >
      <form id="import-form" onSubmit={submit} noValidate>
        <FormErrors errors={error} />
        {targets.length === 0 ? <p className="readonly-note">You need a calendar of your own (member or above, not a subscription) to import into.</p> : null}
        <Field label="Into calendar">
          <select value={calendarId} onChange={(e) => setCalendarId(e.target.value)} disabled={pending}>
            {targets.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </Field>
        <div
          className={`drop-zone${dragging ? " drop-zone-active" : ""}`}
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={(e) => {
            e.preventDefault();
            setDragging(false);
            const dropped = e.dataTransfer.files[0];
            if (dropped) setFile(dropped);
          }}
        >
          <label htmlFor="ics-file" className="field-label">
            iCalendar file
          </label>
          <input id="ics-file" ref={input} type="file" accept=".ics,.ical,.ifb,.icalendar,text/calendar" onChange={(e) => setFile(e.target.files?.[0] ?? null)} disabled={pending} />
          <p className="field-hint">{file ? `${file.name} (${Math.max(1, Math.round(file.size / 1024))} KB)` : "Choose a file, or drop one here."}</p>
        </div>
        {progress ? (
          <div className="import-progress" role="status">
            {progress.uploaded === null ? (
              <span>Importing events…</span>
            ) : (
              <>
                <span>Uploading… {Math.round(progress.uploaded * 100)}%</span>
                <progress max={1} value={progress.uploaded} aria-label="Upload progress" />
              </>
            )}
          </div>
        ) : null}
        {result ? (
          <div className="import-result" role="status" data-testid="import-result">
            <p>
              <strong>{result.created}</strong> new, <strong>{result.updated}</strong> updated, <strong>{result.unchanged}</strong> unchanged
              {result.failed.length ? (
                <>
                  , <strong>{result.failed.length}</strong> failed
                </>
              ) : null}
              .
            </p>
            {result.failed.length ? (
              <ul className="import-failures">
                {result.failed.slice(0, 20).map((f) => (
                  <li key={f.uid}>
                    <code>{f.uid}</code>: {f.reason}
                  </li>
                ))}
              </ul>
            ) : null}
          </div>
        ) : null}
      </form>
    </Dialog>
  );
}
