// Kona's query contracts: the schemas its handlers parse (a 400 naming each bad parameter, in
// Kona's words) and the OpenAPI document describes (lib/api/openapi/kona.ts reads them here).
import { z } from "zod";
import { MAX_WINDOW_DAYS } from "../../domain/time.ts";
import { withWindow } from "../window.ts";
import { parseId } from "./input.ts";
import { ApplyTo, OrderBy } from "./schemas.ts";
import { DATETIME_HINT, parseKonaDateTime } from "./time.ts";

/** Query strings of digits (the reference says so: `pattern`). */
const DIGITS = { pattern: "^\\d+$" };

/** A whole number from min to max as a query string (digits only), else `message`. */
function wholeNumber(min: number, max: number, message: string) {
  return z
    .string()
    .transform((text, ctx) => {
      const value = /^\d+$/.test(text.trim()) ? Number(text.trim()) : NaN;
      if (Number.isSafeInteger(value) && value >= min && value <= max) return value;
      ctx.addIssue({ code: "custom", message, input: text });
      return z.NEVER;
    })
    .meta(DIGITS);
}

/** A Kona integer id (space_id …) as a query string. */
const queryId = (message: string) =>
  z
    .string()
    .transform((text, ctx) => {
      const id = parseId(text);
      if (id !== null) return id;
      ctx.addIssue({ code: "custom", message, input: text });
      return z.NEVER;
    })
    .meta(DIGITS);

export const PER_PAGE_DEFAULT = 25;
export const PER_PAGE_MAX = 100;

export interface Page {
  page: number;
  perPage: number;
  limit: number;
  offset: number;
}

/**
 * `shape` plus `page` (from 1) and `per_page` (1–100, default 25; anything else is a 400, never
 * clamped); the output carries them as one `page`.
 */
function paged<T extends z.ZodRawShape>(shape: T) {
  return z
    .object({
      ...shape,
      page: wholeNumber(1, Number.MAX_SAFE_INTEGER, "must be an integer of at least 1").optional().describe("Page number, from 1"),
      per_page: wholeNumber(1, PER_PAGE_MAX, `must be an integer between 1 and ${PER_PAGE_MAX}`).optional().describe("Page size, 1–100 (default 25); anything else is a 400"),
    })
    .transform((query) => {
      const { page: number = 1, per_page: perPage = PER_PAGE_DEFAULT, ...rest } = query as { page?: number; per_page?: number };
      const page: Page = { page: number, perPage, limit: perPage, offset: (number - 1) * perPage };
      return { ...(rest as z.output<z.ZodObject<T>>), page };
    });
}

export const PageQuery = paged({});

/** The list's own parameters (not with sync_token, which has its own rules: lib/api/kona/events.ts). */
export const EventListQuery = withWindow(
  z.object({
    space_id: queryId("must be an integer id").optional().describe("Only this space's events (required with sync_token)"),
    order_by: z
      .string()
      .transform((text, ctx) => {
        if (text === "start_at") return undefined;
        const order = OrderBy.safeParse(text);
        if (order.success) return order.data;
        ctx.addIssue({ code: "custom", message: "must be created_at or updated_at (default: by start)", input: text });
        return z.NEVER;
      })
      .optional()
      .meta({ description: "Newest first by creation or last change (default: by start)", enum: ["start_at", ...OrderBy.options] }),
  }),
  {
    from: "date_range_start",
    to: "date_range_end",
    parse: parseKonaDateTime,
    unreadable: DATETIME_HINT,
    missing: (other) => `is required with ${other}`,
    order: "must be after date_range_start",
    span: `must be at most ${MAX_WINDOW_DAYS} days after date_range_start`,
  },
  {
    from: "Window start: epoch ms or s, `YYYY-MM-DD HH:mm:ss.SSS` (UTC) or ISO 8601 (default: the current month in your time zone)",
    to: "Window end (exclusive); required with date_range_start",
  },
);

const NumInSeries = wholeNumber(1, Number.MAX_SAFE_INTEGER, "must be an integer of at least 1").optional().describe("The Nth occurrence of a recurring event (1 = the first)");

export const OccurrenceQuery = z.object({ num_in_series: NumInSeries });

export const ChangeQuery = z.object({
  num_in_series: NumInSeries,
  apply_to: z
    .string()
    .transform((text, ctx) => {
      const scope = ApplyTo.safeParse(text);
      if (scope.success) return scope.data;
      ctx.addIssue({ code: "custom", message: "must be this, following or all", input: text });
      return z.NEVER;
    })
    .optional()
    .meta({ description: "Extension: with num_in_series, change `this` occurrence (default), `following` ones, or `all`", enum: ApplyTo.options }),
});

export const UserListQuery = paged({
  like: z
    .string()
    .transform((text) => text.trim() || undefined)
    .pipe(z.string().max(200, { error: "is too long (maximum is 200 characters)" }).optional())
    .optional()
    .describe("Users whose name or email starts with this"),
  space_id: queryId("must be an integer id").optional().describe("Only members of this space"),
});
