// Throw-away databases for tests and benchmarks: a new, empty database beside an admin connection's
// on PostgreSQL, or a new SQLite file; `drop()` removes it (PostgreSQL: WITH (FORCE), so a server
// still connected does not keep it alive). One piece of code for the unit tests that run on both
// engines (lib/db/*.test.ts), the Playwright tests' own servers (e2e/server-process.ts) and the
// benchmarks (bench/). scripts/e2e-server.mjs, plain Node, keeps its own copy of these few lines.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";

export interface ThrowawayDatabase {
  /** DATABASE_URL of the new database. */
  url: string;
  drop(): Promise<void>;
}

const isPostgres = (url: string | undefined): url is string => !!url && /^postgres(ql)?:\/\//.test(url);

async function onAdmin(admin: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * A new database named `<prefix>_<random>`: on PostgreSQL when `postgres` is a postgres:// URL (an
 * admin connection that may CREATE DATABASE), else a SQLite file `<prefix>-<random>.db` in `dir`.
 */
export async function throwawayDatabase(opts: { prefix: string; postgres?: string | undefined; dir: string }): Promise<ThrowawayDatabase> {
  const suffix = crypto.randomBytes(4).toString("hex");
  if (isPostgres(opts.postgres)) {
    const admin = opts.postgres;
    const name = `${opts.prefix.replace(/\W/g, "_")}_${suffix}`;
    await onAdmin(admin, `CREATE DATABASE ${name}`);
    const url = new URL(admin);
    url.pathname = `/${name}`;
    return { url: url.toString(), drop: () => onAdmin(admin, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
  }
  const file = path.join(opts.dir, `${opts.prefix}-${suffix}.db`);
  fs.mkdirSync(opts.dir, { recursive: true });
  return {
    url: `file:${file}`,
    drop: async () => {
      for (const ext of ["", "-wal", "-shm", "-journal"]) fs.rmSync(file + ext, { force: true });
    },
  };
}

/** Can `admin` be connected to (within 2 s)? Tests on both engines skip PostgreSQL when it cannot. */
export async function postgresReachable(admin: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: admin, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}
