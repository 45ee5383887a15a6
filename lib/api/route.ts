// THE route wrapper: awaits params, authenticates, reads the JSON body safely, and maps every
// error to the dialect's wire shape. Route handlers stay thin: parse → call a service → serialize.
import { z } from "zod";
import { readBodyText } from "./body.ts";
import { addError, AppError, invalid, type FieldErrors } from "../domain/errors.ts";
import { authenticate, checkCsrf, type Caller } from "./auth.ts";
import { checkRateLimit, REQUEST_WINDOW_MS } from "./rate-limit.ts";
import { stringify } from "./json-text.ts";
import type { RouteDoc } from "./openapi/types.ts";
import { fieldErrorsOf } from "./validation.ts";
import { inRequestScope } from "../db/request-snapshot.ts";
import { databaseError } from "../db/errors.ts";

export const MAX_BODY_BYTES = 1024 * 1024;

export interface Dialect {
  /** Renders an error in this dialect's shape. */
  error(error: AppError, req: Request): Response;
  /** Renames a canonical field name to this dialect's (Kona events: title → name …); route() applies it to every error. */
  field?(name: string): string;
  /** The error for query parameters that do not parse (SweetDate: 422; Kona: 400), naming each. */
  queryError(fields: FieldErrors): AppError;
  /** The resource object in a JSON body, read-only fields a client may echo back dropped (before the schema). */
  bodyObject?(body: unknown, readOnly: readonly string[]): unknown;
}

/** A JSON body's schema (async transforms allowed) and the read-only fields a client may echo back. */
export interface BodyContract<B extends z.ZodType = z.ZodType> {
  schema: B;
  readOnly?: readonly string[];
}

interface RouteOptions {
  /** Answers without credentials too (`ctx.caller` may be null). */
  public?: true;
  /** false: outside rate limiting (the health check, which load balancers poll). */
  rateLimit?: false;
  /** Never looks at credentials: a malformed Authorization header cannot fail it (the health check). */
  anonymous?: true;
}

/**
 * What a route takes, parsed before the handler runs: the path parameters (→ `ctx.params`; one that
 * does not parse is a 404 with the issue's message), the query string (→ `ctx.query`, the dialect's
 * query error) and the JSON body (→ `ctx.input`, a 422 naming each field); `doc` is what the OpenAPI
 * document says about it (lib/api/openapi builds the document from these contracts).
 */
export interface Contract<P extends z.ZodType = z.ZodType, Q extends z.ZodType = z.ZodType, B extends z.ZodType = z.ZodType> extends RouteOptions {
  params?: P;
  query?: Q;
  body?: BodyContract<B>;
  doc?: RouteDoc;
}

type ParamsOf<C> = C extends { params: infer P extends z.ZodType } ? z.output<P> : Record<string, never>;
type QueryOf<C> = C extends { query: infer Q extends z.ZodType } ? z.output<Q> : undefined;
type InputOf<C> = C extends { body: BodyContract<infer B> } ? z.output<B> : undefined;
type CallerOf<C> = C extends { public: true } ? Caller | null : Caller;

/** What a contract's handler receives: everything parsed. */
export type ContractContext<C> = Omit<Context<ParamsOf<C>>, "caller"> & { caller: CallerOf<C>; query: QueryOf<C>; input: InputOf<C> };

const SENT_NAMES = new WeakSet<AppError>();

/**
 * Marks an error about what the client sent, in the client's own names (a bad query parameter, an
 * unknown body field `title` sent to Kona): route() renames core errors only, so it stays as it is.
 */
export function inClientNames<E extends AppError>(error: E): E {
  SENT_NAMES.add(error);
  return error;
}

/** A JSON body through the contract's schema (after the dialect's bodyObject), or a 422 naming each field. */
export async function parseBody<B extends z.ZodType>(dialect: Dialect, contract: BodyContract<B>, body: unknown): Promise<z.output<B>> {
  let value = body;
  try {
    if (dialect.bodyObject) value = dialect.bodyObject(body, contract.readOnly ?? []);
  } catch (error) {
    throw error instanceof AppError ? inClientNames(error) : error;
  }
  const result = await contract.schema.safeParseAsync(value, { reportInput: true });
  if (!result.success) throw inClientNames(invalid(fieldErrorsOf(result.error)));
  return result.data;
}

/**
 * The query string through `schema` (the first value of each parameter), or the dialect's query
 * error listing every problem.
 */
export function parseQuery<Q extends z.ZodType>(dialect: Dialect, schema: Q, url: URL): z.output<Q> {
  const input: Record<string, string> = {};
  for (const [name, value] of url.searchParams) if (!(name in input)) input[name] = value;
  const result = schema.safeParse(input, { reportInput: true });
  if (!result.success) throw inClientNames(dialect.queryError(fieldErrorsOf(result.error)));
  return result.data;
}

