import { hash, verify } from "@node-rs/argon2";
import { normalizeEmail } from "../../domain/email.ts";
import { AppError } from "../../domain/errors.ts";
import type { UserRecord } from "../../domain/types.ts";
import type { Repos } from "../ports.ts";
import { productionRepos } from "../repos.ts";

// A fixed hash to verify against for unknown emails, so timing does not reveal which exist.
let dummyHash: Promise<string> | undefined;

/** The account for this email and password; 401 (the same for an unknown email and a wrong password). */
export async function checkPassword(email: string, password: string, repos: Repos = productionRepos): Promise<UserRecord> {
  const user = await repos.users.findByEmail(normalizeEmail(email));
  dummyHash ??= hash("not-a-real-password");
  const ok = await verify(user?.passwordHash ?? (await dummyHash), password).catch(() => false);
  if (!user || !ok) throw new AppError("UNAUTHORIZED", "email or password is incorrect");
  const { passwordHash: _, ...record } = user;
  return record;
}
