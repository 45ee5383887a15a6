// Kona envelopes: resources wrapped in arrays under their plural name, problem-style errors
// (`{ problemType, title, details }`), OAuth-style 401s, and page/per_page paging headers.
import { AppError, type ErrorCode, type FieldErrors } from "../../domain/errors.ts";
import { json, publicUrl, type Dialect } from "../route.ts";
import type { Page } from "./queries.ts";

const PROBLEMS: Record<ErrorCode, { anchor: string; title: string }> = {
  BAD_REQUEST: { anchor: "bad-request", title: "Bad request" },
  UNAUTHORIZED: { anchor: "unauthorized", title: "Unauthorized" },
  FORBIDDEN: { anchor: "forbidden", title: "Forbidden" },
  READ_ONLY: { anchor: "read-only", title: "Read-only calendar" },
  NOT_FOUND: { anchor: "not-found", title: "Not found" },
  CONFLICT: { anchor: "conflict", title: "Conflict" },
  SYNC_TOKEN_EXPIRED: { anchor: "sync-token-expired", title: "Sync token expired" },
  PRECONDITION_FAILED: { anchor: "precondition-failed", title: "Precondition failed" },
  PAYLOAD_TOO_LARGE: { anchor: "payload-too-large", title: "Payload too large" },
  UNSUPPORTED_MEDIA_TYPE: { anchor: "unsupported-media-type", title: "Unsupported media type" },
  VALIDATION_ERROR: { anchor: "validation", title: "Validation failed" },
  RATE_LIMITED: { anchor: "rate-limited", title: "Too many requests" },
  INTERNAL_ERROR: { anchor: "internal", title: "Internal server error" },
};


export { publicUrl };

/** Where the problem types are documented (docs/api-kona.md, served as /docs/api). */
export function problemType(origin: string, code: ErrorCode): string {
  return `${origin}/docs/api#kona-errors-${PROBLEMS[code].anchor}`;
}

/**
 * The Kona dialect: problem bodies (`invalid_params` lists each field problem) and OAuth-style 401s.
 * The core names calendars "calendar"; Kona clients read "space" (route() renames every error).
 */
export const kona: Dialect = {
  error(error: AppError, req: Request): Response {
    if (error.code === "UNAUTHORIZED") {
      return json({ error: "invalid_token", error_description: error.message }, 401, {
        "www-authenticate": `Bearer realm="SweetDate", error="invalid_token", error_description="${error.message.replace(/["\\]/g, "'")}"`,
      });
    }
    const params = error.fields ? invalidParams(error.fields) : [];
    const details = params.length ? params.map((p) => `${p.name} ${p.reason}`).join("; ") : error.message;
    return json(
      { problemType: problemType(publicUrl(req).origin, error.code), title: PROBLEMS[error.code].title, details, ...(params.length ? { invalid_params: params } : {}) },
      error.status,
      { "content-type": "application/problem+json; charset=utf-8" },
    );
  },
  queryError: (fields) => badQuery(fields),
  field: renamer({ calendar: "space" }),
};

/**
 * Kona for one resource: its bodies hold one object wrapped as `{ "<plural>": [ {…} ] }`,
 * `{ "<singular>": {…} }` or bare (read-only fields a client echoes back dropped), and the core's
 * field names become the resource's own (`renames`, plus calendar → space) in every error.
 */
export function konaResource(plural: string, singular: string, renames: Record<string, string> = {}): Dialect {
  return {
    ...kona,
    field: renamer({ calendar: "space", ...renames }),
    bodyObject(body: unknown, readOnly: readonly string[]): unknown {
      const object = { ...unwrap(body, plural, singular) };
      for (const key of readOnly) delete object[key];
      return object;
    },
  };
}

function renamer(renames: Record<string, string>): (name: string) => string {
  return (name) => (Object.hasOwn(renames, name) ? renames[name]! : name);
}

function invalidParams(fields: FieldErrors): { name: string; reason: string }[] {
  return Object.entries(fields).flatMap(([field, messages]) => messages.map((reason) => ({ name: field, reason })));
}

/** Errors about query parameters are bad requests (400) that still name each parameter. */
export function badQuery(fields: FieldErrors): AppError {
  return new AppError("BAD_REQUEST", "invalid query parameters", fields);
}

/** `{ "<plural>": [ … ] }` */
export function wrapped(plural: string, items: unknown[], status = 200, headers: Record<string, string> = {}): Response {
  return json({ [plural]: items }, status, headers);
}

export function noContent(): Response {
  return new Response(null, { status: 204 });
}

/** The API prefix the request came in on: `/api/v1` or `/api` (hrefs and Locations follow it). */
export function apiBase(url: URL): string {
  return `${url.origin}${url.pathname.startsWith("/api/v1/") ? "/api/v1" : "/api"}`;
}

/**
 * The one resource in a request body: `{ "<plural>": [ {…} ] }`, `{ "<singular>": {…} }` or the bare
 * object. Anything that is not a JSON object is a 400.
 */
export function unwrap(body: unknown, plural: string, singular: string): Record<string, unknown> {
  const shape = `send {"${plural}":[{…}]}, {"${singular}":{…}} or the bare object`;
  if (!isObject(body)) throw new AppError("BAD_REQUEST", `the request body must be a JSON object: ${shape}`);
  const keys = Object.keys(body);
  if (keys.length === 1 && keys[0] === plural) {
    const list = body[plural];
    if (!Array.isArray(list) || list.length !== 1 || !isObject(list[0])) {
      throw new AppError("VALIDATION_ERROR", "invalid input", { [plural]: [`must be an array holding exactly one ${singular} object`] });
    }
    return list[0];
  }
  if (keys.length === 1 && keys[0] === singular) {
    const one = body[singular];
    if (!isObject(one)) throw new AppError("VALIDATION_ERROR", "invalid input", { [singular]: ["must be an object"] });
    return one;
  }
  return body;
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** `Link` (absolute next / prev / first / last) and `X-Total-Count`. */
export function pageHeaders(url: URL, page: Page, total: number): Record<string, string> {
  const lastPage = Math.max(1, Math.ceil(total / page.perPage));
  const at = (n: number) => {
    const next = new URL(url);
    next.searchParams.set("page", String(n));
    next.searchParams.set("per_page", String(page.perPage));
    return next.toString();
  };
  const links: string[] = [];
  if (page.page < lastPage) links.push(`<${at(page.page + 1)}>; rel="next"`);
  if (page.page > 1) links.push(`<${at(Math.min(page.page - 1, lastPage))}>; rel="prev"`);
  links.push(`<${at(1)}>; rel="first"`, `<${at(lastPage)}>; rel="last"`);
  return { link: links.join(", "), "x-total-count": String(total) };
}
