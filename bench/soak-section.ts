// The soak's figures live in their own marked sections of docs/benchmarks.md, one per database,
// which `npm run bench` (rewriting the rest of the file) keeps.
const BLOCK = /<!-- soak:(\w+):start -->[\s\S]*?<!-- soak:\1:end -->\n?/g;

/** Every marked soak section of `text` (with their markers), or "" when there is none. */
export function soakSection(text: string): string {
  return (text.match(BLOCK) ?? []).map((block) => block.trimEnd() + "\n").join("\n");
}

/** `text` with the soak section of `database` replaced by `section` (appended when it had none). */
export function replaceSoakSection(text: string, database: string, section: string): string {
  const key = database.replace(/\W/g, "");
  const body = `<!-- soak:${key}:start -->\n${section.trim()}\n<!-- soak:${key}:end -->\n`;
  const current = (text.match(BLOCK) ?? []).find((block) => block.startsWith(`<!-- soak:${key}:start -->`));
  return current ? text.replace(current, body) : `${text.trimEnd()}\n\n${body}`;
}
