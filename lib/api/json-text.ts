// JSON kept as text: a value whose JSON was made once (e.g. beside a cached, frozen record) is
// spliced into a response by stringify() exactly where JSON.stringify would have written it, so
// every handler still answers through its dialect's ok()/json().

/** Ready JSON text of one value. */
export class JsonText {
  constructor(readonly text: string) {}
}

const texts = new WeakMap<object, Map<string, JsonText>>();

/**
 * The JSON of `make()` for an immutable `owner` (a cached record: lib/db/read-cache.ts), one per
 * `variant` (e.g. the way a viewer sees it); made once, then reused for as long as the owner lives.
 * At most `maxVariants` are kept per owner (variants a client chooses, like pages, stay bounded);
 * past that the JSON is made for the call and not kept.
 */
export function cachedJson(owner: object, variant: string, make: () => unknown, maxVariants = Infinity): JsonText {
  let byVariant = texts.get(owner);
  if (!byVariant) texts.set(owner, (byVariant = new Map()));
  let json = byVariant.get(variant);
  if (!json) {
    json = new JsonText(stringify(make()));
    if (byVariant.size < maxVariants) byVariant.set(variant, json);
  }
  return json;
}

/** JSON.stringify, with JsonText values written as their text. */
export function stringify(body: unknown): string {
  const spliced: string[] = [];
  const nonce = Math.random().toString(36).slice(2);
  const text = JSON.stringify(body, (_key, value: unknown) => {
    if (!(value instanceof JsonText)) return value;
    spliced.push(value.text);
    return `\u0000${nonce}:${spliced.length - 1}`;
  });
  if (spliced.length === 0) return text;
  // The placeholders appear in the text in the order the replacer met them: find each with indexOf
  // (a regex over the whole answer with a callback per match cost ~7 % of a cached list's CPU).
  const marker = `"\\u0000${nonce}:`;
  let out = "";
  let from = 0;
  for (const piece of spliced) {
    const at = text.indexOf(marker, from);
    out += text.slice(from, at) + piece;
    from = text.indexOf('"', at + marker.length) + 1;
  }
  return out + text.slice(from);
}
