"use client";
import { useId, useLayoutEffect, useRef, useState } from "react";
import type { Calendar } from "@/lib/api/sweetdate/schemas.ts";
import { describeError } from "@/lib/client/request.ts";
import { useCreateEvent } from "@/lib/client/use-create-event.ts";
import { formatDateLong } from "@/lib/client/zoned-time.ts";
import { useToast } from "@/components/ui/toast.tsx";
import { draftState, moveStart, toInput, type Draft, type EventFormState } from "./event-form.ts";

export interface QuickCreateProps {
  draft: Draft;
  /** Where the click or selection ended (viewport coordinates); null: centred. */
  anchor: { x: number; y: number } | null;
  calendars: Calendar[];
  onClose: () => void;
  /** "More options": the full dialog, prefilled with what was typed here. */
  onMore: (draft: Draft) => void;
}

const MARGIN = 8;
const GAP = 12;

/** Beside the point if there is room (right, else left; below, else above), always inside the viewport. */
function place(box: DOMRect, anchor: { x: number; y: number } | null): { left: number; top: number } {
  const width = document.documentElement.clientWidth;
  const height = window.innerHeight;
  const clamp = (value: number, size: number, room: number) => Math.max(MARGIN, Math.min(value, room - size - MARGIN));
  if (!anchor) return { left: clamp((width - box.width) / 2, box.width, width), top: clamp((height - box.height) / 3, box.height, height) };
  const left = anchor.x + GAP + box.width <= width - MARGIN ? anchor.x + GAP : anchor.x - GAP - box.width;
  const top = anchor.y + box.height <= height - MARGIN ? anchor.y : anchor.y - box.height;
  return { left: clamp(left, box.width, width), top: clamp(top, box.height, height) };
}

function draftOf(state: EventFormState): Draft {
  const { calendarId, timeZone, allDay, startDate, startTime, endDate, endTime, title } = state;
  return { calendarId, timeZone, allDay, startDate, startTime, endDate, endTime, title };
}

/**
 * The popover a click or a selection on the calendar opens: title, time, calendar. Enter saves;
 * "More options" hands what was typed to the full event dialog; Esc or a click outside closes it
 * and focus returns to where it was. A modal <dialog>, so focus stays inside while it is open.
 */
export function QuickCreate({ draft, anchor, calendars, onClose, onMore }: QuickCreateProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [state, setState] = useState<EventFormState>(() => draftState(draft));
  const [error, setError] = useState<string | null>(null);
  const create = useCreateEvent();
  const toast = useToast();
  const set = (patch: Partial<EventFormState>) => setState((s) => ({ ...s, ...patch }));

  // Opened before paint (a layout effect) so it can be measured and placed before anyone sees it.
  useLayoutEffect(() => {
    const dialog = ref.current;
    if (!dialog || dialog.open) return;
    const opener = document.activeElement as HTMLElement | null;
    dialog.showModal();
    dialog.querySelector<HTMLElement>("[data-autofocus]")?.focus();
    return () => {
      if (dialog.open) dialog.close();
      if (opener && document.contains(opener)) opener.focus();
    };
  }, []);

  // Placed after layout (its size depends on the fields), and again if the window changes size.
  useLayoutEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const reposition = () => {
      const { left, top } = place(dialog.getBoundingClientRect(), anchor);
      dialog.style.left = `${left}px`;
      dialog.style.top = `${top}px`;
    };
    reposition();
    window.addEventListener("resize", reposition);
    return () => window.removeEventListener("resize", reposition);
  }, [anchor, state.allDay]);

  async function save() {
    setError(null);
    try {
      // The chosen calendar's default reminders, as the full dialog would set them.
      const defaults = calendars.find((c) => c.id === state.calendarId)?.default_reminders;
      const input = toInput({ ...state, reminders: draftState(draftOf(state), defaults).reminders }, null, false);
      await create.mutateAsync({ calendarId: state.calendarId, input });
      toast("Event created", "success");
      onClose();
    } catch (e) {
      setError(describeError(e));
    }
  }

  const when = state.allDay
    ? state.endDate > state.startDate
      ? `${formatDateLong(state.startDate)} – ${formatDateLong(state.endDate)}`
      : formatDateLong(state.startDate)
    : formatDateLong(state.startDate);

  return (
    <dialog
      ref={ref}
      className="quick-create"
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      onMouseDown={(e) => {
        // A press outside the box (on the backdrop) closes it.
        if (e.target !== e.currentTarget) return;
        const r = e.currentTarget.getBoundingClientRect();
        if (e.clientX < r.left || e.clientX > r.right || e.clientY < r.top || e.clientY > r.bottom) onClose();
      }}
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
        noValidate
      >
        <div className="quick-create-header">
          <h2 id={titleId} className="quick-create-title">
            Quick add
          </h2>
          <button type="button" className="icon-button icon-button-small" aria-label="Close" onClick={onClose}>
            ×
          </button>
        </div>
        <label className="sr-only" htmlFor={`${titleId}-title`}>
          Title
        </label>
        <input id={`${titleId}-title`} type="text" className="quick-create-name" value={state.title} onChange={(e) => set({ title: e.target.value })} maxLength={500} placeholder="Add a title" data-autofocus />
        <p className="quick-create-when" data-testid="quick-create-when">
          {when}
          {state.allDay ? " · All day" : ""}
        </p>
        {state.allDay ? (
          <div className="quick-create-times">
            <label>
              <span className="field-label">First day</span>
              <input type="date" value={state.startDate} onChange={(e) => e.target.value && setState((s) => moveStart(s, e.target.value, s.startTime))} />
            </label>
            <label>
              <span className="field-label">Last day</span>
              <input type="date" value={state.endDate} min={state.startDate} onChange={(e) => e.target.value && set({ endDate: e.target.value })} />
            </label>
          </div>
        ) : (
          <div className="quick-create-times">
            <label>
              <span className="field-label">Date</span>
              <input type="date" value={state.startDate} onChange={(e) => e.target.value && setState((s) => moveStart(s, e.target.value, s.startTime))} />
            </label>
            <label>
              <span className="field-label">Starts</span>
              <input type="time" step={300} value={state.startTime} onChange={(e) => e.target.value && setState((s) => moveStart(s, s.startDate, e.target.value))} />
            </label>
            <label>
              <span className="field-label">Ends</span>
              <input type="time" step={300} value={state.endTime} onChange={(e) => e.target.value && set({ endTime: e.target.value })} />
            </label>
          </div>
        )}
        <div className="quick-create-calendar">
          <label className="field-label" htmlFor={`${titleId}-calendar`}>
            Calendar
          </label>
          <select id={`${titleId}-calendar`} value={state.calendarId} onChange={(e) => set({ calendarId: e.target.value })}>
            {calendars.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
        {error ? (
          <p className="field-error" role="alert">
            {error}
          </p>
        ) : null}
        <div className="quick-create-actions">
          <button type="button" className="button" onClick={() => onMore(draftOf(state))}>
            More options
          </button>
          <button type="submit" className="button button-primary" disabled={create.isPending}>
            {create.isPending ? "Saving…" : "Save"}
          </button>
        </div>
      </form>
    </dialog>
  );
}
