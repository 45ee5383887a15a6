// The route table's vocabulary: one RouteSpec per method + path, one DialectSpec per API dialect.
// The OpenAPI document (document.ts) and the reference page (/docs/api) are built from these.
import type { z } from "zod";

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

export interface HeaderSpec {
  description: string;
  schema?: z.ZodType;
}

export interface ResponseSpec {
  description: string;
  /** Wire schema of the body; none for an empty body (204). */
  schema?: z.ZodType;
  /** Media type of the body (default application/json). */
  contentType?: string;
  example?: unknown;
  headers?: Record<string, HeaderSpec>;
}

export interface RouteSpec {
  method: HttpMethod;
  /** OpenAPI path template, parameters named as the app/ folders name them: `/api/v1/calendars/{calendar_id}`. */
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  /** Sub-group within the dialect (becomes the tag `<dialect> · <group>`). */
  group: string;
  /** `required` (default): token or session; `none`: public; `optional`: public, richer when signed in. */
  auth?: "required" | "none" | "optional";
  /** Path parameters: name → description (every path parameter is a string segment). */
  pathParams?: Record<string, string>;
  /** Query parameters: each key of the object is one parameter — the schema the handler's route() parses. */
  query?: z.ZodType;
  /** Request headers the operation reads (If-Match …). */
  requestHeaders?: Record<string, HeaderSpec & { required?: boolean }>;
  body?: { schema: z.ZodType; description?: string; example?: unknown; required?: boolean; /** default application/json */ contentType?: string };
  /** Successful answers by status. */
  responses: Record<number, ResponseSpec>;
  /** Error statuses beyond the dialect's defaults (see DialectSpec.defaultErrors). */
  errors?: number[];
}

export interface DialectSpec {
  /** Display name and tag prefix, e.g. "SweetDate". */
  name: string;
  /** Markdown shown with the dialect's tags. */
  description: string;
  /** Descriptions of the route groups (tags). */
  groups?: Record<string, string>;
  /** Prefix for this dialect's component names when they would collide with another dialect's. */
  componentPrefix?: string;
  routes: RouteSpec[];
  /** The dialect's error answer for a status (schema + example). */
  error(status: number): ResponseSpec;
  /** Error statuses every operation may answer, given what it takes. */
  defaultErrors(route: RouteSpec): number[];
}

/**
 * What a handler's contract tells the document (lib/api/route.ts `Contract.doc`). Its path
 * parameters, query and body schemas come from the contract itself; `query` / `body.schema` here
 * document what the contract parses differently (a list parsed in two steps; create: the required
 * fields marked; a resource wrapped as Kona sends it; an iCalendar file).
 */
export interface RouteDoc extends Omit<RouteSpec, "pathParams" | "body"> {
  body?: Omit<NonNullable<RouteSpec["body"]>, "schema"> & { schema?: z.ZodType };
}
