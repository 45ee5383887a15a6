// Search text is matched literally on every path: the SQLite fast reader (instr) and Prisma's
// `contains` (LIKE on both databases). LIKE's wildcards `%` `_` and PostgreSQL's escape `\` are
// stored and searched as private-use characters, so a query holding them means just them.

const LIKE_SPECIALS: Record<string, string> = { "%": "\ue000", _: "\ue001", "\\": "\ue002" };

/** Lower-cased, with LIKE's special characters replaced; apply to stored text and queries alike. */
export function searchKey(text: string): string {
  return text.toLowerCase().replace(/[%_\\]/g, (c) => LIKE_SPECIALS[c]!);
}

/** Does `text` contain `query` (case-insensitively, literally)? The in-memory twin of the SQL match. */
export function matchesSearch(text: string, query: string): boolean {
  return searchKey(text).includes(searchKey(query));
}
