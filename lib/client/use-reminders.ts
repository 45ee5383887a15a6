"use client";
// Reminders while SweetDate is open: the occurrences of the next four weeks (the furthest a
// reminder reaches) are fetched through the public API and kept fresh by the live stream; a timer
// wakes at each reminder's time, shows it in the page and, when the user allowed it, as a desktop
// notification. Fired reminders are remembered per browser (localStorage), so a reload or a second
// tab does not remind twice, and reminders more than a few minutes late are not shown on load.
import { useQuery } from "@tanstack/react-query";
import { useCallback, useEffect, useRef, useState } from "react";
import type { Event } from "@/lib/api/sweetdate/schemas.ts";
import { MAX_REMINDER_MINUTES } from "@/lib/domain/reminders.ts";
import { readSetting, writeSetting } from "./local-setting.ts";
import { eventKeys } from "./query-keys.ts";
import { dueNow, LATE_LIMIT_MS, reminderText, type DueReminder } from "./reminders.ts";
import { fetchEventsInRange } from "./use-events-in-range.ts";

const FIRED_KEY = "sweetdate.reminders.fired";
/** Fired reminders are forgotten two days after their time (they can no longer be due). */
const KEEP_FIRED_MS = 2 * 86_400_000;
/** The timer wakes at least this often, so a slept laptop or a changed list is noticed. */
const MAX_SLEEP_MS = 60_000;

export interface ShownReminder {
  key: string;
  event: Event;
  text: string;
}

function readFired(now: number): Map<string, number> {
  try {
    const entries = Object.entries(JSON.parse(readSetting(FIRED_KEY) ?? "{}") as Record<string, number>);
    return new Map(entries.filter(([, at]) => typeof at === "number" && at > now - KEEP_FIRED_MS));
  } catch {
    return new Map();
  }
}

function writeFired(fired: Map<string, number>): void {
  writeSetting(FIRED_KEY, JSON.stringify(Object.fromEntries(fired)));
}

// ── Desktop notifications (asked for only from a button: browsers block prompts on load) ────────

export type Permission = NotificationPermission | "unsupported";

export function notificationPermission(): Permission {
  return typeof window !== "undefined" && "Notification" in window ? window.Notification.permission : "unsupported";
}

const permissionListeners = new Set<() => void>();
export function subscribeNotificationPermission(listener: () => void): () => void {
  permissionListeners.add(listener);
  return () => permissionListeners.delete(listener);
}

export async function requestNotifications(): Promise<Permission> {
  if (notificationPermission() === "unsupported") return "unsupported";
  const result = await window.Notification.requestPermission();
  for (const listener of permissionListeners) listener();
  return result;
}

function notify(reminder: DueReminder, text: string, onOpen: (event: Event) => void): void {
  if (notificationPermission() !== "granted") return;
  try {
    const notification = new window.Notification(text, { body: reminder.event.location ?? "", tag: reminder.key });
    notification.onclick = () => {
      window.focus();
      onOpen(reminder.event);
      notification.close();
    };
  } catch {
    // Some browsers (Chrome on Android) allow notifications only from a service worker: the in-page reminder still shows.
  }
}

// ── The hook ─────────────────────────────────────────────────────────────────────────────────

async function upcoming(signal: AbortSignal): Promise<Event[]> {
  const now = Date.now();
  const from = new Date(now - LATE_LIMIT_MS).toISOString();
  const to = new Date(now + (MAX_REMINDER_MINUTES + 60) * 60_000).toISOString();
  const events = await fetchEventsInRange(from, to, signal);
  // Declined and cancelled events remind no one.
  return events.filter((e) => e.reminders.length > 0 && e.rsvp !== "declined" && e.status !== "cancelled");
}

/** Runs the reminders of the signed-in user; `onOpen` opens an event (from a notification's click). */
export function useReminders(enabled: boolean, onOpen: (event: Event) => void): { shown: ShownReminder[]; dismiss: (key: string) => void; ready: boolean } {
  const events = useQuery({ queryKey: eventKeys.reminders(), enabled, queryFn: ({ signal }) => upcoming(signal), staleTime: 5 * 60_000, refetchInterval: 15 * 60_000 });
  const [shown, setShown] = useState<ShownReminder[]>([]);
  // The list this browser last checked (ready once the first check of the loaded list ran).
  const [checked, setChecked] = useState<Event[] | null>(null);
  const openRef = useRef(onOpen);
  useEffect(() => {
    openRef.current = onOpen;
  }, [onOpen]);

  useEffect(() => {
    const list = events.data;
    if (!list) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const check = () => {
      const now = Date.now();
      const fired = readFired(now);
      const { due, nextInMs } = dueNow(list, now, new Set(fired.keys()));
      if (due.length) {
        for (const reminder of due) fired.set(reminder.key, reminder.fireAt);
        writeFired(fired);
        const fresh = due.map((reminder) => {
          const text = reminderText(reminder, now);
          notify(reminder, text, (event) => openRef.current(event));
          return { key: reminder.key, event: reminder.event, text };
        });
        setShown((current) => [...current.filter((s) => !fresh.some((f) => f.key === s.key)), ...fresh].slice(-5));
      }
      setChecked(list);
      timer = setTimeout(check, Math.max(0, Math.min(nextInMs ?? MAX_SLEEP_MS, MAX_SLEEP_MS)));
    };
    timer = setTimeout(check, 0);
    return () => clearTimeout(timer);
  }, [events.data]);

  const dismiss = useCallback((key: string) => setShown((current) => current.filter((s) => s.key !== key)), []);
  return { shown, dismiss, ready: checked !== null && checked === events.data };
}
