"use client";
import { useId } from "react";

export interface ChoiceGroupProps<T extends string> {
  legend: string;
  value: T;
  choices: { value: T; label: string; hint: string }[];
  onChange: (value: T) => void;
  errors?: string[] | undefined;
  /** Greys the group out and says why (in place of the option's hint). */
  disabledReason?: string | undefined;
}

/** A radio group whose every option carries a one-line explanation. */
export function ChoiceGroup<T extends string>({ legend, value, choices, onChange, errors, disabledReason }: ChoiceGroupProps<T>) {
  const name = useId();
  const current = choices.find((c) => c.value === value);
  return (
    <fieldset className="choice-group" aria-describedby={`${name}-hint`} disabled={Boolean(disabledReason)}>
      <legend className="field-label">{legend}</legend>
      <div className="segmented">
        {choices.map((c) => (
          <label key={c.value} className="segment">
            <input type="radio" name={name} value={c.value} checked={value === c.value} onChange={() => onChange(c.value)} title={c.hint} />
            <span>{c.label}</span>
          </label>
        ))}
      </div>
      <p id={`${name}-hint`} className="field-hint" aria-live="polite">
        {disabledReason ?? current?.hint}
      </p>
      {errors?.length ? (
        <p className="field-error" data-field-error>
          {errors.join("; ")}
        </p>
      ) : null}
    </fieldset>
  );
}
