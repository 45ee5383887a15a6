// Subscribed calendars: a read-only calendar the server fills from an iCalendar URL and refreshes.
import * as calendars from "../db/calendar-repository.ts";
import * as store from "../db/ical-repository.ts";
import { roleAtLeast } from "../domain/enums.ts";
import { forbidden, invalid } from "../domain/errors.ts";
import type { CalendarRecord } from "../domain/types.ts";
import { checkFeedHost, checkFeedUrl, fetchFeed, FeedError } from "./fetch-feed.ts";
import { importIcs, type ImportSummary } from "./import-ics.ts";
import { createCalendar, getCalendar, type CalendarInput } from "./manage-calendars.ts";
import { env } from "../env.ts";

export const DEFAULT_REFRESH_SECONDS = 3600;
const MIN_REFRESH_SECONDS = 15 * 60;
const MAX_REFRESH_SECONDS = 7 * 86_400;
const RETRY_SECONDS = 15 * 60;

export interface RefreshResult {
  status: "updated" | "not_modified" | "failed";
  summary: ImportSummary | null;
  error: string | null;
}

async function validUrl(source: string): Promise<string> {
  try {
    const url = checkFeedUrl(source);
    await checkFeedHost(url);
    return url.toString();
  } catch (error) {
    if (error instanceof FeedError) throw invalid({ source_url: [error.message] });
    throw error;
  }
}

/** POST /api/v1/calendars with source_url: creates the calendar, then fetches it once. */
export async function createSubscription(userId: number, input: CalendarInput & { sourceUrl: string }, defaultTimeZone: string): Promise<CalendarRecord> {
  const url = await validUrl(input.sourceUrl);
  const named = input.name !== undefined;
  const calendar = await createCalendar(userId, { ...input, name: input.name ?? new URL(url).hostname }, defaultTimeZone);
  const subscription = await store.insertSubscription(calendar.id, url);
  const result = await refresh(subscription, calendar, userId);
  const feedName = result.summary?.calendarName;
  if (!named && feedName) await calendars.updateCalendar(calendar.id, { name: feedName.slice(0, 200) });
  return getCalendar({ id: calendar.id }, userId);
}

/** POST /api/v1/calendars/:id/refresh: fetches before answering. */
export async function refreshNow(uuid: string, userId: number): Promise<RefreshResult> {
  const calendar = await getCalendar({ uuid }, userId);
  if (!roleAtLeast(calendar.role, "member")) throw forbidden("refreshing needs the member role or above");
  const subscription = await store.findSubscription(calendar.id);
  if (!subscription) throw invalid({ calendar_id: ["is not a subscription (it has no source_url)"] });
  return refresh(subscription, calendar, await ownerOf(calendar.id, userId));
}

async function ownerOf(calendarId: number, fallback: number): Promise<number> {
  return (await store.findOwnerId(calendarId)) ?? fallback;
}

export async function refresh(subscription: store.SubscriptionRecord, calendar: CalendarRecord, creatorId: number): Promise<RefreshResult & { summary: (ImportSummary & { calendarName?: string | null }) | null }> {
  const now = new Date();
  try {
    const response = await fetchFeed(subscription.sourceUrl, { etag: subscription.etag, lastModified: subscription.lastModified });
    if (response.status === 304) {
      await store.updateSubscription(subscription.id, { lastFetchedAt: now, lastError: null, nextFetchAt: new Date(now.getTime() + subscription.refreshIntervalSeconds * 1000) });
      return { status: "not_modified", summary: null, error: null };
    }
    const summary = await importIcs(response.text, { calendar, creatorId, icsFeedId: subscription.id });
    const interval = Math.min(MAX_REFRESH_SECONDS, Math.max(MIN_REFRESH_SECONDS, summary.refreshIntervalSeconds ?? DEFAULT_REFRESH_SECONDS));
    await store.updateSubscription(subscription.id, {
      etag: response.etag,
      lastModified: response.lastModified,
      lastFetchedAt: now,
      lastError: null,
      refreshIntervalSeconds: interval,
      nextFetchAt: new Date(now.getTime() + interval * 1000),
    });
    return { status: "updated", summary: { ...summary, calendarName: nameIn(response.text) }, error: null };
  } catch (error) {
    // Network failures (ECONNREFUSED, ENOTFOUND, …) are the feed's problem, recorded; anything else is ours.
    if (!(error instanceof FeedError) && !/^E[A-Z_]+$/.test(String((error as { code?: unknown }).code))) throw error;
    const message = (error as Error).message;
    await store.updateSubscription(subscription.id, { lastError: message, nextFetchAt: new Date(now.getTime() + RETRY_SECONDS * 1000) });
    return { status: "failed", summary: null, error: message };
  }
}

function nameIn(text: string): string | null {
  const m = /^X-WR-CALNAME[^:\r\n]*:(.+)$/im.exec(text.slice(0, 20_000));
  return m?.[1]?.trim() || null;
}

let timer: NodeJS.Timeout | null = null;

/** Refreshes due subscriptions every minute in this process (instances share the work by claiming). */
export function startSubscriptionScheduler(): void {
  if (timer || !env().SUBSCRIPTIONS_SCHEDULER) return;
  let running = false;
  timer = setInterval(() => {
    if (running) return;
    running = true;
    void (async () => {
      try {
        for (const s of await store.claimDueSubscriptions(new Date(), 10 * 60_000)) {
          const owner = await store.findOwnerId(s.calendarId);
          const calendar = owner !== null ? await calendars.findCalendar({ id: s.calendarId }, owner) : null;
          if (calendar && owner !== null) await refresh(s, calendar, owner);
        }
      } catch (error) {
        console.error("sweetdate: subscription refresh failed", error);
      } finally {
        running = false;
      }
    })();
  }, 60_000);
  timer.unref();
}
