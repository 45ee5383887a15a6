// SweetDate's query contracts: the schemas route() parses before a handler runs (422 naming each
// parameter) and the OpenAPI document describes (lib/api/openapi/sweetdate.ts reads them here).
import { z } from "zod";
import { DATE_RANGE_TEXT, MAX_WINDOW_DAYS, parseDate, parseDateTime } from "../../domain/time.ts";
import { withWindow } from "../window.ts";
import { ListQuery, Scope } from "./schemas.ts";

/** Each parameter of `schema` with its description for the reference. */
function described<T extends z.ZodRawShape>(schema: z.ZodObject<T>, descriptions: Partial<Record<keyof T, string>>) {
  const shape = Object.fromEntries(Object.entries(schema.shape).map(([key, field]) => [key, descriptions[key] ? (field as z.ZodType).describe(descriptions[key]!) : field]));
  return z.object(shape as T);
}

const PAGE = { limit: "Page size, 1–100 (default 25); anything else is a 422", offset: "Items to skip, ≥ 0 (default 0)" };

export const PageQuery = described(ListQuery.pick({ limit: true, offset: true }), PAGE);

export const UserQuery = described(ListQuery.pick({ q: true, limit: true, offset: true }), {
  ...PAGE,
  q: "Matches email or name (case-insensitive, literally: % and _ are plain characters); a whole email address also finds that person",
});

/** Events: paged, searchable, a from/to window of occurrences, or a sync round (not with from/to/q). */
export const EventListQuery = withWindow(
  described(ListQuery.omit({ from: true, to: true }), {
    ...PAGE,
    q: "Case-insensitive match in title, description and location (of what you may see)",
    sync_token: "Sync (SPEC §11): empty starts a full round of stored rows; the last page's `meta.next_sync_token` is the next token; with it, only what changed since (deletions as `{ id, deleted: true }`). Not with from/to/q",
  }),
  {
    from: "from",
    to: "to",
    parse: (text) => parseDateTime(text) ?? parseDate(text),
    unreadable: `is not a valid ISO 8601 date-time ${DATE_RANGE_TEXT} (e.g. 2025-08-21T09:00:00Z)`,
    missing: () => "is required when the other end of the window is given",
    order: "must be after from",
    span: `the window may span at most ${MAX_WINDOW_DAYS} days`,
  },
  {
    from: "With `to`: list occurrences overlapping [from, to), recurring events expanded (ISO 8601)",
    to: "End of the window (exclusive), ISO 8601; required with `from`",
  },
  (query) => query.sync_token !== undefined,
);

export const ScopeQuery = z.object({
  scope: Scope.optional().describe("For recurring events: `this` occurrence (default for an occurrence id), `following`, or `all` (default for a series id)"),
});
