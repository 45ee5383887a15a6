// Typed errors: one class per way a call can fail, so callers `catch (e) { if (e instanceof NotFoundError) … }`.
import type { ErrorBody } from "./generated/schemas.ts";

/** The server's error codes plus the SDK's own (no HTTP answer, or an answer we could not read). */
export type ErrorCode = ErrorBody["error_code"] | "READ_ONLY" | "TIMEOUT" | "CONNECTION_ERROR" | "INVALID_RESPONSE" | "CONFIGURATION_ERROR" | "HTTP_ERROR";
export type FieldErrors = Record<string, string[]>;

export interface ErrorDetails {
  status: number;
  errorCode: ErrorCode;
  fields?: FieldErrors | undefined;
  requestId?: string | undefined;
  retryAfter?: number | undefined;
  body?: unknown;
  cause?: unknown;
}

/** Base class: `status` is the HTTP status (0 when no response arrived), `errorCode` the API's code. */
export class SweetDateError extends Error {
  readonly status: number;
  readonly errorCode: ErrorCode;
  /** Validation messages by field (422 only). */
  readonly fields: FieldErrors | undefined;
  /** The server's `x-request-id`, to quote when reporting a problem. */
  readonly requestId: string | undefined;
  /** The parsed response body, when there was one. */
  readonly body: unknown;

  constructor(message: string, details: ErrorDetails) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = new.target.name;
    this.status = details.status;
    this.errorCode = details.errorCode;
    this.fields = details.fields;
    this.requestId = details.requestId;
    this.body = details.body;
  }

  /** The API's spelling of `errorCode`. */
  get error_code(): ErrorCode {
    return this.errorCode;
  }
}

/** 400: the request could not be read (malformed JSON, empty body …). */
export class BadRequestError extends SweetDateError {}
/** 401: missing, invalid or revoked token. */
export class AuthenticationError extends SweetDateError {}
/** 403: you can see it but may not do this. */
export class PermissionError extends SweetDateError {}
/** 404: unknown, foreign or malformed id (the API never reveals which). */
export class NotFoundError extends SweetDateError {}
/** 409: conflicts with the current state (already a member, concurrent change …). */
export class ConflictError extends SweetDateError {}
/** 410 `SYNC_TOKEN_EXPIRED`: the sync token is unknown, foreign or expired; start over with `calendar.sync()`. */
export class SyncTokenExpiredError extends SweetDateError {}
/** 412: `ifMatch` no longer matches: someone changed the event since you read it. */
export class PreconditionFailedError extends SweetDateError {}

/** 422: the input was rejected; `fields` maps each field to its messages. */
export class ValidationError extends SweetDateError {
  declare readonly fields: FieldErrors;
  constructor(message: string, details: ErrorDetails) {
    super(message, { ...details, fields: details.fields ?? {} });
  }
}

/** 429: too many requests; `retryAfter` is the server's Retry-After in seconds (when sent). */
export class RateLimitError extends SweetDateError {
  readonly retryAfter: number | undefined;
  constructor(message: string, details: ErrorDetails) {
    super(message, details);
    this.retryAfter = details.retryAfter;
  }
}

/** 5xx: the server failed; safe to retry later. */
export class ServerError extends SweetDateError {}
/** No answer within `timeoutMs` (status 0). */
export class TimeoutError extends SweetDateError {}
/** The server could not be reached (DNS, refused, reset …; status 0). */
export class ConnectionError extends SweetDateError {}

const BY_CODE: Partial<Record<ErrorCode, typeof SweetDateError>> = {
  BAD_REQUEST: BadRequestError,
  UNAUTHORIZED: AuthenticationError,
  FORBIDDEN: PermissionError,
  READ_ONLY: PermissionError,
  NOT_FOUND: NotFoundError,
  CONFLICT: ConflictError,
  SYNC_TOKEN_EXPIRED: SyncTokenExpiredError,
  PRECONDITION_FAILED: PreconditionFailedError,
  VALIDATION_ERROR: ValidationError,
  RATE_LIMITED: RateLimitError,
  INTERNAL_ERROR: ServerError,
};

const CODE_BY_STATUS: Record<number, ErrorCode> = {
  400: "BAD_REQUEST",
  401: "UNAUTHORIZED",
  403: "FORBIDDEN",
  404: "NOT_FOUND",
  409: "CONFLICT",
  410: "SYNC_TOKEN_EXPIRED",
  412: "PRECONDITION_FAILED",
  413: "PAYLOAD_TOO_LARGE",
  415: "UNSUPPORTED_MEDIA_TYPE",
  422: "VALIDATION_ERROR",
  429: "RATE_LIMITED",
  500: "INTERNAL_ERROR",
};

/** The error class for an HTTP failure: by the body's `error_code`, else by status. */
export function errorFor(message: string, details: Omit<ErrorDetails, "errorCode"> & { errorCode?: ErrorCode | undefined }): SweetDateError {
  const errorCode = details.errorCode ?? CODE_BY_STATUS[details.status] ?? "HTTP_ERROR";
  const Class = BY_CODE[errorCode] ?? (details.status >= 500 ? ServerError : SweetDateError);
  return new Class(message, { ...details, errorCode });
}
