// Domain errors: thrown by services, mapped to each dialect's wire shape by lib/api/route.ts.
export type FieldErrors = Record<string, string[]>;

/** Adds a message for `field`. Field names come from client input (`constructor`, `__proto__`…),
 * so only own properties count and new ones are defined, never assigned through the prototype. */
export function addError(errors: FieldErrors, field: string, message: string): void {
  if (!Object.hasOwn(errors, field)) Object.defineProperty(errors, field, { value: [], enumerable: true, writable: true, configurable: true });
  errors[field]!.push(message);
}

export const ERROR_CODES = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  READ_ONLY: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  SYNC_TOKEN_EXPIRED: 410,
  PRECONDITION_FAILED: 412,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  VALIDATION_ERROR: 422,
  RATE_LIMITED: 429,
  INTERNAL_ERROR: 500,
} as const;
export type ErrorCode = keyof typeof ERROR_CODES;

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: FieldErrors,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = "AppError";
  }
  get status(): number {
    return ERROR_CODES[this.code];
  }
}

export const notFound = (what = "not found") => new AppError("NOT_FOUND", what);
export const forbidden = (why = "you may not change this") => new AppError("FORBIDDEN", why);
export const unauthorized = (why = "authentication required") => new AppError("UNAUTHORIZED", why);
export const badRequest = (why: string) => new AppError("BAD_REQUEST", why);
export const readOnly = (why = "this calendar is a subscription: its events come from its source URL and cannot be changed here") => new AppError("READ_ONLY", why);
export const conflict = (why: string) => new AppError("CONFLICT", why);
export function invalid(fields: FieldErrors, message = "invalid input"): AppError {
  return new AppError("VALIDATION_ERROR", message, fields);
}

/** A write lost a race: the event's `sequence` changed since it was read (the API's 412, CalDAV's 412). */
export class ConcurrentUpdateError extends Error {
  constructor() {
    super("the event was changed by someone else");
    this.name = "ConcurrentUpdateError";
  }
}