/** Path parameters through `schema`: a malformed id names nothing, so the first problem is a 404 (its message). */
export function parseParams<P extends z.ZodType>(schema: P, params: unknown): z.output<P> {
  const result = schema.safeParse(params);
  if (!result.success) throw new AppError("NOT_FOUND", result.error.issues[0]?.message ?? "not found");
  return result.data;
}

/** A path segment through `parse`; null (malformed) → 404 with `message`. */
export function pathSegment<T>(parse: (text: string) => T | null, message = "not found") {
  return z.string().transform((text, ctx): T => {
    const value = parse(text);
    if (value !== null) return value;
    ctx.addIssue({ code: "custom", message, input: text });
    return z.NEVER;
  });
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
type Handler<P> = (req: Request, ctx: RouteContext<P>) => Promise<Response>;

export function route<C extends Contract>(dialect: Dialect, contract: C, fn: (ctx: ContractContext<C>) => Promise<Response>): Handler<Record<string, string>> & { contract: C };
export function route<P = Record<string, never>>(dialect: Dialect, fn: (ctx: Context<P>) => Promise<Response>): Handler<P>;
export function route<P = Record<string, never>>(
  dialect: Dialect,
  fn: (ctx: Omit<Context<P>, "caller"> & { caller: Caller | null }) => Promise<Response>,
  options: RouteOptions,
): Handler<P>;
export function route<P>(
  dialect: Dialect,
  fnOrContract: ((ctx: Context<P>) => Promise<Response>) | Contract,
  fnOrOptions?: ((ctx: ContractContext<Contract>) => Promise<Response>) | RouteOptions,
) {
  const contract = typeof fnOrContract === "function" ? undefined : fnOrContract;
  const fn = (typeof fnOrContract === "function" ? fnOrContract : fnOrOptions) as (ctx: Context<unknown> & { query?: unknown; input?: unknown }) => Promise<Response>;
  const options = typeof fnOrContract === "function" ? (fnOrOptions as RouteOptions | undefined) : fnOrContract;
  // Each request in its own scope: what its credentials lookup learnt serves its reads (lib/db/request-snapshot.ts).
  const handler = (req: Request, routeContext: RouteContext<P>): Promise<Response> => inRequestScope(() => handle(req, routeContext), { countWindowMs: options?.rateLimit === false ? undefined : REQUEST_WINDOW_MS });
  const handle = async (req: Request, routeContext: RouteContext<P>): Promise<Response> => {
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
      const rawParams = routeContext?.params ? await routeContext.params : {};
      // Path ids reach SQL as text too: one no database can store names nothing (PostgreSQL would refuse it).
      for (const value of Object.values(rawParams as Record<string, unknown>)) {
        if (typeof value === "string" && !isStorableText(value)) throw new AppError("NOT_FOUND", "not found");
      }
      const params = contract?.params ? parseParams(contract.params, rawParams) : rawParams;
      const url = publicUrl(req);
      checkQuery(url);
      const query = contract?.query ? parseQuery(dialect, contract.query, url) : undefined;
      const input = contract?.body ? await parseBody(dialect, contract.body, await readJson(req)) : undefined;
      const response = await fn({ req, url, params, caller: caller as Caller, body: () => readJson(req), query, input });
      response.headers.set("x-request-id", requestId);
      return response;
    } catch (error) {
      const appError = inDialectNames(dialect, toAppError(error, requestId));
      const response = dialect.error(appError, req);
      response.headers.set("x-request-id", requestId);
      if (appError.retryAfterSeconds) response.headers.set("retry-after", String(appError.retryAfterSeconds));
      return response;
    }
  };
  // The contract travels with the handler: the OpenAPI document reads it from there.
  return contract ? Object.assign(handler, { contract }) : handler;
}

/** The core names fields canonically (title, starts_at, calendar …): in keys and messages, the dialect's names. */
function inDialectNames(dialect: Dialect, error: AppError): AppError {
  const field = dialect.field?.bind(dialect);
  if (!field || SENT_NAMES.has(error)) return error;
  const rename = (text: string) => text.replace(/\b[A-Za-z_]+\b/g, (word) => field(word));
  const fields = error.fields && Object.fromEntries(Object.entries(error.fields).map(([name, messages]) => [rename(name), messages.map(rename)]));
  return new AppError(error.code, rename(error.message), fields, error.retryAfterSeconds);
}

function toAppError(error: unknown, requestId: string): AppError {
  if (error instanceof AppError) return error;
  const known = databaseError(error);
  if (known) return known;
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
