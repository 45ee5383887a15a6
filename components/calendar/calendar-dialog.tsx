"use client";
import { useState } from "react";
import type { Calendar } from "@/lib/api/sweetdate/schemas.ts";
import { ApiError, describeError } from "@/lib/client/request.ts";
import { useCreateCalendar } from "@/lib/client/use-create-calendar.ts";
import { useUpdateCalendar } from "@/lib/client/use-update-calendar.ts";
import { Dialog } from "@/components/ui/dialog.tsx";
import { Field, FormErrors } from "@/components/ui/field.tsx";
import { useToast } from "@/components/ui/toast.tsx";
import { TimeZoneSelect } from "@/components/ui/time-zone-select.tsx";
import { CalendarIcal } from "./calendar-ical.tsx";
import { CalendarMembers } from "./calendar-members.tsx";
import { TrashDialog } from "./trash-dialog.tsx";
import { RemindersField } from "./reminders-field.tsx";
import { remindersOf, rowsOf } from "@/lib/client/reminders.ts";

export const PALETTE = ["#3b82f6", "#10b981", "#f59e0b", "#ef4444", "#8b5cf6", "#ec4899", "#14b8a6", "#64748b"];
const PALETTE_NAMES: Record<string, string> = {
  "#3b82f6": "Blue",
  "#10b981": "Green",
  "#f59e0b": "Amber",
  "#ef4444": "Red",
  "#8b5cf6": "Violet",
  "#ec4899": "Pink",
  "#14b8a6": "Teal",
  "#64748b": "Slate",
};

/** Create a calendar, or rename / recolour / re-zone one (owners and admins) and manage who shares it. */
export function CalendarDialog({ calendar, defaultTimeZone, meId, onClose }: { calendar: Calendar | null; defaultTimeZone: string; meId: string | undefined; onClose: () => void }) {
  const [trash, setTrash] = useState(false);
  const [name, setName] = useState(calendar?.name ?? "");
  const [color, setColor] = useState(calendar?.color ?? PALETTE[0]!);
  const [timeZone, setTimeZone] = useState(calendar?.time_zone ?? defaultTimeZone);
  const [sourceUrl, setSourceUrl] = useState("");
  const [reminderRows, setReminderRows] = useState(() => rowsOf(calendar?.default_reminders ?? []));
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [general, setGeneral] = useState<string[]>([]);
  const create = useCreateCalendar();
  const update = useUpdateCalendar();
  const toast = useToast();
  const canEdit = !calendar || calendar.role === "owner" || calendar.role === "admin";

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setErrors({});
    setGeneral([]);
    const reminders = remindersOf(reminderRows);
    if ("error" in reminders) {
      setErrors({ default_reminders: [reminders.error] });
      return;
    }
    const default_reminders = reminders.reminders;
    try {
      if (calendar) await update.mutateAsync({ id: calendar.id, input: { name, color, time_zone: timeZone, default_reminders } });
      else await create.mutateAsync({ name, color, time_zone: timeZone, default_reminders, ...(sourceUrl.trim() ? { source_url: sourceUrl.trim() } : {}) });
      toast(calendar ? "Calendar saved" : `Calendar “${name}” created`, "success");
      onClose();
    } catch (error) {
      if (error instanceof ApiError && Object.keys(error.fields).length) setErrors(error.fields);
      else setGeneral([describeError(error)]);
    }
  }

  const pending = create.isPending || update.isPending;
  return (
    <Dialog
      open
      title={calendar ? "Edit calendar" : "New calendar"}
      onClose={onClose}
      size={calendar ? "medium" : "small"}
      footer={
        <>
          {calendar && calendar.role !== "guest" ? (
            <button type="button" className="button button-quiet footer-start" onClick={() => setTrash(true)}>
              Trash…
            </button>
          ) : null}
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" form="calendar-form" className="button button-primary" disabled={pending || !canEdit}>
            {pending ? "Saving…" : calendar ? "Save" : "Create"}
          </button>
        </>
      }
    >
      <form id="calendar-form" onSubmit={submit} noValidate>
        {!canEdit ? <p className="readonly-note">Only the calendar&apos;s owner and admins can change it.</p> : null}
        <FormErrors errors={general} />
        <Field label="Name" errors={errors.name}>
          <input type="text" value={name} onChange={(e) => setName(e.target.value)} maxLength={200} data-autofocus disabled={!canEdit} />
        </Field>
        <fieldset className="color-picker" disabled={!canEdit}>
          <legend className="field-label">Colour</legend>
          <div className="swatches">
            {PALETTE.map((c) => (
              <label key={c} className="swatch-option" title={PALETTE_NAMES[c]}>
                <input type="radio" name="calendar-color" value={c} checked={color.toLowerCase() === c} onChange={() => setColor(c)} aria-label={PALETTE_NAMES[c]} />
                <span className="swatch swatch-large" style={{ background: c }} aria-hidden="true" />
              </label>
            ))}
            <label className="swatch-custom">
              <span className="sr-only">Custom colour</span>
              <input type="color" value={color} onChange={(e) => setColor(e.target.value)} />
            </label>
          </div>
          {errors.color ? (
            <p className="field-error" data-field-error>
              {errors.color.join("; ")}
            </p>
          ) : null}
        </fieldset>
        <Field label="Time zone" errors={errors.time_zone} hint="New events in this calendar default to this zone.">
          <TimeZoneSelect value={timeZone} onChange={setTimeZone} disabled={!canEdit} />
        </Field>
        <RemindersField
          legend="Default reminders"
          rows={reminderRows}
          onChange={setReminderRows}
          errors={errors.default_reminders}
          hint="New events in this calendar start with these reminders."
          disabled={!canEdit}
        />
        {calendar ? null : (
          <Field label="Subscribe to a URL (optional)" errors={errors.source_url} hint="An iCalendar (.ics or webcal://) address: the calendar then follows it, read-only.">
            <input type="url" inputMode="url" value={sourceUrl} onChange={(e) => setSourceUrl(e.target.value)} placeholder="https://example.com/holidays.ics" />
          </Field>
        )}
      </form>
      {calendar ? <CalendarIcal calendar={calendar} /> : null}
      {calendar && meId ? <CalendarMembers calendar={calendar} meId={meId} onLeft={onClose} /> : null}
      {calendar && trash ? <TrashDialog calendar={calendar} timeZone={defaultTimeZone} onClose={() => setTrash(false)} /> : null}
    </Dialog>
  );
}
