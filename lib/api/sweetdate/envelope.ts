// SweetDate envelopes: `{ "status": "ok", … }` and `{ "status": "error", message, error_code, fields? }`.
import { invalid, type AppError } from "../../domain/errors.ts";
import { json, type Dialect } from "../route.ts";

export function ok(body: Record<string, unknown>, status = 200, headers: Record<string, string> = {}): Response {
  return json({ status: "ok", ...body }, status, headers);
}

export const sweetdate: Dialect = {
  error(error: AppError): Response {
    return json(
      { status: "error", message: error.message, error_code: error.code, ...(error.fields ? { fields: error.fields } : {}) },
      error.status,
    );
  },
  /** Query parameters are input like any other: 422 VALIDATION_ERROR. */
  queryError: invalid,
  /** A body is one JSON object; read-only fields (echoed from a read) are ignored. */
  bodyObject(body: unknown, readOnly: readonly string[]): unknown {
    if (body === null || typeof body !== "object" || Array.isArray(body)) throw invalid({ body: ["must be a JSON object"] });
    const copy = { ...(body as Record<string, unknown>) };
    for (const key of readOnly) delete copy[key];
    return copy;
  },
};
