// One live-stream connection (SPEC §11): follows the change feed for the calendars the user is a
// member of and writes SSE frames. The frame id encodes the version of every followed calendar that
// the client has been told about, so a reconnect with Last-Event-ID — on any instance — resumes.
import type { Repos } from "./ports.ts";
import { productionRepos } from "./repos.ts";
import { issueSyncToken } from "./sync.ts";

type Versions = Map<number, { uuid: string; version: number }>;

export function encodeStreamId(state: Versions): string {
  return Buffer.from([...state].map(([id, s]) => `${id}:${s.version}`).join(",")).toString("base64url");
}

/** The versions a Last-Event-ID stands for; null when absent or not one of ours. */
export function decodeStreamId(text: string | null): Map<number, number> | null {
  if (!text) return null;
  const plain = Buffer.from(text.trim(), "base64url").toString("utf8");
  if (plain !== "" && !/^\d+:\d+(,\d+:\d+)*$/.test(plain)) return null;
  return new Map(plain === "" ? [] : plain.split(",").map((pair) => pair.split(":").map(Number) as [number, number]));
}

/** Starts following; `send` receives SSE text. Returns the function that stops it. */
export async function openChangeStream(userId: number, lastEventId: string | null, send: (text: string) => void, repos: Repos = productionRepos): Promise<() => void> {
  const state: Versions = new Map();
  let queue = Promise.resolve();
  let stopped = false;
  // Frames go out one at a time, and a calendar's version enters the id only with its own frame.
  const run = (work: () => Promise<void>) => {
    queue = queue.then(() => (stopped ? undefined : work())).catch((error) => console.error("live stream", error));
  };
  const frame = async (calendarId: number, uuid: string, version: number) => {
    state.set(calendarId, { uuid, version });
    const data = JSON.stringify({ calendar_id: uuid, sync_token: await issueSyncToken(calendarId, userId, version, repos) });
    send(`event: change\nid: ${encodeStreamId(state)}\ndata: ${data}\n\n`);
  };
  /** Re-reads the followed calendars; a frame for each one newer than `known` (or new to it). */
  const catchUp = async (known: Map<number, number>) => {
    const calendars = await repos.changes.memberCalendarVersions(userId);
    const current = new Set(calendars.map((c) => c.id));
    for (const id of [...state.keys()]) if (!current.has(id)) state.delete(id);
    const changed = calendars.filter((c) => !known.has(c.id) || c.version > known.get(c.id)!);
    for (const c of calendars) if (!changed.includes(c) && !state.has(c.id)) state.set(c.id, { uuid: c.uuid, version: c.version });
    for (const c of changed) await frame(c.id, c.uuid, c.version);
  };
  const knownNow = () => new Map([...state].map(([id, s]) => [id, s.version]));

  const unsubscribe = repos.changeFeed.subscribe({
    change(notice) {
      if (notice.userId === userId) return run(() => catchUp(knownNow()));
      run(async () => {
        const followed = state.get(notice.calendarId);
        if (followed && notice.version > followed.version) await frame(notice.calendarId, followed.uuid, notice.version);
      });
    },
    resync() {
      run(() => catchUp(knownNow()));
    },
  });
  const resume = decodeStreamId(lastEventId);
  if (resume) {
    run(() => catchUp(resume));
  } else {
    run(async () => {
      for (const c of await repos.changes.memberCalendarVersions(userId)) state.set(c.id, { uuid: c.uuid, version: c.version });
      send(`event: ready\nid: ${encodeStreamId(state)}\ndata: {}\n\n`);
    });
  }
  await queue;
  return () => {
    stopped = true;
    unsubscribe();
  };
}
