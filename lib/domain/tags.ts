// Tags are derived, never written: distinct #hashtags of title then description, lower-cased.
const HASHTAG = /(?:^|[^\p{L}\p{N}_&/#.=])#([\p{L}\p{N}_][\p{L}\p{N}_-]*)/gu;

export function deriveTags(...texts: (string | null | undefined)[]): string[] {
  const seen = new Set<string>();
  for (const text of texts) {
    if (!text) continue;
    for (const match of text.matchAll(HASHTAG)) seen.add(match[1]!.toLowerCase());
  }
  return [...seen];
}
