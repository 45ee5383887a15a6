"use client";
import type { EventUser, Member } from "@/lib/api/sweetdate/schemas.ts";
import { RSVP_LABELS } from "./rsvp-bar.tsx";

export type PersonRole = "participant" | "editor";

export interface PeoplePickerProps {
  members: Member[] | undefined;
  loading: boolean;
  meId: string | undefined;
  answers?: Map<string, EventUser["rsvp"]> | undefined;
  value: Record<string, PersonRole>;
  onChange: (next: Record<string, PersonRole>) => void;
  defaultRoleLabel: string;
  errors?: string[] | undefined;
  disabled?: boolean;
}

/** Calendar members, each: not invited / participant (with the default role) / editor. */
export function PeoplePicker({ members, loading, meId, answers, value, onChange, defaultRoleLabel, errors, disabled }: PeoplePickerProps) {
  const others = (members ?? []).filter((m) => m.id !== meId);
  return (
    <fieldset className="people" disabled={disabled}>
      <legend className="field-label">Participants and editors</legend>
      {loading ? <p className="field-hint">Loading calendar members…</p> : null}
      {!loading && others.length === 0 ? (
        <p className="field-hint">No one else is a member of this calendar yet. Share the calendar (✎ beside it in the sidebar) to invite people as participants or editors.</p>
      ) : null}
      {others.length ? (
        <ul className="people-list">
          {others.map((m) => (
            <li key={m.id} className="people-row">
              <span className="people-name">
                {m.name} <span className="muted">{m.email}</span>
                {answers?.has(m.id) ? (
                  <span className={`rsvp-badge rsvp-${answers.get(m.id)}`} data-testid="rsvp-answer">
                    {RSVP_LABELS[answers.get(m.id)!]}
                  </span>
                ) : null}
              </span>
              <select
                aria-label={`Role of ${m.name}`}
                value={value[m.id] ?? "none"}
                onChange={(e) => {
                  const next = { ...value };
                  if (e.target.value === "none") delete next[m.id];
                  else next[m.id] = e.target.value as PersonRole;
                  onChange(next);
                }}
              >
                <option value="none">Not invited</option>
                <option value="participant">Participant ({defaultRoleLabel})</option>
                <option value="editor">Editor</option>
              </select>
            </li>
          ))}
        </ul>
      ) : null}
      {errors?.length ? (
        <p className="field-error" data-field-error>
          {errors.join("; ")}
        </p>
      ) : null}
    </fieldset>
  );
}
