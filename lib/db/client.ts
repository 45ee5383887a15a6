// The Prisma client for this process, on SQLite or PostgreSQL as DATABASE_URL says. Both generated
// clients share one model, so the rest of lib/db is written once against the SQLite client's types.
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as SqliteClient } from "./generated/sqlite/client.ts";
import { PrismaClient as PostgresClient } from "./generated/postgres/client.ts";
import { dbConfig, type Provider } from "./config.ts";
import { serialised } from "./sqlite-serial.ts";
import { env } from "../env.ts";

export type Db = InstanceType<typeof SqliteClient>;
export type Tx = Omit<Db, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

const globalForDb = globalThis as unknown as { sweetdateDb?: { db: Db; provider: Provider } };

function create(): { db: Db; provider: Provider } {
  const config = dbConfig();
  if (config.provider === "postgres") {
    const adapter = new PrismaPg({ connectionString: config.url, max: env().DB_POOL_SIZE });
    return { db: new PostgresClient({ adapter }) as unknown as Db, provider: "postgres" };
  }
  const adapter = serialised(new PrismaBetterSQLite3({ url: config.file!, timeout: 10_000 }));
  return { db: new SqliteClient({ adapter }), provider: "sqlite" };
}

export function db(): Db {
  globalForDb.sweetdateDb ??= create();
  return globalForDb.sweetdateDb.db;
}

export function provider(): Provider {
  globalForDb.sweetdateDb ??= create();
  return globalForDb.sweetdateDb.provider;
}

export async function closeDb(): Promise<void> {
  await globalForDb.sweetdateDb?.db.$disconnect();
  globalForDb.sweetdateDb = undefined;
}
