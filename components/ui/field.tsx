"use client";
import { cloneElement, isValidElement, useId, type ReactElement, type ReactNode } from "react";

export interface FieldProps {
  label: string;
  /** Server (422) or client messages for this field, shown under it and linked by aria-describedby. */
  errors?: string[] | undefined;
  hint?: ReactNode;
  children: ReactElement<{ id?: string; "aria-describedby"?: string; "aria-invalid"?: boolean }>;
  className?: string;
}

/** A label, one control, a hint and the field's error messages, wired for screen readers. */
export function Field({ label, errors, hint, children, className }: FieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, errors?.length ? errorId : null].filter(Boolean).join(" ") || undefined;
  const control = isValidElement(children)
    ? cloneElement(children, { id: children.props.id ?? id, "aria-describedby": describedBy, "aria-invalid": errors?.length ? true : undefined })
    : children;
  return (
    <div className={`field${className ? ` ${className}` : ""}`}>
      <label htmlFor={children.props.id ?? id} className="field-label">
        {label}
      </label>
      {control}
      {hint ? (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      ) : null}
      <FieldError id={errorId} errors={errors} />
    </div>
  );
}

/** A field's messages (`id` is what the control's aria-describedby names); nothing when there are none. */
export function FieldError({ id, errors }: { id: string; errors?: string[] }) {
  return errors?.length ? (
    <p id={id} className="field-error" data-field-error>
      {errors.join("; ")}
    </p>
  ) : null;
}

/** Field errors not tied to a control the form shows (e.g. `base`), listed above the buttons. */
export function FormErrors({ errors }: { errors: string[] }) {
  if (!errors.length) return null;
  return (
    <div className="form-errors" role="alert">
      {errors.map((e) => (
        <p key={e}>{e}</p>
      ))}
    </div>
  );
}
