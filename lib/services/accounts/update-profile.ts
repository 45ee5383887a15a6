import { addError, invalid, type FieldErrors } from "../../domain/errors.ts";
import { isTimeZone } from "../../domain/time.ts";
import type { UserRecord } from "../../domain/types.ts";
import type { Repos } from "../ports.ts";
import { productionRepos } from "../repos.ts";

/** Changes the caller's name and/or time zone; 422 naming each bad field. */
export async function updateProfile(userId: number, input: { name?: string | undefined; timeZone?: string | undefined }, repos: Repos = productionRepos): Promise<UserRecord> {
  const errors: FieldErrors = {};
  if (input.name !== undefined && input.name.trim() === "") addError(errors, "name", "can't be blank");
  if (input.timeZone !== undefined && !isTimeZone(input.timeZone)) addError(errors, "time_zone", "is not a known IANA time zone");
  if (Object.keys(errors).length) throw invalid(errors);
  return repos.users.update(userId, { ...(input.name !== undefined ? { name: input.name.trim() } : {}), ...(input.timeZone !== undefined ? { timeZone: input.timeZone } : {}) });
}
