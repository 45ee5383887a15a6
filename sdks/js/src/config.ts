// Client settings: explicit `configure()` values win, then the environment (SWEETDATE_URL,
// SWEETDATE_API_TOKEN), then — in a browser — the page's own origin with its session cookie.
import { SweetDateError } from "./errors.ts";

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

export interface ClientOptions {
  /** Server origin, e.g. `https://cal.example.com` (a trailing `/api/v1` is tolerated). Env: SWEETDATE_URL. */
  baseUrl?: string | undefined;
  /** Personal API token (Settings → API tokens). Env: SWEETDATE_API_TOKEN. */
  token?: string | undefined;
  /** Per-attempt timeout in milliseconds (default 30 000; 0 disables). */
  timeoutMs?: number | undefined;
  /** Retries of GET/PUT/DELETE answered 429 or 503 (default 2; POST is never retried). */
  maxRetries?: number | undefined;
  /** First backoff delay in milliseconds, doubled per retry, with jitter (default 250). */
  retryBaseDelayMs?: number | undefined;
  /** Longest wait before a retry, in milliseconds; a longer Retry-After fails at once (default 10 000). */
  retryMaxDelayMs?: number | undefined;
  /** Parse every response with the wire schemas (default true). */
  validateResponses?: boolean | undefined;
  /** Extra headers sent with every request. */
  headers?: Record<string, string> | undefined;
  /** A fetch implementation (default: the global fetch). */
  fetch?: FetchLike | undefined;
}

export interface ResolvedOptions {
  baseUrl: string;
  token: string | undefined;
  timeoutMs: number;
  maxRetries: number;
  retryBaseDelayMs: number;
  retryMaxDelayMs: number;
  validateResponses: boolean;
  headers: Record<string, string>;
  fetch: FetchLike;
}

export const DEFAULTS = { timeoutMs: 30_000, maxRetries: 2, retryBaseDelayMs: 250, retryMaxDelayMs: 10_000 } as const;

function env(name: string): string | undefined {
  // `process` is absent in browsers; reach it through globalThis so bundlers need no polyfill.
  const value = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env?.[name];
  return value === undefined || value === "" ? undefined : value;
}

function pageOrigin(): string | undefined {
  const origin = (globalThis as { location?: { origin?: string } }).location?.origin;
  return origin && origin !== "null" ? origin : undefined;
}

export function normalizeBaseUrl(url: string): string {
  return url.trim().replace(/\/+$/, "").replace(/\/api\/v1$/, "");
}

export function resolveOptions(options: ClientOptions): ResolvedOptions {
  const baseUrl = options.baseUrl ?? env("SWEETDATE_URL") ?? pageOrigin();
  if (!baseUrl) {
    throw new SweetDateError("SweetDate SDK: no server URL; call SD.configure({ baseUrl }) or set SWEETDATE_URL", { status: 0, errorCode: "CONFIGURATION_ERROR" });
  }
  const fetchImpl = options.fetch ?? (globalThis.fetch ? globalThis.fetch.bind(globalThis) : undefined);
  if (!fetchImpl) throw new SweetDateError("SweetDate SDK: no global fetch; pass SD.configure({ fetch })", { status: 0, errorCode: "CONFIGURATION_ERROR" });
  return {
    baseUrl: normalizeBaseUrl(baseUrl),
    token: options.token ?? env("SWEETDATE_API_TOKEN"),
    timeoutMs: options.timeoutMs ?? DEFAULTS.timeoutMs,
    maxRetries: options.maxRetries ?? DEFAULTS.maxRetries,
    retryBaseDelayMs: options.retryBaseDelayMs ?? DEFAULTS.retryBaseDelayMs,
    retryMaxDelayMs: options.retryMaxDelayMs ?? DEFAULTS.retryMaxDelayMs,
    validateResponses: options.validateResponses ?? true,
    headers: options.headers ?? {},
    fetch: fetchImpl,
  };
}
