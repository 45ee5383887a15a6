// A calendar as iCalendar text for one reader (export and private feeds), redacted as the API is.
import { hashSecret } from "../domain/secret-hash.ts";
import crypto from "node:crypto";
import { notFound } from "../domain/errors.ts";
import { deriveTags } from "../domain/tags.ts";
import type { CalendarRecord, EventRecord, Viewer } from "../domain/types.ts";
import { serializeCalendar, type IcalEventInput } from "../ical/index.ts";
import { present } from "../domain/visible.ts";
import { getCalendar } from "./manage-calendars.ts";
import type { Repos } from "./ports.ts";
import { productionRepos } from "./repos.ts";
import { loadViewer } from "./viewer.ts";

/** How often feed readers should come back (REFRESH-INTERVAL / X-PUBLISHED-TTL). */
export const FEED_REFRESH_MINUTES = 60;

export interface IcsDocument {
  text: string;
  etag: string;
}

/** The UID a stored event is known by in iCalendar. */
export function icalUidOf(event: Pick<EventRecord, "icalUid" | "uuid">): string {
  return event.icalUid ?? event.uuid;
}

export async function calendarIcs(calendar: CalendarRecord, viewer: Viewer, origin: string, options: { refreshIntervalMinutes?: number } = {}, repos: Repos = productionRepos): Promise<IcsDocument> {
  const rows = await repos.icalExport.calendarRows(calendar.id);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const visible = rows.map((row) => ({ row, seen: present({ event: row, occurrence: null }, viewer) }));
  const userIds = new Set<number>();
  for (const { seen } of visible) {
    if (seen?.access.see !== "full") continue;
    userIds.add(seen.event.creatorId);
    for (const p of seen.event.participants) userIds.add(p.userId);
  }
  const users = new Map((await repos.users.findByIds([...userIds])).map((u) => [u.id, u]));
  const inputs: IcalEventInput[] = [];
  let latest = calendar.updatedAt;
  for (const { row, seen } of visible) {
    if (!seen) continue;
    const master = row.seriesId !== null ? byId.get(row.seriesId) : undefined;
    if (row.seriesId !== null && !master) continue; // its series is gone
    if (row.updatedAt > latest) latest = row.updatedAt;
    const full = seen.access.see === "full";
    const creator = users.get(row.creatorId);
    inputs.push({
      uid: icalUidOf(master ?? row),
      event: seen.event,
      see: full ? "full" : "busy",
      ...(master ? { recurrenceOf: { timeZone: master.timeZone, allDay: master.allDay } } : {}),
      organizer: full && creator ? { email: creator.email, name: creator.name } : null,
      attendees: full ? row.participants.flatMap((p) => { const u = users.get(p.userId); return u ? [{ email: u.email, name: u.name, rsvp: p.rsvp }] : []; }) : [],
      url: full ? `${origin}/api/v1/calendars/${row.calendarUuid}/events/${row.uuid}` : null,
      categories: full ? deriveTags(row.title, row.description) : [],
      rdates: row.rdates,
    });
  }
  // DTSTAMP = the newest change, so the same state always gives the same bytes (and ETag).
  const text = serializeCalendar(
    { name: calendar.name, description: calendar.description, color: calendar.color, timeZone: calendar.timeZone, refreshIntervalMinutes: options.refreshIntervalMinutes, events: inputs },
    latest,
  );
  return { text, etag: `"${crypto.createHash("sha256").update(text).digest("base64url").slice(0, 32)}"` };
}

// GET /api/v1/calendars/:id/ics
export async function exportCalendar(uuid: string, userId: number, origin: string, repos: Repos = productionRepos): Promise<IcsDocument> {
  const calendar = await getCalendar({ uuid }, userId, repos);
  return calendarIcs(calendar, await loadViewer(userId, repos), origin, {}, repos);
}

// Private feeds --------------------------------------------------------------------------------

function feedUrl(origin: string, secret: string): string {
  return `${origin}/feeds/${secret}.ics`;
}

/** Creates or rotates the caller's feed of a calendar (the old URL stops working at once). */
export async function createFeed(uuid: string, userId: number, origin: string, repos: Repos = productionRepos): Promise<{ url: string }> {
  const calendar = await getCalendar({ uuid }, userId, repos);
  const secret = crypto.randomBytes(24).toString("base64url");
  await repos.icalExport.upsertFeed(calendar.id, userId, hashSecret(secret));
  return { url: feedUrl(origin, secret) };
}

export async function deleteFeed(uuid: string, userId: number, repos: Repos = productionRepos): Promise<void> {
  const calendar = await getCalendar({ uuid }, userId, repos);
  await repos.icalExport.deleteFeed(calendar.id, userId);
}

/** The feed behind a secret, as its owner may see the calendar now (404 when revoked or gone). */
export async function feedIcs(secret: string, origin: string, repos: Repos = productionRepos): Promise<IcsDocument> {
  if (!/^[A-Za-z0-9_-]{16,64}$/.test(secret)) throw notFound("no such feed");
  const feed = await repos.icalExport.findFeed(hashSecret(secret));
  if (!feed) throw notFound("no such feed");
  const calendar = await repos.calendars.find({ id: feed.calendarId }, feed.userId);
  if (!calendar?.role) throw notFound("no such feed");
  return calendarIcs(calendar, await loadViewer(feed.userId, repos), origin, { refreshIntervalMinutes: FEED_REFRESH_MINUTES }, repos);
}
