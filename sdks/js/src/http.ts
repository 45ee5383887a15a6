// One request: URL, auth, JSON, a per-attempt timeout, retries with backoff for idempotent calls
// answered 429/503, errors mapped to typed classes, and the answer parsed with its wire schema.
import type { z } from "zod";
import { resolveOptions, type ClientOptions, type ResolvedOptions } from "./config.ts";
import { ConnectionError, errorFor, SweetDateError, TimeoutError, type ErrorCode, type FieldErrors } from "./errors.ts";

export type Method = "GET" | "POST" | "PUT" | "DELETE";
export type Query = Record<string, string | number | boolean | undefined | null>;

export interface RequestSpec<S extends z.ZodType> {
  method: Method;
  /** Path under the server origin, e.g. `/api/v1/calendars`. */
  path: string;
  query?: Query | undefined;
  body?: unknown;
  headers?: Record<string, string> | undefined;
  /** The wire schema of a successful answer. */
  schema: S;
  signal?: AbortSignal | undefined;
}

/** Methods that may be repeated without changing the outcome (RFC 9110 §9.2.2). */
const IDEMPOTENT = new Set<Method>(["GET", "PUT", "DELETE"]);
const RETRYABLE_STATUS = new Set([429, 503]);

/** `encodeURIComponent` for one path segment. */
export const seg = (value: string): string => encodeURIComponent(value);

export function buildUrl(baseUrl: string, path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== null) params.set(key, String(value));
  const search = params.toString();
  return `${baseUrl}${path}${search ? `?${search}` : ""}`;
}

/** Retry-After as seconds (delta-seconds or an HTTP date); undefined when absent or unreadable. */
export function parseRetryAfter(header: string | null, now = Date.now()): number | undefined {
  if (header === null || header.trim() === "") return undefined;
  if (/^\d+$/.test(header.trim())) return Number(header.trim());
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - now) / 1000));
}

/**
 * Milliseconds to wait before retry number `attempt` (0-based), or null to give up: the server's
 * Retry-After when given (give up when it exceeds the cap), else exponential backoff with jitter.
 */
export function retryDelay(attempt: number, retryAfterSeconds: number | undefined, options: Pick<ResolvedOptions, "retryBaseDelayMs" | "retryMaxDelayMs">, random = Math.random): number | null {
  if (retryAfterSeconds !== undefined) {
    const ms = retryAfterSeconds * 1000;
    return ms > options.retryMaxDelayMs ? null : ms;
  }
  const ceiling = Math.min(options.retryMaxDelayMs, options.retryBaseDelayMs * 2 ** attempt);
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

interface Answer {
  status: number;
  headers: Headers;
  text: string;
}

export class Transport {
  #options: ClientOptions;

  constructor(options: ClientOptions = {}) {
    this.#options = { ...options };
  }

  /** Changes settings; a key given as `undefined` falls back to its environment/default value. */
  configure(options: ClientOptions): void {
    this.#options = { ...this.#options, ...options };
  }

  /** The settings in force for the next request. */
  get options(): ResolvedOptions {
    return resolveOptions(this.#options);
  }

  async request<S extends z.ZodType>(spec: RequestSpec<S>): Promise<z.output<S>> {
    const options = this.options;
    const url = buildUrl(options.baseUrl, spec.path, spec.query);
    const headers: Record<string, string> = { accept: "application/json", ...options.headers, ...spec.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    const init: RequestInit = { method: spec.method, headers };
    if (spec.body !== undefined) {
      headers["content-type"] = "application/json";
      init.body = JSON.stringify(spec.body);
    }
    for (let attempt = 0; ; attempt++) {
      const answer = await this.#attempt(options, url, init, spec.signal);
      if (answer.status >= 200 && answer.status < 300) return this.#parse(spec, options, answer);
      const error = failure(answer);
      if (IDEMPOTENT.has(spec.method) && RETRYABLE_STATUS.has(answer.status) && attempt < options.maxRetries) {
        const delay = retryDelay(attempt, parseRetryAfter(answer.headers.get("retry-after")), options);
        if (delay !== null) {
          await sleep(delay, spec.signal);
          continue;
        }
      }
      throw error;
    }
  }

  async #attempt(options: ResolvedOptions, url: string, init: RequestInit, signal: AbortSignal | undefined): Promise<Answer> {
    const controller = new AbortController();
    let timedOut = false;
    const timer = options.timeoutMs > 0 ? setTimeout(() => ((timedOut = true), controller.abort()), options.timeoutMs) : undefined;
    const onAbort = () => controller.abort(signal?.reason);
    if (signal?.aborted) onAbort();
    signal?.addEventListener("abort", onAbort, { once: true });
    try {
      const response = await options.fetch(url, { ...init, signal: controller.signal });
      // The timeout covers the body too: a server that stalls mid-answer is as stuck as a silent one.
      const text = await response.text();
      return { status: response.status, headers: response.headers, text };
    } catch (cause) {
      if (timedOut) {
        throw new TimeoutError(`SweetDate: ${init.method} ${url} got no answer within ${options.timeoutMs} ms`, { status: 0, errorCode: "TIMEOUT", cause });
      }
      if (signal?.aborted) throw signal.reason ?? cause;
      throw new ConnectionError(`SweetDate: ${init.method} ${url} failed: ${(cause as Error)?.message ?? cause}`, { status: 0, errorCode: "CONNECTION_ERROR", cause });
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener("abort", onAbort);
    }
  }

  #parse<S extends z.ZodType>(spec: RequestSpec<S>, options: ResolvedOptions, answer: Answer): z.output<S> {
    const requestId = answer.headers.get("x-request-id") ?? undefined;
    let json: unknown;
    try {
      json = JSON.parse(answer.text);
    } catch (cause) {
      throw new SweetDateError(`SweetDate: ${spec.method} ${spec.path} answered ${answer.status} with a body that is not JSON`, { status: answer.status, errorCode: "INVALID_RESPONSE", requestId, body: answer.text, cause });
    }
    if (!options.validateResponses) return json as z.output<S>;
    const result = spec.schema.safeParse(json);
    if (!result.success) {
      const problems = result.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`).join("; ");
      throw new SweetDateError(`SweetDate: unexpected answer to ${spec.method} ${spec.path}: ${problems}`, { status: answer.status, errorCode: "INVALID_RESPONSE", requestId, body: json, cause: result.error });
    }
    return result.data;
  }
}

function failure(answer: Answer): SweetDateError {
  let body: unknown = answer.text;
  try {
    body = JSON.parse(answer.text);
  } catch {
    // not JSON (a proxy's HTML page, say): keep the text
  }
  const shaped = typeof body === "object" && body !== null ? (body as { message?: unknown; error_code?: unknown; fields?: unknown }) : {};
  const message = typeof shaped.message === "string" ? shaped.message : `HTTP ${answer.status}`;
  return errorFor(message, {
    status: answer.status,
    errorCode: typeof shaped.error_code === "string" ? (shaped.error_code as ErrorCode) : undefined,
    fields: typeof shaped.fields === "object" && shaped.fields !== null ? (shaped.fields as FieldErrors) : undefined,
    requestId: answer.headers.get("x-request-id") ?? undefined,
    retryAfter: parseRetryAfter(answer.headers.get("retry-after")),
    body,
  });
}
