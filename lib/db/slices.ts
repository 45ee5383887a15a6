// Queries that take a list of ids (`WHERE id IN (…)`) bind one parameter per id, and the databases
// cap those: SQLite at 32,766, PostgreSQL at 65,535 — and Prisma's query compiler refuses more than
// 999 on SQLite (P2029) before the database sees them, also in the queries that load an `include`.
// A calendar's whole contents (a CalDAV client's first sync of 100,000 events) is far more, so such
// lists are sent in slices that stay under Prisma's bound with room for the query's other parameters.
export const MAX_IDS_PER_QUERY = 900;

/** `query` run once per slice of `ids` (at most MAX_IDS_PER_QUERY each), results concatenated in order. */
export async function inSlices<I, R>(ids: readonly I[], query: (slice: I[]) => Promise<R[]>, size = MAX_IDS_PER_QUERY): Promise<R[]> {
  if (ids.length <= size) return ids.length === 0 ? [] : query([...ids]);
  const out: R[] = [];
  for (let i = 0; i < ids.length; i += size) out.push(...(await query(ids.slice(i, i + size))));
  return out;
}
