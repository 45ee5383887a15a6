// SQLite runs on one better-sqlite3 connection. Prisma's adapter runs interactive transactions one
// at a time, but a query made *outside* a transaction while one is open runs on that same connection,
// inside it: a write joins the open transaction and is lost when it rolls back (acknowledged all the
// same), and a read sees its uncommitted rows. This wrapper makes such queries wait for the open
// transaction to end. Queries issued from inside a transaction's own work (the same async context)
// still go straight through, so a repository call that forgot its `tx` cannot deadlock.
import { AsyncLocalStorage } from "node:async_hooks";
import type { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { env } from "../env.ts";

type Factory = PrismaBetterSQLite3;
type Adapter = Awaited<ReturnType<Factory["connect"]>>;
type Transaction = Awaited<ReturnType<Adapter["startTransaction"]>>;

const insideTransaction = new AsyncLocalStorage<true>();

/** Runs `work` (which opens a transaction) marked as the transaction's own async context. */
export function asTransactionWork<T>(work: () => Promise<T>): Promise<T> {
  return insideTransaction.run(true, work);
}

/** One FIFO lock: a transaction holds it from BEGIN to COMMIT/ROLLBACK, a lone query for its statement. */
function fifoLock() {
  let tail: Promise<void> = Promise.resolve();
  return async (): Promise<() => void> => {
    let release!: () => void;
    const mine = new Promise<void>((resolve) => (release = resolve));
    const before = tail;
    tail = before.then(() => mine);
    await before;
    return release;
  };
}

/**
 * Transactions take the write lock at BEGIN (`BEGIN IMMEDIATE`; the adapter says `BEGIN`). With a
 * deferred BEGIN, a transaction that reads and then writes fails at once with SQLITE_BUSY (the
 * adapter's "SocketTimeout", a 500) when another process — a second instance, the CLI — committed
 * a write in between, because its snapshot can no longer be upgraded; an immediate one waits its
 * turn for the busy timeout instead. In this process transactions run one at a time anyway.
 */
function beginImmediately(client: Connection): void {
  const prepare = client.prepare.bind(client);
  client.prepare = (sql: string) => prepare(sql === "BEGIN" ? "BEGIN IMMEDIATE" : sql);
}

interface Connection {
  prepare: (sql: string) => unknown;
  pragma: (sql: string) => unknown;
}

/** The adapter's better-sqlite3 connection (not part of its public API: checked). */
function connectionOf(adapter: Adapter): Connection {
  const client = (adapter as unknown as { client?: Partial<Connection> }).client;
  if (!client || typeof client.prepare !== "function" || typeof client.pragma !== "function") throw new Error("the better-sqlite3 adapter no longer exposes its client: update lib/db/sqlite-serial.ts");
  return client as Connection;
}

/**
 * Every connection that writes the file: `synchronous` as SQLITE_SYNC says (lib/env.ts). In WAL
 * mode the default FULL waits for the disk on every commit — with one writer, the event loop was
 * blocked in fsync for ~10 % of event creation's time.
 */
export function tuneWriter(connection: Pick<Connection, "pragma">): void {
  connection.pragma(`synchronous = ${env().SQLITE_SYNC === "full" ? "FULL" : "NORMAL"}`);
}

// One per process (there is one SQLite writer connection): raw write transactions (lib/db/sql.ts)
// take it too, so they never start while a Prisma transaction holds the file's write lock.
const lock = fifoLock();

/** Runs `work` while no Prisma transaction or lone query is on the SQLite connection. */
export async function withWriteLock<T>(work: () => Promise<T>): Promise<T> {
  const release = await lock();
  try {
    return await work();
  } finally {
    release();
  }
}

function serialise(adapter: Adapter): Adapter {
  const connection = connectionOf(adapter);
  beginImmediately(connection);
  tuneWriter(connection);
  const alone = <A extends unknown[], R>(run: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      if (insideTransaction.getStore()) return run(...args);
      const release = await lock();
      try {
        return await run(...args);
      } finally {
        release();
      }
    };
  const startTransaction = async (...args: Parameters<Adapter["startTransaction"]>): Promise<Transaction> => {
    const release = await lock();
    try {
      const tx = await adapter.startTransaction(...args);
      const end = (finish: () => Promise<void>) => async () => {
        try {
          await finish();
        } finally {
          release();
        }
      };
      return Object.assign(Object.create(tx) as Transaction, { commit: end(() => tx.commit()), rollback: end(() => tx.rollback()) });
    } catch (error) {
      release();
      throw error;
    }
  };
  return Object.assign(Object.create(adapter) as Adapter, {
    queryRaw: alone((query: Parameters<Adapter["queryRaw"]>[0]) => adapter.queryRaw(query)),
    executeRaw: alone((query: Parameters<Adapter["executeRaw"]>[0]) => adapter.executeRaw(query)),
    executeScript: alone((script: string) => adapter.executeScript(script)),
    startTransaction,
  });
}

/** The SQLite adapter factory whose connections keep lone queries out of open transactions. */
export function serialised(factory: Factory): Factory {
  return Object.assign(Object.create(factory) as Factory, {
    connect: async () => serialise(await factory.connect()),
    connectToShadowDb: async () => serialise(await factory.connectToShadowDb()),
  });
}
