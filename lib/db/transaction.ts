// Services start transactions here; repositories take the transaction client they are given.
import { changedCalendars } from "./change-log.ts";
import { wakeFeed } from "./change-feed.ts";
import { db, type Tx } from "./client.ts";
import { asTransactionWork } from "./sqlite-serial.ts";

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
