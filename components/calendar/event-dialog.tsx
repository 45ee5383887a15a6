"use client";
import { useMemo, useState } from "react";
import type { Calendar, Event, User } from "@/lib/api/sweetdate/schemas.ts";
import type { Scope } from "@/lib/client/optimistic-events.ts";
import { validateRecurrence } from "@/lib/client/recurrence-rule.ts";
import { ApiError, describeError } from "@/lib/client/request.ts";
import { useCalendarMembers } from "@/lib/client/use-calendar-members.ts";
import { useCreateEvent } from "@/lib/client/use-create-event.ts";
import { useDeleteEvent } from "@/lib/client/use-delete-event.ts";
import { useEventParticipants } from "@/lib/client/use-event-participants.ts";
import { undoDelete, undoUpdate } from "@/lib/client/undo.ts";
import { seriesBefore, useUndo } from "@/lib/client/use-undo.ts";
import { useUpdateEvent } from "@/lib/client/use-update-event.ts";
import { ConfirmDialog } from "@/components/ui/confirm-dialog.tsx";
import { Dialog } from "@/components/ui/dialog.tsx";
import { FormErrors } from "@/components/ui/field.tsx";
import { useToast } from "@/components/ui/toast.tsx";
import { EventDetails } from "./event-details.tsx";
import { draftState, eventState, formFieldOf, recurrenceChanged, reminderErrors, toInput, type Draft, type EventFormState } from "./event-form.ts";
import { EventFields } from "./event-fields.tsx";
import { RsvpBar } from "./rsvp-bar.tsx";
import { ScopeDialog } from "./scope-dialog.tsx";

export type EditorTarget = { kind: "create"; draft: Draft } | { kind: "edit"; event: Event };

export interface EventDialogProps {
  target: EditorTarget;
  calendars: Calendar[];
  me: User;
  onClose: () => void;
}

const FORM_FIELDS = new Set(["title", "calendar_id", "start", "end", "time_zone", "recurrence", "location", "description", "visibility", "stakeholder", "status", "default_role", "people", "reminders"]);

function splitErrors(error: unknown): { fields: Record<string, string[]>; general: string[] } {
  if (!(error instanceof ApiError) || !Object.keys(error.fields).length) return { fields: {}, general: [describeError(error)] };
  const fields: Record<string, string[]> = {};
  const general: string[] = [];
  for (const [apiField, messages] of Object.entries(error.fields)) {
    const field = formFieldOf(apiField);
    if (FORM_FIELDS.has(field)) fields[field] = [...(fields[field] ?? []), ...messages];
    else general.push(...messages.map((m) => `${apiField.replace(/_/g, " ")} ${m}`));
  }
  return { fields, general };
}

function peopleOf(people: EventFormState["people"]) {
  const entries = Object.entries(people);
  return { participant_ids: entries.filter(([, r]) => r === "participant").map(([id]) => id), editor_ids: entries.filter(([, r]) => r === "editor").map(([id]) => id) };
}

