// Services start transactions here; repositories take the transaction client they are given.
import { changedCalendars } from "./change-log.ts";
import { wakeFeed } from "./change-feed.ts";
import { db, type Tx } from "./client.ts";
import { asTransactionWork } from "./sqlite-serial.ts";
import { rawTransaction, type Writer } from "./sql.ts";

export async function transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
  let changed = false;
  // Marked as this transaction's own work: on SQLite its stray queries may join it, others wait.
  const result = await asTransactionWork(() =>
    db().$transaction(
      async (tx) => {
        const value = await work(tx as Tx);
        changed = changedCalendars(tx as Tx).length > 0;
        return value;
      },
      { maxWait: 10_000, timeout: 20_000 },
    ),
  );
  // Committed: tell this instance's live streams at once (other processes learn it from the log).
  if (changed) wakeFeed();
  return result;
}

/**
 * A write transaction on the raw driver (lib/db/sql.ts), for the hottest write (creating an event):
 * the repositories' SQL runs in it as in a Prisma transaction, without Prisma's ≈ 1–2 ms a statement.
 */
export async function writeTransaction<T>(work: (tx: Writer) => Promise<T>): Promise<T> {
  let changed = false;
  const result = await rawTransaction(async (tx) => {
    const value = await work(tx);
    changed = changedCalendars(tx).length > 0;
    return value;
  });
  if (changed) wakeFeed();
  return result;
}
