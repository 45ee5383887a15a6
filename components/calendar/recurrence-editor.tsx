"use client";
import { FieldError } from "@/components/ui/field.tsx";
import { useId } from "react";
import {
  alignedStart,
  buildRRule,
  describeNth,
  describeRecurrence,
  nthWeekday,
  WEEKDAY_NAMES,
  WEEKDAYS,
  MAX_COUNT,
  MAX_INTERVAL,
  weekdayOf,
  type CustomRule,
  type Preset,
  type RecurrenceState,
} from "@/lib/client/recurrence-rule.ts";

export interface RecurrenceEditorProps {
  value: RecurrenceState;
  onChange: (next: RecurrenceState) => void;
  startDate: string;
  timeZone: string;
  allDay: boolean;
  errors?: string[] | undefined;
  disabled?: boolean;
}

const UNITS: { freq: CustomRule["freq"]; one: string; many: string }[] = [
  { freq: "DAILY", one: "day", many: "days" },
  { freq: "WEEKLY", one: "week", many: "weeks" },
  { freq: "MONTHLY", one: "month", many: "months" },
  { freq: "YEARLY", one: "year", many: "years" },
];

// A number field stays empty while the user retypes it (NaN in the state); the dialog validates on save.
const numberText = (n: number) => (Number.isNaN(n) ? "" : String(n));
const numberOf = (text: string) => (text.trim() === "" ? NaN : Number(text));
const longDate = (date: string) => new Date(`${date}T12:00:00Z`).toLocaleDateString("en-GB", { weekday: "long", day: "numeric", month: "long", timeZone: "UTC" });

