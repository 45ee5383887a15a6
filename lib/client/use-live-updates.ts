"use client";
// Live updates (SPEC §11): one GET /api/v1/stream per browser, not per tab — the tab holding a Web
// Lock opens the EventSource and passes frames to the other tabs over a BroadcastChannel; when it
// closes, another tab takes the lock and the stream over. Every tab refreshes what it shows.
import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { createRefresher, type LiveChange } from "./live-refresh.ts";

const LOCK = "sweetdate-live-stream";
const CHANNEL = "sweetdate-live";

export function useLiveUpdates(): void {
  const client = useQueryClient();
  useEffect(() => {
    const refresher = createRefresher(client);
    const channel = typeof BroadcastChannel === "undefined" ? null : new BroadcastChannel(CHANNEL);
    const share = (change: LiveChange) => {
      channel?.postMessage(change);
      refresher.changed(change);
    };
    if (channel) channel.onmessage = (message: MessageEvent<LiveChange>) => refresher.changed(message.data);
    const stop = new AbortController();
    const openedAt = Date.now();

    /** Holds the stream until this tab goes away; reopens it (backing off) if the server closes it. */
    const lead = () =>
      new Promise<void>((resolve) => {
        let source: EventSource | null = null;
        let retry: ReturnType<typeof setTimeout> | undefined;
        let delay = 1_000;
        const open = () => {
          source = new EventSource("/api/v1/stream");
          source.addEventListener("change", (event) => {
            delay = 1_000;
            share(JSON.parse((event as MessageEvent<string>).data) as LiveChange);
          });
          // A fresh stream (this tab took over, or the old one was closed): changes may have been missed.
          source.addEventListener("ready", () => {
            if (Date.now() - openedAt > 2_000) share({ all: true });
          });
          source.onerror = () => {
            // CONNECTING: the browser retries by itself, with Last-Event-ID. CLOSED: it gave up (e.g. 401).
            if (source?.readyState !== EventSource.CLOSED) return;
            retry = setTimeout(open, delay);
            delay = Math.min(delay * 2, 60_000);
          };
        };
        open();
        stop.signal.addEventListener("abort", () => {
          clearTimeout(retry);
          source?.close();
          resolve();
        });
      });

    if (typeof navigator !== "undefined" && navigator.locks) {
      navigator.locks.request(LOCK, { signal: stop.signal }, lead).catch(() => {
        /* aborted while waiting for the lock: this tab is closing */
      });
    } else {
      void lead();
    }
    return () => {
      stop.abort();
      channel?.close();
      refresher.dispose();
    };
  }, [client]);
}
