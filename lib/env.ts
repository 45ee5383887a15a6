// The server's environment, parsed once by one zod schema: every variable the app reads is named,
// typed and defaulted here (README "Running it for real" lists them). An invalid value stops the
// server at start (instrumentation.ts) with a message naming the variable, instead of being
// silently replaced by a default on the first request that happens to read it.
import { z } from "zod";
import { SIGN_UP_MODES } from "./domain/sign-up.ts";

/** Unset and empty (`TRUST_PROXY=` in a compose file) both mean "use the default". */
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((value) => (typeof value === "string" && value.trim() === "" ? undefined : value), schema.optional());

const flag = (fallback: boolean) =>
  optional(z.stringbool({ error: "must be 1 or 0 (also true/false, yes/no, on/off)" })).transform((value) => value ?? fallback);

const integer = (fallback: number, min: number, max: number) =>
  optional(
    z
      .string()
      .trim()
      .regex(/^\d+$/, { error: `must be a whole number from ${min} to ${max}` })
      .transform(Number)
      .pipe(z.number().min(min, { error: `must be at least ${min}` }).max(max, { error: `must be at most ${max}` })),
  ).transform((value) => value ?? fallback);

const DATABASE_URL = z
  .string()
  .trim()
  .refine((url) => /^postgres(ql)?:\/\/./.test(url) || !/^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(url), {
    error: "must be postgres://… / postgresql://… (PostgreSQL) or file:path (SQLite)",
  });

export const EnvSchema = z.object({
  /** unset → SQLite file data/sweetdate.db; postgres(ql):// → PostgreSQL (lib/db/config.ts). */
  DATABASE_URL: optional(DATABASE_URL).transform((url) => url ?? "file:./data/sweetdate.db"),
  /**
   * SQLite's `synchronous` on its writer connections (WAL). `normal` (default): a commit is not
   * flushed to disk on its own — durable if the app crashes, and the file never corrupts, but a
   * power cut or OS crash may undo the last commits before the next checkpoint; `full`: every
   * commit waits for the disk. PostgreSQL keeps its own setting (synchronous_commit).
   */
  SQLITE_SYNC: optional(z.string().trim().toLowerCase().pipe(z.enum(["normal", "full"], { error: "must be normal or full" }))).transform((value) => value ?? "normal"),
  /** PostgreSQL connections per instance. */
  DB_POOL_SIZE: integer(10, 1, 1000),
  /** Where `npm start` listens (server.mjs reads them as it starts; checked here too). */
  PORT: integer(3000, 0, 65535),
  HOST: optional(z.string().trim()).transform((host) => host ?? "0.0.0.0"),
  /** Pins who may sign up; unset: the instance admin decides. */
  SIGNUP_MODE: optional(
    z
      .string()
      .trim()
      .toLowerCase()
      .pipe(z.enum(SIGN_UP_MODES, { error: `must be one of ${SIGN_UP_MODES.join(", ")}` })),
  ),
  /** A reverse proxy sets X-Forwarded-For / X-Forwarded-Host (trust them). */
  TRUST_PROXY: flag(false),
  /** Requests per minute per user, or per client address when anonymous. */
  RATE_LIMIT_PER_MINUTE: integer(6000, 1, 1_000_000_000),
  /** Days the change log and sync tombstones are kept. */
  SYNC_RETENTION_DAYS: integer(30, 1, 36_500),
  /** Subscriptions may fetch from loopback/private addresses (tests only). */
  SUBSCRIPTIONS_ALLOW_PRIVATE: flag(false),
  /** 0: this process does not refresh subscribed calendars. */
  SUBSCRIPTIONS_SCHEDULER: flag(true),
  /** Milliseconds between keep-alive comments on /api/v1/stream. */
  SWEETDATE_STREAM_PING_MS: integer(20_000, 100, 3_600_000),
  /** Milliseconds between change-feed polls on SQLite. */
  SWEETDATE_FEED_POLL_MS: integer(150, 10, 60_000),
  /** The file the benchmark's baseline route answers with (`npm run bench` sets it). */
  SWEETDATE_BENCH_BODY: optional(z.string()),
});

export type Env = z.output<typeof EnvSchema>;

export class EnvError extends Error {
  constructor(readonly problems: { name: string; message: string }[]) {
    super(`sweetdate: invalid environment\n${problems.map((p) => `  ${p.name}: ${p.message}`).join("\n")}`);
    this.name = "EnvError";
  }
}

/** Parses `source` (process.env by default) or throws an EnvError naming every bad variable. */
export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const result = EnvSchema.safeParse(source, { reportInput: true });
  if (result.success) return result.data;
  throw new EnvError(
    result.error.issues.map((issue) => {
      const name = String(issue.path[0] ?? "environment");
      const given = source[name];
      return { name, message: given === undefined ? issue.message : `${issue.message} (got ${JSON.stringify(given)})` };
    }),
  );
}

let current: Env | null = null;

/** The parsed environment (parsed on first use, which the server makes at start). */
export function env(): Env {
  return (current ??= parseEnv());
}

/** Tests: re-parse process.env with `overrides` on top (no argument: process.env alone). */
export function useEnv(overrides: Record<string, string | undefined> = {}): Env {
  current = parseEnv({ ...process.env, ...overrides });
  return current;
}

/** The server's start (instrumentation.ts): the environment, or exit 1 with every problem named. */
export function envAtBoot(): Env {
  try {
    return env();
  } catch (error) {
    if (!(error instanceof EnvError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}
