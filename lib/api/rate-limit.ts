// Fixed-window rate limits: per user for authenticated requests, per client address for anonymous
// ones, and the sign-in throttle per email + address with a softer per-email limit. On PostgreSQL
// the counters live in the database (every instance enforces one limit); on SQLite — one process —
// in memory. Limits are generous for people, tight for runaway scripts and password guessing.
import { AppError } from "../domain/errors.ts";
import { provider } from "../db/client.ts";
import { hitBucket, sweepBuckets, undoHit, type WindowCount } from "../db/rate-limit-store.ts";
import type { Caller } from "./auth.ts";
import { clientAddress } from "./client-address.ts";
import { env } from "../env.ts";

export const REQUEST_WINDOW_MS = 60_000;
/** Sign-in: attempts per email from one address, and per email from all addresses together. */
export const SIGN_IN = { perAddress: 10, perEmail: 100, windowMs: 15 * 60_000 } as const;
export const SIGN_UP = { perAddress: 10, windowMs: 15 * 60_000 } as const;

export interface LimitStore {
  hit(key: string, windowMs: number): Promise<WindowCount>;
  undo(key: string, windowMs: number): Promise<void>;
}

/** In-process counters (SQLite installations, unit tests). */
export function memoryStore(now: () => number = Date.now): LimitStore & { size(): number } {
  const buckets = new Map<string, { start: number; hits: number }>();
  return {
    async hit(key, windowMs) {
      const t = now();
      const start = Math.floor(t / windowMs) * windowMs;
      let bucket = buckets.get(key);
      if (!bucket || bucket.start < start) {
        bucket = { start, hits: 0 };
        buckets.set(key, bucket);
        if (buckets.size > 100_000) for (const [k, b] of buckets) if (b.start + windowMs <= t) buckets.delete(k);
      }
      bucket.hits += 1;
      return { hits: bucket.hits, msLeft: bucket.start + windowMs - t };
    },
    async undo(key) {
      const bucket = buckets.get(key);
      if (bucket && bucket.hits > 0) bucket.hits -= 1;
    },
    size: () => buckets.size,
  };
}

let lastSweep = 0;
const postgresStore: LimitStore = {
  async hit(key, windowMs) {
    if (Date.now() - lastSweep > 60_000) {
      lastSweep = Date.now();
      sweepBuckets().catch((error: unknown) => console.error("rate limit sweep failed:", error));
    }
    return hitBucket(key, windowMs);
  },
  undo: (key) => undoHit(key),
};

const memory = memoryStore();
let override: LimitStore | undefined;

function store(): LimitStore {
  return override ?? (provider() === "postgres" ? postgresStore : memory);
}

/** Unit tests swap in their own store (with a fake clock); `undefined` restores the default. */
export function useLimitStore(next: LimitStore | undefined): void {
  override = next;
}

/** Counts a hit; null when within `limit`, else the seconds until the window ends. */
export async function hit(key: string, limit: number, windowMs = REQUEST_WINDOW_MS): Promise<number | null> {
  const { hits, msLeft } = await store().hit(key, windowMs);
  return hits > limit ? Math.max(1, Math.ceil(msLeft / 1000)) : null;
}

function limited(message: string, retryAfter: number): AppError {
  return new AppError("RATE_LIMITED", message, undefined, retryAfter);
}

export function requestsPerMinute(): number {
  return env().RATE_LIMIT_PER_MINUTE;
}

/** The general limit: per user when authenticated, per client address when anonymous. */
export async function checkRateLimit(req: Request, caller: Caller | null): Promise<void> {
  const key = caller ? `user:${caller.user.id}` : `addr:${clientAddress(req)}`;
  const retryAfter = await hit(key, requestsPerMinute());
  if (retryAfter !== null) throw limited("too many requests; slow down", retryAfter);
}

/**
 * Counts a sign-in attempt for `email` (normalised) before the password is checked, so parallel
 * guesses cannot all slip through; a successful sign-in takes its attempt back. An address that
 * spends its own allowance is refused without touching the per-email count, so one attacker
 * cannot lock the real owner out from everywhere.
 */
export async function signInAttempt(req: Request, email: string): Promise<{ succeeded(): Promise<void> }> {
  const local = `signin:${clientAddress(req)}:${email}`;
  const global = `signin-any:${email}`;
  const retry = (await hit(local, SIGN_IN.perAddress, SIGN_IN.windowMs)) ?? (await hit(global, SIGN_IN.perEmail, SIGN_IN.windowMs));
  if (retry !== null) throw limited("too many sign-in attempts; try again later", retry);
  return {
    async succeeded() {
      await store().undo(local, SIGN_IN.windowMs);
      await store().undo(global, SIGN_IN.windowMs);
    },
  };
}

/** Sign-up attempts per email from one address. */
export async function signUpAttempt(req: Request, email: string): Promise<void> {
  const retry = await hit(`signup:${clientAddress(req)}:${email}`, SIGN_UP.perAddress, SIGN_UP.windowMs);
  if (retry !== null) throw limited("too many sign-up attempts; try again later", retry);
}
