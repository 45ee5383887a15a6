"use client";
import { useCallback, useMemo, useSyncExternalStore } from "react";
import { readSetting, subscribeSettings, writeSetting } from "./local-setting.ts";

const KEY = "sweetdate:hidden-calendars";

/** Which calendars the user has switched off: client state, persisted in localStorage. */
export function useHiddenCalendars() {
  const raw = useSyncExternalStore(subscribeSettings, () => readSetting(KEY), () => null);
  const hidden = useMemo(() => {
    try {
      const list: unknown = raw ? JSON.parse(raw) : [];
      return new Set(Array.isArray(list) ? list.filter((x): x is string => typeof x === "string") : []);
    } catch {
      return new Set<string>();
    }
  }, [raw]);
  const toggle = useCallback(
    (calendarId: string) => {
      const next = new Set(hidden);
      if (next.has(calendarId)) next.delete(calendarId);
      else next.add(calendarId);
      writeSetting(KEY, JSON.stringify([...next]));
    },
    [hidden],
  );
  return { hidden, toggle };
}
