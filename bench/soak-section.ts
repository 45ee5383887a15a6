// The soak's figures live in their own marked section of docs/benchmarks.md, which `npm run bench`
// (rewriting the rest of the file) keeps.
export const SOAK_START = "<!-- soak:start -->";
export const SOAK_END = "<!-- soak:end -->";

/** The marked soak section of `text` (with its markers), or "" when there is none. */
export function soakSection(text: string): string {
  const start = text.indexOf(SOAK_START);
  const end = text.indexOf(SOAK_END);
  return start >= 0 && end > start ? text.slice(start, end + SOAK_END.length) + "\n" : "";
}

/** `text` with its soak section replaced by `section` (appended when it had none). */
export function replaceSoakSection(text: string, section: string): string {
  const current = soakSection(text);
  const body = `${SOAK_START}\n${section.trim()}\n${SOAK_END}\n`;
  return current ? text.replace(current, body) : `${text.trimEnd()}\n\n${body}`;
}
