// THE route wrapper: awaits params, authenticates, reads the JSON body safely, and maps every
// error to the dialect's wire shape. Route handlers stay thin: parse → call a service → serialize.
import type { z } from "zod";
import { readBodyText } from "./body.ts";
import { addError, AppError, invalid, type FieldErrors } from "../domain/errors.ts";
import { authenticate, checkCsrf, type Caller } from "./auth.ts";
import { checkRateLimit } from "./rate-limit.ts";
import { stringify } from "./json-text.ts";
import { fieldErrorsOf, parseOr422 } from "./validation.ts";

export const MAX_BODY_BYTES = 1024 * 1024;

export interface Dialect {
  /** Renders an error in this dialect's shape. */
  error(error: AppError, req: Request): Response;
  /** Renames canonical field names to this dialect's (Kona: title → name …). */
  field?(name: string): string;
  /** The error for query parameters that do not parse (SweetDate: 422; Kona: 400), naming each. */
  queryError(fields: FieldErrors): AppError;
  /** The resource object in a JSON body, read-only fields a client may echo back dropped (before the schema). */
  bodyObject?(body: unknown, readOnly: readonly string[]): unknown;
}

/**
 * What a route takes besides its path, parsed before the handler runs: the query string's schema
 * (→ `ctx.query`) and the JSON body's (→ `ctx.input`, a 422 naming each field when it does not fit).
 */
export interface Contract<Q extends z.ZodType = z.ZodType, B extends z.ZodType = z.ZodType> {
  query?: Q;
  body?: { schema: B; readOnly?: readonly string[] };
}

type Parsed<Q extends z.ZodType, B extends z.ZodType> = { query: z.output<Q>; input: z.output<B> };

/** A JSON body through the contract's schema (after the dialect's bodyObject), or a 422 naming each field. */
export function parseBody<B extends z.ZodType>(dialect: Dialect, contract: { schema: B; readOnly?: readonly string[] }, body: unknown): z.output<B> {
  return parseOr422(contract.schema, dialect.bodyObject ? dialect.bodyObject(body, contract.readOnly ?? []) : body);
}

/**
 * The query string through `schema` (the first value of each parameter), or the dialect's query
 * error listing every problem.
 */
export function parseQuery<Q extends z.ZodType>(dialect: Dialect, schema: Q, url: URL): z.output<Q> {
  const input: Record<string, string> = {};
  for (const [name, value] of url.searchParams) if (!(name in input)) input[name] = value;
  const result = schema.safeParse(input, { reportInput: true });
  if (!result.success) throw dialect.queryError(fieldErrorsOf(result.error));
  return result.data;
}

export interface Context<P> {
  req: Request;
  url: URL;
  params: P;
  caller: Caller;
  /** The parsed JSON body (400 when unparsable, 413 when too large, 415 when not JSON). */
  body(): Promise<unknown>;
}

type RouteContext<P> = { params: Promise<P> };

interface RouteOptions {
  public: true;
  /** false: outside rate limiting (the health check, which load balancers poll). */
  rateLimit?: false;
  /** Never looks at credentials: a malformed Authorization header cannot fail it (the health check). */
  anonymous?: true;
}

export function route<P = Record<string, never>>(
  dialect: Dialect,
  fn: (ctx: Context<P>) => Promise<Response>,
): (req: Request, ctx: RouteContext<P>) => Promise<Response>;
export function route<P = Record<string, never>, Q extends z.ZodType = z.ZodType, B extends z.ZodType = z.ZodType>(
  dialect: Dialect,
  contract: Contract<Q, B> & RouteOptions,
  fn: (ctx: Omit<Context<P>, "caller"> & { caller: Caller | null } & Parsed<Q, B>) => Promise<Response>,
): ((req: Request, ctx: RouteContext<P>) => Promise<Response>) & { contract: Contract<Q, B> };
export function route<P = Record<string, never>, Q extends z.ZodType = z.ZodType, B extends z.ZodType = z.ZodType>(
  dialect: Dialect,
  contract: Contract<Q, B>,
  fn: (ctx: Context<P> & Parsed<Q, B>) => Promise<Response>,
): ((req: Request, ctx: RouteContext<P>) => Promise<Response>) & { contract: Contract<Q, B> };
export function route<P = Record<string, never>>(
  dialect: Dialect,
  fn: (ctx: Omit<Context<P>, "caller"> & { caller: Caller | null }) => Promise<Response>,
  options: RouteOptions,
): (req: Request, ctx: RouteContext<P>) => Promise<Response>;
export function route<P>(
  dialect: Dialect,
  fnOrContract: ((ctx: Context<P>) => Promise<Response>) | Contract,
  fnOrOptions?: ((ctx: Context<P> & { query: unknown; input: unknown }) => Promise<Response>) | RouteOptions,
) {
  const contract = typeof fnOrContract === "function" ? undefined : fnOrContract;
  const fn = (typeof fnOrContract === "function" ? fnOrContract : fnOrOptions) as (ctx: Context<P> & { query?: unknown; input?: unknown }) => Promise<Response>;
  const options = typeof fnOrContract === "function" ? (fnOrOptions as RouteOptions | undefined) : (fnOrContract as Partial<RouteOptions>);
  const handler = async (req: Request, routeContext: RouteContext<P>): Promise<Response> => {
    const requestId = crypto.randomUUID();
    try {
      const caller = options?.anonymous ? null : await authenticate(req).catch(async (error: unknown) => {
        // A bad credential still counts against the client's address (no free guessing).
        if (options?.rateLimit !== false) await checkRateLimit(req, null);
        throw error;
      });
      if (options?.rateLimit !== false) await checkRateLimit(req, caller);
      if (!caller && !options?.public) throw new AppError("UNAUTHORIZED", "authentication required: send `Authorization: Bearer <token>`");
      if (caller) checkCsrf(req, caller);
      const params = routeContext?.params ? await routeContext.params : ({} as P);
      // Path ids reach SQL as text too: one no database can store names nothing (PostgreSQL would refuse it).
      for (const value of Object.values(params as Record<string, unknown>)) {
        if (typeof value === "string" && !isStorableText(value)) throw new AppError("NOT_FOUND", "not found");
      }
      const url = publicUrl(req);
      checkQuery(url);
      const query = contract?.query ? parseQuery(dialect, contract.query, url) : undefined;
      const input = contract?.body ? parseBody(dialect, contract.body, await readJson(req)) : undefined;
      const response = await fn({ req, url, params, caller: caller as Caller, body: () => readJson(req), query, input });
      response.headers.set("x-request-id", requestId);
      return response;
    } catch (error) {
      const appError = toAppError(error, requestId);
      const response = dialect.error(appError, req);
      response.headers.set("x-request-id", requestId);
      if (appError.retryAfterSeconds) response.headers.set("retry-after", String(appError.retryAfterSeconds));
      return response;
    }
  };
  // The contract travels with the handler: the OpenAPI document reads it from there.
  return contract ? Object.assign(handler, { contract }) : handler;
}

