// Server-wide secrets, generated once and shared by every instance through the database.
import crypto from "node:crypto";
import { db } from "./client.ts";

const known = new Map<string, Buffer>();

/** The named secret (32 random bytes, created on first use). Never changes, so caching it is safe. */
export async function serverSecret(name: string): Promise<Buffer> {
  const cached = known.get(name);
  if (cached) return cached;
  let row = await db().serverSecret.findUnique({ where: { name } });
  if (!row) {
    try {
      row = await db().serverSecret.create({ data: { name, value: crypto.randomBytes(32).toString("base64") } });
    } catch {
      // Another instance created it at the same moment: use theirs.
      row = await db().serverSecret.findUniqueOrThrow({ where: { name } });
    }
  }
  const secret = Buffer.from(row.value, "base64");
  known.set(name, secret);
  return secret;
}
