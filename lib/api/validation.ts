// zod issues → the field → messages map both dialects report (422), in words a person can act on.
import type { z } from "zod";
import { invalid, type FieldErrors } from "../domain/errors.ts";
import { addError } from "../domain/event-rules.ts";

function messageOf(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case "invalid_type":
      return issue.input === undefined ? "can't be blank" : `must be ${article(issue.expected)}`;
    case "invalid_value":
      return "is invalid";
    case "too_small":
      return issue.origin === "string" ? (issue.minimum === 1 ? "can't be blank" : `is too short (minimum is ${issue.minimum} characters)`) : `must be greater than or equal to ${issue.minimum}`;
    case "too_big":
      return issue.origin === "string" ? `is too long (maximum is ${issue.maximum} characters)` : `must be less than or equal to ${issue.maximum}`;
    default:
      return issue.message;
  }
}

function article(expected: string): string {
  if (expected === "int") return "an integer";
  return /^[aeiou]/.test(expected) ? `an ${expected}` : `a ${expected}`;
}

export function fieldErrorsOf(error: z.ZodError, rename: (field: string) => string = (f) => f): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    if (issue.code === "unrecognized_keys") {
      // Array positions are left out here too, as below: `reminders.minutes`, not `reminders.0.minutes`.
      for (const key of issue.keys) addError(fields, rename([...issue.path.filter((p) => typeof p !== "number"), key].join(".")), "is not allowed");
      continue;
    }
    const path = issue.path.filter((p) => typeof p !== "number").join(".") || "body";
    addError(fields, rename(path), messageOf(issue));
  }
  return fields;
}

/** Parses `value` or throws a 422 listing every problem. */
export function parseOr422<T extends z.ZodType>(schema: T, value: unknown, rename?: (field: string) => string): z.output<T> {
  const result = schema.safeParse(value, { reportInput: true });
  if (!result.success) throw invalid(fieldErrorsOf(result.error, rename));
  return result.data;
}