function toAppError(error: unknown, requestId: string): AppError {
  if (error instanceof AppError) return error;
  const code = (error as { code?: string } | null)?.code;
  if (code === "P2025") return new AppError("NOT_FOUND", "not found");
  if (code === "P2002") return new AppError("CONFLICT", "that already exists");
  if (code === "P2034" || code === "SQLITE_BUSY") return new AppError("CONFLICT", "the database was busy with a conflicting change; retry");
  // A write that waited too long for its calendar's lock, a pooled connection or (SQLite, P1008) another
  // process's write lock under load: nothing was written.
  if (code === "P2028" || code === "P2024" || code === "P1008") return new AppError("CONFLICT", "the calendar was busy with other changes; nothing was written, retry", undefined, 1);
  // Unexpected: log for the operator, tell the client only a request id.
  console.error(`[${requestId}]`, error);
  return new AppError("INTERNAL_ERROR", `internal error (request id ${requestId})`);
}

async function readJson(req: Request): Promise<unknown> {
  const type = req.headers.get("content-type") ?? "";
  if (!/^application\/([\w.+-]+\+)?json\b/i.test(type)) {
    throw new AppError("UNSUPPORTED_MEDIA_TYPE", "send the body as JSON with `Content-Type: application/json`");
  }
  const text = await readBodyText(req, MAX_BODY_BYTES, () => new AppError("PAYLOAD_TOO_LARGE", "the body is larger than 1 MiB"));
  if (text.trim() === "") throw new AppError("BAD_REQUEST", "the request body is empty; send a JSON object");
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new AppError("BAD_REQUEST", "the request body is not valid JSON");
  }
  const problems: FieldErrors = Object.create(null) as FieldErrors;
  checkStrings(value, problems);
  if (Object.keys(problems).length) throw invalid(problems);
  return value;
}

/** Text no database stores alike: NUL (PostgreSQL refuses it) and unpaired UTF-16 surrogates. */
export function isStorableText(text: string): boolean {
  return !UNSTORABLE_CHARS.test(text);
}

// NUL, a high surrogate not followed by a low one, or a low one not preceded by a high one.
const UNSTORABLE_CHARS = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const UNSTORABLE = "contains a NUL character or an unpaired UTF-16 surrogate";

/** Every string in a JSON body — values and keys — must be storable; reports each path once.
 * Iterative, so a deeply nested body (`[[[[…]]]]`) cannot exhaust the stack. */
function checkStrings(root: unknown, problems: FieldErrors): void {
  const pending: [unknown, string][] = [[root, ""]];
  while (pending.length) {
    const [value, path] = pending.pop()!;
    if (typeof value === "string") {
      if (!isStorableText(value)) addError(problems, path || "body", UNSTORABLE);
    } else if (Array.isArray(value)) {
      for (const item of value) pending.push([item, path]);
    } else if (value !== null && typeof value === "object") {
      for (const [key, item] of Object.entries(value)) {
        if (!isStorableText(key)) addError(problems, path || "body", `has a key that ${UNSTORABLE}`);
        else pending.push([item, path ? `${path}.${key}` : key]);
      }
    }
  }
}

/** Query parameters reach SQL as text too: the same rule, a 400 naming the parameter. */
function checkQuery(url: URL): void {
  const problems: FieldErrors = Object.create(null) as FieldErrors;
  for (const [name, value] of url.searchParams) {
    if (!isStorableText(name) || !isStorableText(value)) addError(problems, isStorableText(name) ? name : "query", UNSTORABLE);
  }
  if (Object.keys(problems).length) throw new AppError("BAD_REQUEST", "invalid query parameters", problems);
}

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(stringify(body), { status, headers: { "content-type": "application/json; charset=utf-8", ...headers } });
}

const HOST = /^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/;

/**
 * The request's URL as the client addressed it. Next's `req.url` names the server's own listener
 * (http://localhost:3000), so absolute hrefs, Locations and Links take the Host / X-Forwarded-*
 * headers instead (malformed values are skipped).
 */
export function publicUrl(req: Request): URL {
  const url = new URL(req.url);
  const first = (name: string) => req.headers.get(name)?.split(",")[0]?.trim();
  const host = [first("x-forwarded-host"), first("host")].find((h) => h !== undefined && HOST.test(h)) ?? url.host;
  const proto = first("x-forwarded-proto");
  const protocol = proto === "http" || proto === "https" ? `${proto}:` : url.protocol;
  return new URL(`${url.pathname}${url.search}`, `${protocol}//${host}`);
}