/** Create or edit an event; read-only events open as details. Recurring ones ask for a scope. */
export function EventDialog({ target, calendars, me, onClose }: EventDialogProps) {
  const event = target.kind === "edit" ? target.event : null;
  const readOnly = event !== null && !event.editable;
  const initial = useMemo(() => (event ? eventState(event) : null), [event]);
  const [state, setState] = useState<EventFormState>(() =>
    target.kind === "edit" ? eventState(target.event) : draftState(target.draft, calendars.find((c) => c.id === target.draft.calendarId)?.default_reminders),
  );
  // A draft that arrives with a title (typed in the quick-create popover) already holds the user's work.
  const [pristine] = useState(() => (target.kind === "create" && target.draft.title ? { ...state, title: "" } : state));
  const [peopleTouched, setPeopleTouched] = useState(false);
  const [errors, setErrors] = useState<{ fields: Record<string, string[]>; general: string[] }>({ fields: {}, general: [] });
  const [prompt, setPrompt] = useState<null | "save" | "delete" | "confirm-delete" | "discard">(null);
  const toast = useToast();
  const undo = useUndo();
  const create = useCreateEvent();
  const update = useUpdateEvent();
  const remove = useDeleteEvent();
  const members = useCalendarMembers(readOnly ? null : state.calendarId);
  const participants = useEventParticipants(event && !readOnly ? event.calendar_id : null, event && !readOnly ? event.id : null);

  // The picker shows the stored participants until the user changes it.
  const storedPeople = useMemo(() => {
    const people: EventFormState["people"] = {};
    for (const p of participants.data ?? []) if (p.id !== me.id) people[p.id] = p.role === "editor" ? "editor" : "participant";
    return people;
  }, [participants.data, me.id]);
  const answers = useMemo(() => new Map((participants.data ?? []).map((p) => [p.id, p.rsvp])), [participants.data]);
  const form: EventFormState = peopleTouched ? state : { ...state, people: storedPeople };

  const writable = calendars.filter((c) => c.role !== "guest");
  const calendar = calendars.find((c) => c.id === state.calendarId);
  const busy = create.isPending || update.isPending || remove.isPending;

  async function save(scope?: Scope) {
    setPrompt(null);
    setErrors({ fields: {}, general: [] });
    try {
      if (!event) {
        await create.mutateAsync({ calendarId: state.calendarId, input: toInput(form, null, peopleTouched) });
        toast("Event created", "success");
      } else {
        const input = toInput(form, initial, peopleTouched);
        if (!Object.keys(input).length) toast("No changes", "success");
        else {
          const series = await seriesBefore(event, scope);
          const after = await update.mutateAsync({ event, input, scope });
          const people = peopleOf(storedPeople);
          toast("Event saved", "success", {
            label: "Undo",
            run: () => void undo(event.calendar_id, undoUpdate(event, after, input, scope, people, series)).catch((error) => toast(`Could not undo: ${describeError(error)}`, "error")),
          });
        }
      }
      onClose();
    } catch (error) {
      setErrors(splitErrors(error));
    }
  }

  async function destroy(scope?: Scope) {
    if (!event) return;
    setPrompt(null);
    onClose();
    try {
      const rule = (await seriesBefore(event, scope))?.rrule ?? event.rrule;
      await remove.mutateAsync({ event, scope });
      toast(`Deleted “${event.title}”`, "success", {
        label: "Undo",
        run: () => void undo(event.calendar_id, undoDelete(event, scope, rule)).catch((error) => toast(`Could not undo: ${describeError(error)}`, "error")),
      });
    } catch (error) {
      toast(`Could not delete “${event.title}”: ${describeError(error)}`, "error");
    }
  }

  // Esc, ×, Cancel and a click outside ask before throwing away what was typed.
  const dirty = peopleTouched || JSON.stringify(state) !== JSON.stringify(pristine);
  const requestClose = () => (dirty ? setPrompt("discard") : onClose());

  const title = readOnly ? (event?.title ?? "Event") : event ? "Edit event" : "New event";
  const onSubmit = (e: React.FormEvent) => {
    e.preventDefault();
    const recurrence = validateRecurrence(form.recurrence);
    const reminders = reminderErrors(form);
    if (recurrence.length || reminders.length) {
      setErrors({ fields: { ...(recurrence.length ? { recurrence } : {}), ...(reminders.length ? { reminders } : {}) }, general: [] });
      return;
    }
    if (event?.recurring_event_id) setPrompt("save");
    else void save();
  };

  if (readOnly && event) {
    return (
      <Dialog open title={title} onClose={onClose} footer={<button type="button" className="button" onClick={onClose} data-autofocus>Close</button>}>
        <RsvpBar event={event} meId={me.id} />
        <EventDetails event={event} calendar={calendars.find((c) => c.id === event.calendar_id)} viewerZone={me.time_zone} />
      </Dialog>
    );
  }

  return (
    <>
      <Dialog
        open
        title={title}
        onClose={requestClose}
        size="large"
        className="event-dialog"
        footer={
          <>
            {event ? (
              <button type="button" className="button button-danger-quiet footer-start" onClick={() => setPrompt(event.recurring_event_id ? "delete" : "confirm-delete")} disabled={busy}>
                Delete
              </button>
            ) : null}
            <button type="button" className="button" onClick={requestClose}>
              Cancel
            </button>
            <button type="submit" form="event-form" className="button button-primary" disabled={busy}>
              {busy ? "Saving…" : "Save"}
            </button>
          </>
        }
      >
        {event ? <RsvpBar event={event} meId={me.id} /> : null}
        <form id="event-form" onSubmit={onSubmit} noValidate>
          <FormErrors errors={errors.general} />
          <EventFields
            state={form}
            onChange={setState}
            errors={errors.fields}
            calendarChoices={event ? null : writable}
            calendarName={calendar?.name ?? ""}
            members={members.data}
            membersLoading={members.isLoading}
            meId={me.id}
            answers={answers}
            onPeopleChange={(people) => {
              setPeopleTouched(true);
              setState((s) => ({ ...s, people }));
            }}
            recurrenceHint={event?.recurring_event_id ? "This is one occurrence of a series: on save you choose which occurrences change." : undefined}
          />
        </form>
      </Dialog>
      <ScopeDialog
        open={prompt === "save" || prompt === "delete"}
        action={prompt === "delete" ? "delete" : "change"}
        scopes={prompt === "save" && recurrenceChanged(form, initial) ? ["following", "all"] : ["this", "following", "all"]}
        onChoose={(scope) => void (prompt === "delete" ? destroy(scope) : save(scope))}
        onCancel={() => setPrompt(null)}
      />
      <ConfirmDialog
        open={prompt === "confirm-delete"}
        title="Delete event"
        message={`Delete “${event?.title ?? ""}”? This cannot be undone.`}
        confirmLabel="Delete"
        destructive
        onConfirm={() => void destroy()}
        onCancel={() => setPrompt(null)}
      />
      <ConfirmDialog
        open={prompt === "discard"}
        title="Discard changes?"
        message="You have changes that are not saved. Discard them?"
        confirmLabel="Discard"
        cancelLabel="Keep editing"
        destructive
        onConfirm={onClose}
        onCancel={() => setPrompt(null)}
      />
    </>
  );
}
