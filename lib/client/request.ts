// The browser's one way to the API: same-origin fetch (the session cookie rides along), JSON in,
// every response parsed with its wire schema, errors turned into ApiError with the 422 `fields`.
import type { z } from "zod";
import { ErrorBody } from "@/lib/api/sweetdate/schemas.ts";

export type FieldErrors = Record<string, string[]>;

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: FieldErrors = {},
  ) {
    super(message);
    this.name = "ApiError";
  }
}

export interface RequestOptions {
  method?: "GET" | "POST" | "PUT" | "DELETE";
  body?: unknown;
  signal?: AbortSignal | undefined;
}

export async function request<T extends z.ZodType>(path: string, schema: T, options: RequestOptions = {}): Promise<z.output<T>> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: options.method ?? "GET",
      credentials: "same-origin",
      headers: options.body === undefined ? { accept: "application/json" } : { accept: "application/json", "content-type": "application/json" },
      body: options.body === undefined ? null : JSON.stringify(options.body),
      signal: options.signal ?? null,
    });
  } catch (error) {
    if ((error as Error).name === "AbortError") throw error;
    throw new ApiError(0, "NETWORK_ERROR", "The server could not be reached. Check your connection and try again.");
  }
  const text = await response.text();
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  if (!response.ok) {
    const error = ErrorBody.safeParse(json);
    if (error.success) throw new ApiError(response.status, error.data.error_code, error.data.message, error.data.fields ?? {});
    throw new ApiError(response.status, "INTERNAL_ERROR", `The server answered ${response.status}. Try again in a moment.`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new ApiError(response.status, "BAD_RESPONSE", "The server's answer was not understood.");
  return parsed.data;
}

/** A short sentence for a toast: the first field message when there is one. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) {
    const [field, messages] = Object.entries(error.fields)[0] ?? [];
    if (field && messages?.[0]) return `${humanField(field)} ${messages[0]}`;
    return capitalize(error.message);
  }
  return error instanceof Error ? error.message : "Something went wrong.";
}

export function humanField(field: string): string {
  return capitalize(field.replace(/_ids?$/, (m) => (m === "_ids" ? "s" : "")).replace(/_/g, " "));
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
