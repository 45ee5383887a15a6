import { isEmail, normalizeEmail } from "../../domain/email.ts";
import type { UserRecord } from "../../domain/types.ts";
import type { Repos } from "../ports.ts";
import { productionRepos } from "../repos.ts";

/** The directory as `viewerId` sees it (people sharing a calendar with them); a query that is a
 * whole email address also finds that one person, so anyone can be invited by address. */
export async function searchUsers(
  opts: { viewerId: number; q?: string | undefined; prefix?: string | undefined; calendarId?: number | undefined; limit: number; offset: number },
  repos: Repos = productionRepos,
): Promise<{ users: UserRecord[]; total: number }> {
  const text = opts.q ?? opts.prefix;
  const email = text === undefined ? undefined : normalizeEmail(text);
  return repos.users.search({ ...opts, ...(email && isEmail(email) ? { exactEmail: email } : {}) });
}
