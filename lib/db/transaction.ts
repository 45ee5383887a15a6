// Services start transactions here; repositories take the transaction client they are given.
import { db, type Tx } from "./client.ts";

export function transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
  return db().$transaction((tx) => work(tx as Tx), { maxWait: 10_000, timeout: 20_000 });
}
