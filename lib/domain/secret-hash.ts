import crypto from "node:crypto";

/** What is stored of a secret (session, API token, invitation, feed URL): its SHA-256, hex. */
export function hashSecret(secret: string): string {
  return crypto.createHash("sha256").update(secret).digest("hex");
}
