// Subscribed calendars: a read-only calendar the server fills from an iCalendar URL and refreshes.
import { roleAtLeast } from "../domain/enums.ts";
import { forbidden, invalid } from "../domain/errors.ts";
import type { CalendarRecord } from "../domain/types.ts";
import { checkFeedUrl, FeedError } from "./fetch-feed.ts";
import { importIcs, type ImportSummary } from "./import-ics.ts";
import { createCalendar, getCalendar, type CalendarInput } from "./manage-calendars.ts";
import type { Repos, SubscriptionRecord } from "./ports.ts";
import { productionRepos } from "./repos.ts";
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

async function validUrl(source: string, repos: Repos): Promise<string> {
  try {
    const url = checkFeedUrl(source);
    await repos.feedSource.checkHost(url);
    return url.toString();
  } catch (error) {
    if (error instanceof FeedError) throw invalid({ source_url: [error.message] });
    throw error;
  }
}

/** POST /api/v1/calendars with source_url: creates the calendar, then fetches it once. */
export async function createSubscription(userId: number, input: CalendarInput & { sourceUrl: string }, defaultTimeZone: string, repos: Repos = productionRepos): Promise<CalendarRecord> {
  const url = await validUrl(input.sourceUrl, repos);
  const named = input.name !== undefined;
  const calendar = await createCalendar(userId, { ...input, name: input.name ?? new URL(url).hostname }, defaultTimeZone, undefined, repos);
  const subscription = await repos.subscriptions.insert(calendar.id, url);
  const result = await refresh(subscription, calendar, userId, repos);
  const feedName = result.summary?.calendarName;
  if (!named && feedName) await repos.calendars.update(calendar.id, { name: feedName.slice(0, 200) });
  return getCalendar({ id: calendar.id }, userId, repos);
}

/** POST /api/v1/calendars/:id/refresh: fetches before answering. */
export async function refreshNow(uuid: string, userId: number, repos: Repos = productionRepos): Promise<RefreshResult> {
  const calendar = await getCalendar({ uuid }, userId, repos);
  if (!roleAtLeast(calendar.role, "member")) throw forbidden("refreshing needs the member role or above");
  const subscription = await repos.subscriptions.find(calendar.id);
  if (!subscription) throw invalid({ calendar_id: ["is not a subscription (it has no source_url)"] });
  // The feed's events are stored under the calendar's owner, whoever asked for the refresh.
  return refresh(subscription, calendar, (await repos.subscriptions.ownerOf(calendar.id)) ?? userId, repos);
}

/** Fetches the subscription's source and imports it; a failing source is recorded (retried later), its events kept. */
export async function refresh(subscription: SubscriptionRecord, calendar: CalendarRecord, creatorId: number, repos: Repos = productionRepos): Promise<RefreshResult & { summary: (ImportSummary & { calendarName?: string | null }) | null }> {
  const now = new Date();
  try {
    const response = await repos.feedSource.fetch(subscription.sourceUrl, { etag: subscription.etag, lastModified: subscription.lastModified });
    if (response.status === 304) {
      await repos.subscriptions.update(subscription.id, { lastFetchedAt: now, lastError: null, nextFetchAt: new Date(now.getTime() + subscription.refreshIntervalSeconds * 1000) });
      return { status: "not_modified", summary: null, error: null };
    }
    const summary = await importIcs(response.text, { calendar, creatorId, icsFeedId: subscription.id }, repos);
    const interval = Math.min(MAX_REFRESH_SECONDS, Math.max(MIN_REFRESH_SECONDS, summary.refreshIntervalSeconds ?? DEFAULT_REFRESH_SECONDS));
    await repos.subscriptions.update(subscription.id, {
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
    await repos.subscriptions.update(subscription.id, { lastError: message, nextFetchAt: new Date(now.getTime() + RETRY_SECONDS * 1000) });
    return { status: "failed", summary: null, error: message };
  }
}

function nameIn(text: string): string | null {
  const m = /^X-WR-CALNAME[^:\r\n]*:(.+)$/im.exec(text.slice(0, 20_000));
  return m?.[1]?.trim() || null;
}

/** Refreshes the subscriptions due at `now` (claimed first, so instances never fetch one twice); the scheduler's tick. */
export async function refreshDueSubscriptions(now: Date = new Date(), repos: Repos = productionRepos): Promise<number> {
  let refreshed = 0;
  for (const s of await repos.subscriptions.claimDue(now, 10 * 60_000)) {
    const owner = await repos.subscriptions.ownerOf(s.calendarId);
    const calendar = owner !== null ? await repos.calendars.find({ id: s.calendarId }, owner) : null;
    if (!calendar || owner === null) continue;
    await refresh(s, calendar, owner, repos);
    refreshed++;
  }
  return refreshed;
}

let timer: NodeJS.Timeout | null = null;

/**
 * Refreshes due subscriptions every minute in this process (instances share the work by claiming).
 * Off with SUBSCRIPTIONS_SCHEDULER=0; one timer per process; a tick that finds the previous one still
 * running (a slow source) skips. Returns a function that stops it.
 */
export function startSubscriptionScheduler(repos: Repos = productionRepos): () => void {
  const stop = () => {
    if (timer) clearInterval(timer);
    timer = null;
  };
  if (timer || !env().SUBSCRIPTIONS_SCHEDULER) return stop;
  let running = false;
  timer = setInterval(() => {
    if (running) return;
    running = true;
    void (async () => {
      try {
        await refreshDueSubscriptions(new Date(), repos);
      } catch (error) {
        console.error("sweetdate: subscription refresh failed", error);
      } finally {
        running = false;
      }
    })();
  }, 60_000);
  timer.unref();
  return stop;
}
