// The listing window of both dialects as one zod query schema: both ends or neither, each end a
// date-time the dialect can read within the accepted date range (lib/domain/time.ts), `to` after
// `from` and at most MAX_WINDOW_DAYS apart (windowProblem, the rule the services also apply).
// A dialect supplies only its parameter names, its date parser and its words.
import { z } from "zod";
import { windowProblem } from "../domain/time.ts";

export interface WindowWords<From extends string = string, To extends string = string> {
  /** Query parameter names of the window's ends. */
  from: From;
  to: To;
  /** The dialect's date-time forms (null: unreadable or outside the accepted range). */
  parse(text: string): Date | null;
  /** For an end that does not parse. */
  unreadable: string;
  /** For the end that is missing while the other is given (keyed to the missing one). */
  missing(other: string): string;
  /** Keyed to `to`: it is not after `from` / the window is too long. */
  order: string;
  span: string;
}

export interface Window {
  from: Date;
  to: Date;
}

/**
 * `base` plus the window's two parameters (kept as sent) and `window`: the parsed window, undefined
 * when neither end is given or when `skip(query)` says the window does not apply (a sync request,
 * which refuses the parameters in its own words). The window is checked once the rest parsed.
 */
export function withWindow<T extends z.ZodRawShape, From extends string, To extends string>(
  base: z.ZodObject<T>,
  words: WindowWords<From, To>,
  descriptions: { from: string; to: string },
  skip: (query: z.output<z.ZodObject<T>>) => boolean = () => false,
) {
  type Output = z.output<z.ZodObject<T>> & Partial<Record<From | To, string>> & { window: Window | undefined };
  const end = (description: string) => z.string().optional().describe(description);
  const object = base.extend({ [words.from]: end(descriptions.from), [words.to]: end(descriptions.to) });
  return object.transform((query, ctx): Output => {
    const ends = query as Record<string, unknown>;
    const from = ends[words.from] as string | undefined;
    const to = ends[words.to] as string | undefined;
    const done = (window: Window | undefined) => ({ ...query, window }) as Output;
    const issue = (name: string, message: string) => ctx.addIssue({ code: "custom", path: [name], message, input: ends[name] });
    if ((from === undefined && to === undefined) || skip(query as z.output<z.ZodObject<T>>)) return done(undefined);
    if (from === undefined || to === undefined) {
      if (from === undefined) issue(words.from, words.missing(words.to));
      else issue(words.to, words.missing(words.from));
      return z.NEVER;
    }
    const window = { from: words.parse(from), to: words.parse(to) };
    if (!window.from) issue(words.from, words.unreadable);
    if (!window.to) issue(words.to, words.unreadable);
    if (!window.from || !window.to) return z.NEVER;
    const problem = windowProblem(window as Window);
    if (problem) {
      issue(words.to, problem === "order" ? words.order : words.span);
      return z.NEVER;
    }
    return done(window as Window);
  });
}
