"use client";
import type { Calendar, EventUser, Member } from "@/lib/api/sweetdate/schemas.ts";
import { Field } from "@/components/ui/field.tsx";
import { ChoiceGroup } from "./choice-group.tsx";
import { audienceSummary, labelOf, ROLE_CHOICES, STAKEHOLDER_CHOICES, STATUS_CHOICES, VISIBILITY_CHOICES } from "./choices.ts";
import { moveStart, type EventFormState } from "./event-form.ts";
import { PeoplePicker } from "./people-picker.tsx";
import { RecurrenceEditor } from "./recurrence-editor.tsx";
import { RemindersField } from "./reminders-field.tsx";
import { rowsOf } from "@/lib/client/reminders.ts";
import { TimeZoneSelect } from "@/components/ui/time-zone-select.tsx";

export interface EventFieldsProps {
  state: EventFormState;
  onChange: (next: EventFormState) => void;
  errors: Record<string, string[]>;
  /** Calendars the event may be created in; null when editing (an event stays in its calendar). */
  calendarChoices: Calendar[] | null;
  calendarName: string;
  members: Member[] | undefined;
  membersLoading: boolean;
  meId: string | undefined;
  /** Stored participants' RSVPs, shown beside their names. */
  answers?: Map<string, EventUser["rsvp"]>;
  onPeopleChange: (people: EventFormState["people"]) => void;
  /** Editing one occurrence: its own recurrence cannot be changed on its own. */
  recurrenceHint?: string | undefined;
}

/** The event dialog's form controls (state lives in EventDialog). */
export function EventFields({ state, onChange, errors, calendarChoices, calendarName, members, membersLoading, meId, answers, onPeopleChange, recurrenceHint }: EventFieldsProps) {
  const set = (patch: Partial<EventFormState>) => onChange({ ...state, ...patch });
  return (
    <div className="event-fields">
      <Field label="Title" errors={errors.title}>
        <input type="text" value={state.title} onChange={(e) => set({ title: e.target.value })} maxLength={500} data-autofocus placeholder="Add a title" />
      </Field>

      {calendarChoices ? (
        <Field label="Calendar" errors={errors.calendar_id}>
          <select
            value={state.calendarId}
            onChange={(e) => {
              // Reminders left as the old calendar's defaults become the new calendar's defaults.
              const defaults = (id: string) => JSON.stringify(rowsOf(calendarChoices.find((c) => c.id === id)?.default_reminders ?? []));
              const untouched = JSON.stringify(state.reminders) === defaults(state.calendarId);
              set({ calendarId: e.target.value, ...(untouched ? { reminders: JSON.parse(defaults(e.target.value)) } : {}) });
            }}
          >
            {calendarChoices.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </Field>
      ) : (
        <p className="field-static">
          <span className="field-label">Calendar</span> {calendarName}
        </p>
      )}

      <label className="checkbox-row">
        <input type="checkbox" checked={state.allDay} onChange={(e) => set({ allDay: e.target.checked })} />
        All day
      </label>

      <div className="time-grid">
        <Field label={state.allDay ? "Start date" : "Start"} errors={errors.start}>
          <input type="date" value={state.startDate} required onChange={(e) => e.target.value && onChange(moveStart(state, e.target.value, state.startTime))} />
        </Field>
        {!state.allDay ? (
          <Field label="Start time">
            <input type="time" value={state.startTime} required step={300} onChange={(e) => e.target.value && onChange(moveStart(state, state.startDate, e.target.value))} />
          </Field>
        ) : null}
        <Field label={state.allDay ? "End date" : "End"} errors={errors.end}>
          <input type="date" value={state.endDate} required onChange={(e) => e.target.value && set({ endDate: e.target.value })} />
        </Field>
        {!state.allDay ? (
          <Field label="End time">
            <input type="time" value={state.endTime} required step={300} onChange={(e) => e.target.value && set({ endTime: e.target.value })} />
          </Field>
        ) : null}
      </div>

      <Field label="Time zone" errors={errors.time_zone} hint={state.allDay ? "All-day events cover whole days wherever you are." : `Start and end are ${state.timeZone} times.`}>
        <TimeZoneSelect value={state.timeZone} onChange={(timeZone) => set({ timeZone })} />
      </Field>

      <RecurrenceEditor
        value={state.recurrence}
        onChange={(recurrence) => set({ recurrence })}
        startDate={state.startDate}
        timeZone={state.timeZone}
        allDay={state.allDay}
        errors={errors.recurrence}
      />
      {recurrenceHint ? <p className="field-hint">{recurrenceHint}</p> : null}

      <RemindersField
        legend="Reminders"
        rows={state.reminders}
        onChange={(reminders) => set({ reminders })}
        errors={errors.reminders}
        hint="Shown to everyone who sees this event in full, while SweetDate is open."
      />

      <Field label="Location" errors={errors.location}>
        <input type="text" value={state.location} onChange={(e) => set({ location: e.target.value })} placeholder="Add a place or a link" />
      </Field>
      <Field label="Description" errors={errors.description}>
        <textarea rows={3} value={state.description} onChange={(e) => set({ description: e.target.value })} placeholder="Notes, agenda, #tags" />
      </Field>

      <ChoiceGroup legend="Audience" value={state.stakeholder} choices={STAKEHOLDER_CHOICES} onChange={(stakeholder) => set({ stakeholder })} errors={errors.stakeholder} />
      <ChoiceGroup
        legend="Visibility"
        value={state.visibility}
        choices={VISIBILITY_CHOICES}
        onChange={(visibility) => set({ visibility })}
        errors={errors.visibility}
        disabledReason={state.stakeholder === "just_me" ? "Not used: no one but you and the people you invite can see a “Just me” event." : undefined}
      />
      <p className="audience-summary" data-testid="audience-summary" aria-live="polite">
        {audienceSummary(state.stakeholder, state.visibility, calendarName)}
      </p>

      <div className="two-columns">
        <Field label="Status" errors={errors.status}>
          <select value={state.status} onChange={(e) => set({ status: e.target.value as EventFormState["status"] })}>
            {STATUS_CHOICES.map((s) => (
              <option key={s.value} value={s.value}>
                {s.label}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Participants' role" errors={errors.default_role} hint={ROLE_CHOICES.find((r) => r.value === state.defaultRole)?.hint}>
          <select value={state.defaultRole} onChange={(e) => set({ defaultRole: e.target.value as EventFormState["defaultRole"] })}>
            {ROLE_CHOICES.map((r) => (
              <option key={r.value} value={r.value}>
                {r.label}
              </option>
            ))}
          </select>
        </Field>
      </div>

      <PeoplePicker
        members={members}
        loading={membersLoading}
        meId={meId}
        answers={answers}
        value={state.people}
        onChange={onPeopleChange}
        defaultRoleLabel={labelOf(ROLE_CHOICES, state.defaultRole).toLowerCase()}
        errors={errors.people}
      />
    </div>
  );
}
