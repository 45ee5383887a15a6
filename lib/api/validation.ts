// zod issues → the field → messages map both dialects report (422), in words a person can act on.
// Field names are renamed for a dialect in one place, route().
import type { z } from "zod";
import type { FieldErrors } from "../domain/errors.ts";
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

export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    if (issue.code === "unrecognized_keys") {
      // Array positions are left out here too, as below: `reminders.minutes`, not `reminders.0.minutes`.
      for (const key of issue.keys) addError(fields, [...issue.path.filter((p) => typeof p !== "number"), key].join("."), "is not allowed");
      continue;
    }
    const path = issue.path.filter((p) => typeof p !== "number").join(".") || "body";
    addError(fields, path, messageOf(issue));
  }
  return fields;
}
