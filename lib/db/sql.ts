// The read path of both engines: SQL written once (a tagged template), run by the raw driver of
// the configured database — better-sqlite3 on a read-only connection beside Prisma's writer (WAL),
// or the pg Pool Prisma's adapter uses too (lib/db/client.ts) — or, inside a write transaction, by
// that transaction (Prisma's $queryRawUnsafe, or a raw one: rawTransaction below). Prisma stays for
// migrations and most writes; its engine costs ≈ 1 ms or more a statement, which on the list route
// (token, roles, calendar, window, overrides, participants) was most of the request.
//
// Only what differs between the engines is decided here: placeholders (`?` vs `$n`), how an
// instant is bound (SQLite compares Prisma's ISO text, PostgreSQL casts to timestamp) and booleans.
import crypto from "node:crypto";
import Database from "better-sqlite3";
import pg from "pg";
import type { Row } from "../domain/event-model.ts";
import { db, pgPool, provider, type Tx } from "./client.ts";
import { dbConfig, type Provider } from "./config.ts";
import { tuneWriter, withWriteLock } from "./sqlite-serial.ts";
import { noteWrite } from "./request-snapshot.ts";

export type { Row };

/** A piece of SQL with its bound values; compose pieces with the `sql` tag. */
export class Sql {
  constructor(
    readonly strings: readonly string[],
    readonly values: readonly unknown[],
  ) {}
}

export function sql(strings: TemplateStringsArray, ...values: unknown[]): Sql {
  return new Sql([...strings], values);
}

/** Trusted SQL text (column lists, fixed clauses), never user input. */
export function raw(text: string): Sql {
  return new Sql([text], []);
}

export function join(parts: readonly Sql[], separator: string): Sql {
  if (parts.length === 0) return raw("");
  const strings = ["", ...parts.slice(1).map(() => separator), ""];
  return new Sql(strings, parts);
}

/** Inlined values: a statement holding one has a text of its own for every list, so it is not prepared by name. */
class Inlined extends Sql {}

/** A list of our own integer ids, inlined (`NULL` for none: `x IN (NULL)` matches nothing). */
export function ids(list: Iterable<number>): Sql {
  const text = [...list].map((id) => String(Math.trunc(Number(id)))).join(",");
  return new Inlined([text || "NULL"], []);
}

/** Prisma's better-sqlite3 adapter stores DateTime as ISO 8601 text with a +00:00 offset. */
const sqliteInstant = (d: Date) => d.toISOString().replace("Z", "+00:00");

/** The statement's text and values; `fixed`: its text is one of a bounded set (nothing inlined by `ids`). */
export function render(query: Sql, engine: Provider): { text: string; values: unknown[]; fixed: boolean } {
  const values: unknown[] = [];
  let text = "";
  let fixed = true;
  const walk = (q: Sql) => {
    if (q instanceof Inlined) fixed = false;
    q.strings.forEach((s, i) => {
      text += s;
      if (i >= q.values.length) return;
      const v = q.values[i];
      if (v instanceof Sql) return walk(v);
      if (engine === "sqlite") {
        values.push(v instanceof Date ? sqliteInstant(v) : typeof v === "boolean" ? Number(v) : v);
        text += "?";
      } else {
        values.push(v instanceof Date ? v.toISOString() : v);
        text += v instanceof Date ? `$${values.length}::timestamp` : `$${values.length}`;
      }
    });
  };
  walk(query);
  return { text, values, fixed };
}

export interface Reader {
  all(query: Sql): Promise<Row[]>;
}

/** A write transaction on the raw driver (statements with RETURNING give their rows back). */
export interface Writer extends Reader {
  readonly writer: true;
}

