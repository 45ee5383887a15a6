// CalDAV authentication: HTTP Basic with the account's email and one of its API tokens (an "app
// password"). The account password is never accepted here: calendar apps store what they are given.
import { userForToken } from "../services/accounts.ts";
import { normalizeEmail } from "../domain/email.ts";
import type { UserRecord } from "../domain/types.ts";
import { DavError } from "./errors.ts";

export const REALM = 'Basic realm="SweetDate CalDAV", charset="UTF-8"';

const challenge = (why: string) => new DavError(401, why, undefined, { "www-authenticate": REALM });

export async function davUser(req: Request): Promise<UserRecord> {
  const header = req.headers.get("authorization");
  if (!header) throw challenge("sign in with your email and an app password (an API token)");
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header);
  if (!match) throw challenge("use HTTP Basic authentication with your email and an app password");
  const decoded = Buffer.from(match[1]!, "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon < 0) throw challenge("use HTTP Basic authentication with your email and an app password");
  const email = normalizeEmail(decoded.slice(0, colon));
  const token = decoded.slice(colon + 1);
  const user = token ? await userForToken(token) : null;
  // The email must match the token's owner, so a leaked token alone is not enough to guess with.
  if (!user || user.email !== email) throw challenge("the email or app password is incorrect");
  return user;
}