/** Presets (none, daily, weekly, weekdays, monthly, yearly) and a custom rule, producing an RRULE. */
export function RecurrenceEditor({ value, onChange, startDate, timeZone, allDay, errors, disabled }: RecurrenceEditorProps) {
  const id = useId();
  const anchor = { startDate, zone: timeZone, allDay };
  const weekday = WEEKDAY_NAMES[weekdayOf(startDate)];
  const day = Number(startDate.slice(8, 10));
  const presetLabels: Record<Preset, string> = {
    none: "Does not repeat",
    daily: "Daily",
    weekly: `Weekly on ${weekday}`,
    weekdays: "Every weekday (Monday to Friday)",
    monthly: `Monthly on day ${day}`,
    yearly: "Annually",
    custom: "Custom…",
  };
  const c = value.custom;
  const setCustom = (patch: Partial<CustomRule>) => onChange({ ...value, preset: "custom", unsupported: null, custom: { ...c, ...patch } });
  const rule = buildRRule(value, anchor);
  const nth = nthWeekday(startDate);
  const moved = alignedStart(value, startDate);

  return (
    <fieldset className="recurrence" disabled={disabled} aria-describedby={errors?.length ? `${id}-error` : undefined}>
      <legend className="field-label">Repeat</legend>
      <select
        aria-label="Repeat"
        value={value.preset}
        onChange={(e) => {
          const preset = e.target.value as Preset;
          // Opening "custom" starts from the event's own weekday.
          const custom = preset === "custom" && value.preset !== "custom" && !value.unsupported ? { ...c, byDay: [weekdayOf(startDate)] } : c;
          onChange({ ...value, preset, custom, unsupported: preset === "custom" ? value.unsupported : null });
        }}
      >
        {(Object.keys(presetLabels) as Preset[]).map((p) => (
          <option key={p} value={p}>
            {presetLabels[p]}
          </option>
        ))}
      </select>

      {value.preset === "custom" ? (
        <div className="recurrence-custom">
          {value.unsupported ? (
            <p className="field-hint">
              This event uses a rule the editor cannot show in full: <code>{value.unsupported}</code>. Change any option below to replace it.
            </p>
          ) : null}
          <div className="inline-fields">
            <label htmlFor={`${id}-interval`}>Repeat every</label>
            <input
              id={`${id}-interval`}
              type="number"
              min={1}
              max={MAX_INTERVAL}
              inputMode="numeric"
              className="input-narrow"
              value={numberText(c.interval)}
              onChange={(e) => setCustom({ interval: numberOf(e.target.value) })}
            />
            <select aria-label="Repeat unit" value={c.freq} onChange={(e) => setCustom({ freq: e.target.value as CustomRule["freq"] })}>
              {UNITS.map((u) => (
                <option key={u.freq} value={u.freq}>
                  {c.interval === 1 ? u.one : u.many}
                </option>
              ))}
            </select>
          </div>

          {c.freq === "WEEKLY" ? (
            <fieldset className="weekday-picker">
              <legend>Repeat on</legend>
              {WEEKDAYS.map((d) => (
                <label key={d} className="weekday-chip" title={WEEKDAY_NAMES[d]}>
                  <input
                    type="checkbox"
                    checked={c.byDay.includes(d)}
                    aria-label={WEEKDAY_NAMES[d]}
                    onChange={(e) => setCustom({ byDay: e.target.checked ? [...c.byDay, d] : c.byDay.filter((x) => x !== d) })}
                  />
                  <span aria-hidden="true">{WEEKDAY_NAMES[d].slice(0, 2)}</span>
                </label>
              ))}
            </fieldset>
          ) : null}

          {c.freq === "MONTHLY" ? (
            <div className="inline-fields">
              <label htmlFor={`${id}-monthly`}>Monthly</label>
              <select id={`${id}-monthly`} value={c.monthlyBy} onChange={(e) => setCustom({ monthlyBy: e.target.value as CustomRule["monthlyBy"] })}>
                <option value="date">on day {day}</option>
                {nth.n <= 4 ? <option value="nth">{describeNth(startDate, "nth")}</option> : null}
                {nth.isLast ? <option value="last">{describeNth(startDate, "last")}</option> : null}
              </select>
            </div>
          ) : null}

          <fieldset className="ends">
            <legend>Ends</legend>
            <label className="radio-row">
              <input type="radio" name={`${id}-ends`} checked={c.ends === "never"} onChange={() => setCustom({ ends: "never" })} />
              Never
            </label>
            <div className="radio-row">
              <input id={`${id}-ends-on`} type="radio" name={`${id}-ends`} checked={c.ends === "on"} onChange={() => setCustom({ ends: "on" })} />
              <label htmlFor={`${id}-ends-on`}>On</label>
              <input type="date" aria-label="End date of the series" value={c.until} min={startDate} onChange={(e) => setCustom({ ends: "on", until: e.target.value })} />
            </div>
            <div className="radio-row">
              <input id={`${id}-ends-after`} type="radio" name={`${id}-ends`} checked={c.ends === "after"} onChange={() => setCustom({ ends: "after" })} />
              <label htmlFor={`${id}-ends-after`}>After</label>
              <input
                type="number"
                min={1}
                max={MAX_COUNT}
                inputMode="numeric"
                className="input-narrow"
                aria-label="Number of occurrences"
                value={numberText(c.count)}
                onChange={(e) => setCustom({ ends: "after", count: numberOf(e.target.value) })}
              />
              <span>occurrence{c.count === 1 ? "" : "s"}</span>
            </div>
          </fieldset>
        </div>
      ) : null}

      <p className="field-hint" aria-live="polite">
        {describeRecurrence(rule, anchor)}
        {rule ? (
          <>
            {" "}
            · <code className="rrule" data-testid="rrule">{rule}</code>
          </>
        ) : null}
      </p>
      {moved ? (
        <p className="field-hint field-notice" data-testid="start-moves">
          {WEEKDAY_NAMES[weekdayOf(startDate)]} is not one of the chosen days: on save the event starts on {longDate(moved)}, the first chosen day.
        </p>
      ) : null}
      <FieldError id={`${id}-error`} errors={errors} />
    </fieldset>
  );
}
