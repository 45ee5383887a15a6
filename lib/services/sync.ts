// REST sync (SPEC §11): a full round lists a calendar's stored rows; a token round lists what the
// change log says changed since the token, each row in its *current* state as the caller sees it —
// or as a deletion when it is deleted or hidden from them — so replaying rounds equals a full list.
import crypto from "node:crypto";
import { AppError } from "../domain/errors.ts";
import { compactInstant } from "../domain/time.ts";
import type { CalendarRecord, EventRecord, Viewer } from "../domain/types.ts";
import { present, type VisibleEvent } from "../domain/visible.ts";
import { overrideInstance } from "./occurrences.ts";
import type { Repos } from "./ports.ts";
import { productionRepos } from "./repos.ts";

export type SyncItem =
  | { kind: "event"; visible: VisibleEvent; exdates: Date[] }
  /** `eventId` is null for a SweetDate-only key (an override's occurrence id before it moved). */
  | { kind: "deleted"; eventId: number | null; key: string };

export interface SyncPage {
  items: SyncItem[];
  total: number;
  /** Only on the last page of a round. */
  nextToken: string | null;
}

const expired = (why: string) => new AppError("SYNC_TOKEN_EXPIRED", `${why}; start a full sync again with an empty sync_token`);

async function sign(payload: string, repos: Repos): Promise<string> {
  return crypto.createHmac("sha256", await repos.secrets.get("sync-token")).update(payload).digest("base64url").slice(0, 22);
}

/** An opaque token for `version` of the calendar, good for this caller only. */
export async function issueSyncToken(calendarId: number, userId: number, version: number, repos: Repos = productionRepos): Promise<string> {
  const payload = `${calendarId}.${userId}.${version}`;
  return `${Buffer.from(payload).toString("base64url")}.${await sign(payload, repos)}`;
}

/** The version a token stands for; 410 for anything malformed, forged, foreign or stale. */
export async function readSyncToken(token: string, calendarId: number, userId: number, repos: Repos = productionRepos): Promise<number> {
  const [encoded, signature, ...rest] = token.split(".");
  if (!encoded || !signature || rest.length) throw expired("the sync token is not one this server issued");
  const payload = Buffer.from(encoded, "base64url").toString("utf8");
  const expected = await sign(payload, repos);
  if (expected.length !== signature.length || !crypto.timingSafeEqual(Buffer.from(expected), Buffer.from(signature))) {
    throw expired("the sync token is not one this server issued");
  }
  const [c, u, v] = payload.split(".").map(Number);
  if (c !== calendarId || u !== userId) throw expired("the sync token belongs to another calendar or user");
  return v!;
}

/** The occurrence key of an override (`<series uuid>_<original start>`), else the event's uuid. */
export function syncKey(event: EventRecord): string {
  return event.seriesUuid && event.originalStartsAt ? `${event.seriesUuid}_${compactInstant(event.originalStartsAt)}` : event.uuid;
}

async function withSeries(rows: EventRecord[], repos: Repos): Promise<Map<number, EventRecord>> {
  const ids = [...new Set(rows.filter((r) => r.seriesId !== null).map((r) => r.seriesId!))];
  return new Map((await repos.events.findByIds(ids)).map((s) => [s.id, s]));
}

function asItem(row: EventRecord, series: Map<number, EventRecord>, viewer: Viewer): SyncItem {
  const deletion: SyncItem = { kind: "deleted", eventId: row.id, key: syncKey(row) };
  if (row.deleted) return deletion;
  const parent = row.seriesId !== null ? series.get(row.seriesId) : undefined;
  if (row.seriesId !== null && (!parent || parent.deleted)) return deletion;
  const visible = present(parent ? overrideInstance(row, parent) : { event: row, occurrence: null }, viewer);
  return visible ? { kind: "event", visible, exdates: row.rrule ? row.exdates : [] } : deletion;
}

/** One page of a sync round; `token` "" starts a full round. */
export async function syncCalendar(
  viewer: Viewer,
  calendar: CalendarRecord,
  token: string,
  page: { limit: number; offset: number },
  options: { formerKeys: boolean } = { formerKeys: true },
  repos: Repos = productionRepos,
): Promise<SyncPage> {
  // The version is read before the rows: a write in between is sent now and again next round.
  const { version, floor } = await repos.changes.version(calendar.id);
  if (token === "") {
    const { events, total } = await repos.events.findStored(viewer, calendar.id, page);
    const series = await withSeries(events, repos);
    const items = events.map((e) => asItem(e, series, viewer)).filter((i) => i.kind === "event");
    const last = page.offset + page.limit >= total;
    return { items, total, nextToken: last ? await issueSyncToken(calendar.id, viewer.userId, version, repos) : null };
  }
  const since = await readSyncToken(token, calendar.id, viewer.userId, repos);
  if (since > version) throw expired("the sync token is newer than this calendar's history");
  if (since < floor) throw expired("the sync token is older than the kept change history");
  const changes = await repos.changes.changesSince(calendar.id, since);
  // Who may see what in this calendar changed for the caller (membership): resend everything.
  if (changes.accessUsers.has(viewer.userId)) throw expired("your access to this calendar changed since the sync token");
  const rows = await repos.events.findByIds(changes.eventIds);
  const series = await withSeries(rows, repos);
  const items = rows.sort((a, b) => a.id - b.id).map((r) => asItem(r, series, viewer));
  const current = new Set(items.map((i) => (i.kind === "event" ? syncKey(i.visible.event) : i.key)));
  // An override that moved (re-keyed, re-parented) is gone under its old occurrence id; dialects
  // that name overrides by their own row id (Kona) never see that id change.
  if (options.formerKeys) for (const key of changes.formerKeys) if (!current.has(key)) items.push({ kind: "deleted", eventId: null, key });
  const last = page.offset + page.limit >= items.length;
  return {
    items: items.slice(page.offset, page.offset + page.limit),
    total: items.length,
    nextToken: last ? await issueSyncToken(calendar.id, viewer.userId, version, repos) : null,
  };
}
