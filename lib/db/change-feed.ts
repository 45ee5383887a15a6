// The change feed of this process: tells subscribers (live streams, caches) that a calendar moved
// to a new version. PostgreSQL: LISTEN on a dedicated connection (NOTIFY is sent by recordChange and
// delivered on commit, to every instance); it reconnects and then asks subscribers to catch up from
// the log. SQLite: a read-only connection polls the log cheaply (PRAGMA data_version first), so
// writes from other processes on the same file (the CLI) arrive too.
import Database from "better-sqlite3";
import pg from "pg";
import { NOTIFY_CHANNEL } from "./change-log.ts";
import { dbConfig } from "./config.ts";
import { env } from "../env.ts";

export interface FeedNotice {
  calendarId: number;
  version: number;
  /** Set for membership/audience changes: the user whose view changed. */
  userId?: number | undefined;
}

export interface FeedSubscriber {
  change(notice: FeedNotice): void;
  /** Notices may have been missed (reconnect): re-read the state from the database. */
  resync(): void;
}

interface Hub {
  subscribers: Set<FeedSubscriber>;
  stop: () => void;
  wake: () => void;
}

const globalForFeed = globalThis as unknown as { sweetdateFeed?: Hub };

function publish(hub: Hub, notice: FeedNotice) {
  for (const s of hub.subscribers) {
    try {
      s.change(notice);
    } catch (error) {
      console.error("change feed subscriber failed", error);
    }
  }
}

function resyncAll(hub: Hub) {
  for (const s of hub.subscribers) s.resync();
}

function startSqlite(hub: Hub, file: string): void {
  const reader = new Database(file, { readonly: true, timeout: 10_000 });
  const dataVersion = () => reader.pragma("data_version", { simple: true }) as number;
  const maxId = reader.prepare("SELECT COALESCE(MAX(id), 0) AS id FROM change_log");
  const since = reader.prepare("SELECT id, calendar_id, version, user_id FROM change_log WHERE id > ? ORDER BY id");
  let seen = dataVersion();
  let lastId = (maxId.get() as { id: number }).id;
  const poll = () => {
    try {
      const now = dataVersion();
      if (now === seen) return;
      seen = now;
      // SQLite has one writer at a time, so ids grow in commit order: nothing committed is skipped.
      const rows = since.all(lastId) as { id: number; calendar_id: number; version: number; user_id: number | null }[];
      for (const r of rows) {
        lastId = r.id;
        publish(hub, { calendarId: r.calendar_id, version: r.version, ...(r.user_id !== null ? { userId: r.user_id } : {}) });
      }
    } catch (error) {
      console.error("change feed poll failed", error);
    }
  };
  const timer = setInterval(poll, env().SWEETDATE_FEED_POLL_MS);
  timer.unref();
  hub.wake = poll;
  hub.stop = () => {
    clearInterval(timer);
    reader.close();
  };
}

function startPostgres(hub: Hub, url: string): void {
  let client: pg.Client | null = null;
  let stopped = false;
  let delay = 250;
  let heartbeat: NodeJS.Timeout | undefined;
  const connect = async () => {
    if (stopped) return;
    const c = new pg.Client({ connectionString: url });
    client = c;
    const lost = () => {
      if (client !== c) return;
      client = null;
      clearInterval(heartbeat);
      c.end().catch(() => {});
      if (!stopped) setTimeout(() => void connect(), delay).unref();
      delay = Math.min(delay * 2, 5_000);
    };
    c.on("error", lost);
    c.on("end", lost);
    c.on("notification", (message) => {
      if (message.channel !== NOTIFY_CHANNEL || !message.payload) return;
      try {
        const p = JSON.parse(message.payload) as { c: number; v: number; u?: number };
        publish(hub, { calendarId: p.c, version: p.v, ...(p.u !== undefined ? { userId: p.u } : {}) });
      } catch {
        /* not ours */
      }
    });
    try {
      await c.connect();
      await c.query(`LISTEN ${NOTIFY_CHANNEL}`);
      delay = 250;
      // A connection can die silently: a failed heartbeat counts as lost.
      heartbeat = setInterval(() => void c.query("SELECT 1").catch(lost), 10_000);
      heartbeat.unref();
      // Whatever was committed while we were not listening is read back from the log.
      resyncAll(hub);
    } catch {
      lost();
    }
  };
  void connect();
  hub.wake = () => {};
  hub.stop = () => {
    stopped = true;
    clearInterval(heartbeat);
    void client?.end().catch(() => {});
  };
}

function hub(): Hub {
  if (!globalForFeed.sweetdateFeed) {
    const h: Hub = { subscribers: new Set(), stop: () => {}, wake: () => {} };
    globalForFeed.sweetdateFeed = h;
    const config = dbConfig();
    if (config.provider === "postgres") startPostgres(h, config.url);
    else startSqlite(h, config.file!);
  }
  return globalForFeed.sweetdateFeed;
}

/** Follows changes; returns the unsubscribe function. */
export function subscribeFeed(subscriber: FeedSubscriber): () => void {
  const h = hub();
  h.subscribers.add(subscriber);
  return () => h.subscribers.delete(subscriber);
}

/** A write committed in this process: deliver it now rather than at the next poll. */
export function wakeFeed(): void {
  globalForFeed.sweetdateFeed?.wake();
}

/** Tests and the CLI: close the feed's connection. */
export function stopFeed(): void {
  globalForFeed.sweetdateFeed?.stop();
  globalForFeed.sweetdateFeed = undefined;
}
