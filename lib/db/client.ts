// The Prisma client for this process, on SQLite or PostgreSQL as DATABASE_URL says. Both generated
// clients share one model, so the rest of lib/db is written once against the SQLite client's types.
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient as SqliteClient } from "./generated/sqlite/client.ts";
import { PrismaClient as PostgresClient } from "./generated/postgres/client.ts";
import { dbConfig, type Provider } from "./config.ts";
import { serialised } from "./sqlite-serial.ts";
import { env } from "../env.ts";
import { clearReadCache } from "./read-cache.ts";
import { closeReader } from "./sql.ts";
import { reportingWrites } from "./request-snapshot.ts";

export type Db = InstanceType<typeof SqliteClient>;
export type Tx = Omit<Db, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

interface Connection {
  db: Db;
  provider: Provider;
  /** PostgreSQL: the one pool Prisma and the read path (lib/db/sql.ts) share. */
  pool?: pg.Pool;
}

const globalForDb = globalThis as unknown as { sweetdateDb?: Connection };

function create(): Connection {
  const config = dbConfig();
  if (config.provider === "postgres") {
    const pool = new pg.Pool({ connectionString: config.url, max: env().DB_POOL_SIZE, allowExitOnIdle: true });
    pool.on("error", (error) => console.error("idle PostgreSQL connection failed", error));
    return { db: reportingWrites(new PostgresClient({ adapter: new PrismaPg(pool) })) as unknown as Db, provider: "postgres", pool };
  }
  const adapter = serialised(new PrismaBetterSQLite3({ url: config.file!, timeout: 10_000 }));
  // Writes are reported to the request that makes them (lib/db/request-snapshot.ts).
  return { db: reportingWrites(new SqliteClient({ adapter })), provider: "sqlite" };
}

export function db(): Db {
  globalForDb.sweetdateDb ??= create();
  return globalForDb.sweetdateDb.db;
}

export function provider(): Provider {
  globalForDb.sweetdateDb ??= create();
  return globalForDb.sweetdateDb.provider;
}

/** PostgreSQL's connection pool (null on SQLite). */
export function pgPool(): pg.Pool | null {
  globalForDb.sweetdateDb ??= create();
  return globalForDb.sweetdateDb.pool ?? null;
}

export async function closeDb(): Promise<void> {
  clearReadCache();
  await closeReader();
  const connection = globalForDb.sweetdateDb;
  globalForDb.sweetdateDb = undefined;
  await connection?.db.$disconnect();
  await connection?.pool?.end();
}