interface Engine {
  reader: Reader;
  transaction<T>(work: (writer: Writer) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

const globalForSql = globalThis as unknown as { sweetdateSql?: Engine };

/** Runs queries on one better-sqlite3 connection; statements by SQL text (texts with inlined ids vary, so the cache is bounded). */
function sqliteRunner(connection: Database.Database) {
  const statements = new Map<string, Database.Statement>();
  return (query: Sql): Row[] => {
    const { text, values } = render(query, "sqlite");
    let statement = statements.get(text);
    if (!statement) {
      statement = connection.prepare(text);
      if (statements.size >= 500) statements.delete(statements.keys().next().value!);
      statements.set(text, statement);
    }
    return statement.reader ? (statement.all(...values) as Row[]) : (statement.run(...values), []);
  };
}

function sqliteEngine(file: string): Engine {
  const readConnection = new Database(file, { readonly: true, timeout: 10_000 });
  const read = sqliteRunner(readConnection);
  let writeConnection: Database.Database | null = null;
  let write: ((query: Sql) => Row[]) | null = null;
  return {
    reader: { all: async (query) => read(query) },
    // Hot writes (event creation) skip Prisma's engine: a second connection, used only while
    // Prisma's is idle (withWriteLock), so the file's write lock is never waited for with the
    // event loop blocked by a transaction of this process.
    transaction: (work) =>
      withWriteLock(async () => {
        if (!writeConnection) {
          writeConnection = new Database(file, { timeout: 10_000 });
          tuneWriter(writeConnection);
          write = sqliteRunner(writeConnection);
        }
        const run = write!;
        writeConnection.exec("BEGIN IMMEDIATE");
        try {
          const result = await work({ writer: true, all: async (query) => run(query) });
          writeConnection.exec("COMMIT");
          return result;
        } catch (error) {
          if (writeConnection.inTransaction) writeConnection.exec("ROLLBACK");
          throw error;
        }
      }),
    close: async () => {
      readConnection.close();
      writeConnection?.close();
    },
  };
}

// timestamp (without time zone) holds UTC: parse it as such, whatever the process's zone.
const TIMESTAMP = 1114;
const types = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    oid === TIMESTAMP ? (text: string) => new Date(`${text.replace(" ", "T")}Z`) : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

/**
 * Statements with a fixed text are prepared by name: each pooled connection parses and plans one
 * once, not on every request (PostgreSQL's CPU per API request was mostly parsing and planning the
 * credentials lookup and the creation statement). Texts with inlined id lists stay unnamed, and at
 * most MAX_NAMED texts get a name, so a connection holds a bounded set of prepared statements.
 */
const statementNames = new Map<string, string>();
const MAX_NAMED = 256;
function statementName(text: string): string | undefined {
  let name = statementNames.get(text);
  if (!name && statementNames.size < MAX_NAMED) {
    name = `sd_${crypto.createHash("sha1").update(text).digest("hex").slice(0, 20)}`;
    statementNames.set(text, name);
  }
  return name;
}

function postgresEngine(pool: pg.Pool): Engine {
  const on = (client: pg.Pool | pg.PoolClient) => async (query: Sql) => {
    const { text, values, fixed } = render(query, "postgres");
    const name = fixed ? statementName(text) : undefined;
    return (await client.query(name ? { name, text, values, types } : { text, values, types })).rows as Row[];
  };
  return {
    reader: { all: on(pool) },
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        const result = await work({ writer: true, all: on(client) });
        await client.query("COMMIT");
        return result;
      } catch (error) {
        await client.query("ROLLBACK").catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    // The pool is Prisma's too: closeDb() ends it.
    close: async () => {},
  };
}

function engine(): Engine {
  if (!globalForSql.sweetdateSql) {
    const config = dbConfig();
    globalForSql.sweetdateSql = config.provider === "postgres" ? postgresEngine(pgPool()!) : sqliteEngine(config.file!);
  }
  return globalForSql.sweetdateSql;
}

/** Runs queries on the raw driver, or inside `tx` when it is a write transaction (Prisma's or a raw one). */
export function readerFor(tx: Tx | Writer = db()): Reader {
  if (isWriter(tx)) return tx;
  if (tx === db()) return engine().reader;
  return {
    async all(query) {
      const { text, values } = render(query, provider());
      return tx.$queryRawUnsafe<Row[]>(text, ...values);
    },
  };
}

export function isWriter(tx: Tx | Writer): tx is Writer {
  return (tx as Writer).writer === true;
}

/** A write transaction on the raw driver: for the hottest writes, where Prisma's engine (≈ 1–2 ms a statement) was most of the cost. */
export function rawTransaction<T>(work: (writer: Writer) => Promise<T>): Promise<T> {
  noteWrite();
  return engine().transaction(work);
}

export async function closeReader(): Promise<void> {
  await globalForSql.sweetdateSql?.close();
  globalForSql.sweetdateSql = undefined;
}
