// The Kona vocabulary of route documentation (the `doc` of each handler's contract): paging and
// Location headers, the list's query as documented, and bodies as Kona clients may wrap them.
// lib/api/openapi/kona.ts builds the dialect's part of the document from them.
import { z } from "zod";
import type { HeaderSpec, ResponseSpec } from "../openapi/types.ts";
import * as queries from "./queries.ts";
import * as wire from "./schemas.ts";

// The event list parses its page first, then either a sync round or the list's own parameters: one list of them here.
export const EventListDocQuery = z.object({
  ...(queries.PageQuery.in as z.ZodObject).shape,
  ...(queries.EventListQuery.in as z.ZodObject).shape,
  sync_token: z.string().optional().describe("Sync (SPEC §11): empty starts a full round of the space's stored events; the last page's `X-Sync-Token` header is the next token. With a token: only what changed since, deletions as `{ id, deleted: true }`. Not with date_range_*/order_by"),
});

/** Kona takes one resource as `{ "<plural>": [ {…} ] }`, `{ "<singular>": {…} }` or the bare object (konaResource's bodyObject). */
function wrappedInput<T extends z.ZodType>(plural: string, singular: string, schema: T) {
  return z.union([z.strictObject({ [plural]: z.array(schema).length(1) }), z.strictObject({ [singular]: schema }), schema]);
}
export const WrappedEventInput = wrappedInput("calendar_events", "calendar_event", wire.CalendarEventInput);
export const WrappedSpaceInput = wrappedInput("spaces", "space", wire.SpaceInput);

export const PAGING: Record<string, HeaderSpec> = {
  Link: { description: "`<…>; rel=\"next\"`, `prev`, `first`, `last` (absolute URLs)" },
  "X-Total-Count": { description: "Items in all pages" },
};
export const LOCATION: Record<string, HeaderSpec> = { Location: { description: "The new resource's href" } };
/** The list's answer: events, or a sync round's changes. */
export const ListedOrSynced = z.union([wire.CalendarEvents, wire.SyncEvents]);
/** `{ "calendar_events": [ … ] }` */
export const listed = (list: unknown[]) => ({ calendar_events: list });
export const deleted: ResponseSpec = { description: "Deleted (no body)" };
