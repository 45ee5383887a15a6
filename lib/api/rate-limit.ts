// A fixed-window limiter per token / user / IP, in process memory (one instance; with several
// instances each applies its own share). Limits are generous for people, tight for runaway scripts.
import { AppError } from "../domain/errors.ts";
import type { Caller } from "./auth.ts";

const WINDOW_MS = 60_000;
const buckets = new Map<string, { start: number; count: number }>();

/** The client's address. Forwarding headers are client-controlled, so they count only when the
 * operator says a proxy sets them (TRUST_PROXY=1); otherwise every request shares one bucket per user. */
export function clientIp(req: Request): string {
  if (process.env.TRUST_PROXY !== "1") return "direct";
  const forwarded = req.headers.get("x-forwarded-for")?.split(",");
  return forwarded?.[forwarded.length - 1]?.trim() || req.headers.get("x-real-ip") || "direct";
}

export function hit(key: string, limit: number, windowMs = WINDOW_MS): number | null {
  const now = Date.now();
  let bucket = buckets.get(key);
  if (!bucket || now - bucket.start >= windowMs) {
    bucket = { start: now, count: 0 };
    buckets.set(key, bucket);
    if (buckets.size > 50_000) for (const [k, b] of buckets) if (now - b.start >= windowMs) buckets.delete(k);
  }
  bucket.count += 1;
  return bucket.count > limit ? Math.max(1, Math.ceil((bucket.start + windowMs - now) / 1000)) : null;
}

export function checkRateLimit(req: Request, caller: Caller | null): void {
  const key = caller ? `user:${caller.user.id}` : `ip:${clientIp(req)}`;
  const retryAfter = hit(key, Number(process.env.RATE_LIMIT_PER_MINUTE ?? 6000));
  if (retryAfter !== null) throw new AppError("RATE_LIMITED", "too many requests; slow down", undefined, retryAfter);
}
