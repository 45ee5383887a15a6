// Who is calling: a personal API token (Authorization: Bearer …) or a browser session cookie.
import { userForSession, userForToken } from "../services/accounts.ts";
import type { UserRecord } from "../domain/types.ts";
import { AppError } from "../domain/errors.ts";
import { env } from "../env.ts";

export const SESSION_COOKIE = "sd_session";

export interface Caller {
  user: UserRecord;
  via: "token" | "session";
}

function cookie(req: Request, name: string): string | null {
  const header = req.headers.get("cookie");
  if (!header) return null;
  for (const part of header.split(";")) {
    const [k, ...v] = part.trim().split("=");
    if (k === name) return safeDecode(v.join("="));
  }
  return null;
}

/** A malformed cookie (`%`, `%zz`) is no cookie, not an error: the client is simply anonymous. */
function safeDecode(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

export function sessionSecret(req: Request): string | null {
  return cookie(req, SESSION_COOKIE);
}

/** The caller, or null when no credentials were sent; a bad credential is a 401. */
export async function authenticate(req: Request): Promise<Caller | null> {
  const header = req.headers.get("authorization");
  if (header) {
    const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
    if (!match) throw new AppError("UNAUTHORIZED", "the Authorization header must be `Bearer <token>`");
    const user = await userForToken(match[1]!);
    if (!user) throw new AppError("UNAUTHORIZED", "the token is invalid or has been revoked");
    return { user, via: "token" };
  }
  const secret = sessionSecret(req);
  if (secret) {
    const user = await userForSession(secret);
    if (user) return { user, via: "session" };
  }
  return null;
}

/** Cookie-authenticated writes must come from our own pages (CSRF): same-origin fetches only. */
export function checkCsrf(req: Request, caller: Caller): void {
  if (caller.via !== "session" || ["GET", "HEAD", "OPTIONS"].includes(req.method)) return;
  const site = req.headers.get("sec-fetch-site");
  const origin = req.headers.get("origin");
  // X-Forwarded-Host is the client's to choose unless a trusted proxy sets it (TRUST_PROXY=1).
  const forwarded = env().TRUST_PROXY ? req.headers.get("x-forwarded-host")?.split(",")[0]?.trim() : undefined;
  const host = forwarded || req.headers.get("host");
  const sameOrigin = origin ? safeHost(origin) === host : site === "same-origin" || site === "none";
  if (!sameOrigin || (site && site !== "same-origin" && site !== "none")) {
    throw new AppError("FORBIDDEN", "cross-site request refused: use an API token for requests from other sites");
  }
}

function safeHost(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}
