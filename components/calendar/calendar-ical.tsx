"use client";
import { useState } from "react";
import type { Calendar } from "@/lib/api/sweetdate/schemas.ts";
import { describeError } from "@/lib/client/request.ts";
import { useCreateFeed, useRefreshCalendar, useRevokeFeed } from "@/lib/client/use-calendar-ical.ts";
import { useCopy } from "@/components/ui/secret-box.tsx";
import { useToast } from "@/components/ui/toast.tsx";

/** iCalendar for one calendar: export download, the caller's private feed URL, a subscription's refresh. */
export function CalendarIcal({ calendar }: { calendar: Calendar }) {
  const [feedUrl, setFeedUrl] = useState<string | null>(null);
  const createFeed = useCreateFeed();
  const revokeFeed = useRevokeFeed();
  const refresh = useRefreshCalendar();
  const toast = useToast();
  const { copy } = useCopy();

  async function makeFeed() {
    try {
      setFeedUrl(await createFeed.mutateAsync(calendar.id));
    } catch (error) {
      toast(describeError(error), "error");
    }
  }

  async function revoke() {
    try {
      await revokeFeed.mutateAsync(calendar.id);
      setFeedUrl(null);
      toast("Feed URL revoked", "success");
    } catch (error) {
      toast(describeError(error), "error");
    }
  }

  async function refreshNow() {
    try {
      const r = await refresh.mutateAsync(calendar.id);
      toast(r.result === "failed" ? `Refresh failed: ${r.error}` : r.result === "not_modified" ? "Already up to date" : `Updated: ${r.created} new, ${r.updated} changed, ${r.deleted} removed`, r.result === "failed" ? "error" : "success");
    } catch (error) {
      toast(describeError(error), "error");
    }
  }

  return (
    <section className="ical-section" aria-labelledby="ical-heading">
      <h3 id="ical-heading" className="field-label">
        iCalendar
      </h3>
      {calendar.source_url ? (
        <div className="ical-row">
          <p className="field-hint">
            Subscribed to <span className="ical-url">{calendar.source_url}</span> (read-only).
          </p>
          <button type="button" className="button button-small" onClick={() => void refreshNow()} disabled={refresh.isPending}>
            {refresh.isPending ? "Refreshing…" : "Refresh now"}
          </button>
        </div>
      ) : null}
      <div className="ical-row">
        <a className="button button-small" href={`/api/v1/calendars/${encodeURIComponent(calendar.id)}/ics`} download={`${calendar.name.replace(/[^\w.-]+/g, "_") || "calendar"}.ics`}>
          Export .ics
        </a>
        <button type="button" className="button button-small" onClick={() => void makeFeed()} disabled={createFeed.isPending}>
          {feedUrl ? "New feed URL" : "Get feed URL"}
        </button>
        <button type="button" className="button button-small" onClick={() => void revoke()} disabled={revokeFeed.isPending}>
          Revoke feed URL
        </button>
      </div>
      {feedUrl ? (
        <div className="ical-row">
          <label className="sr-only" htmlFor="feed-url">
            Private feed URL
          </label>
          <input id="feed-url" className="ical-feed-input" type="text" readOnly value={feedUrl} onFocus={(e) => e.currentTarget.select()} />
          <button type="button" className="button button-small" onClick={() => void copy(feedUrl, "Feed URL", "feed-url")}>
            Copy
          </button>
        </div>
      ) : null}
      <p className="field-hint">
        The feed URL shows this calendar as you see it, in any calendar app, without signing in. Getting a new one stops the old one at once.
      </p>
    </section>
  );
}
