import crypto from "node:crypto";

/** A random 256-bit secret with its kind's prefix; shown once, only its SHA-256 is stored. */
export function newSecret(prefix: string): string {
  return `${prefix}_${crypto.randomBytes(32).toString("base64url")}`;
}
