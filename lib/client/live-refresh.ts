// What a change frame means for the query cache: the visible ranges (they span calendars), searches,
// the changed calendar's event details/participants/members and the calendar list are refetched in
// place (previous data stays on screen, so nothing flickers). Frames arriving close together are
// handled once; while this tab's own optimistic writes are in flight, the refresh waits for them.
import type { QueryClient, QueryKey } from "@tanstack/react-query";
import { calendarKeys, eventKeys } from "./query-keys.ts";

export interface LiveChange {
  calendar_id?: string;
  /** Changes may have been missed (a new stream): refresh everything. */
  all?: boolean;
}

export interface Refresher {
  changed(change: LiveChange): void;
  dispose(): void;
}

export function createRefresher(client: QueryClient, delayMs = 40): Refresher {
  const calendars = new Set<string>();
  let all = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const inCalendar = (id: string) => (key: QueryKey) => key[0] === "events" && (key[1] === "detail" || key[1] === "participants") && key[2] === id;
  const flush = () => {
    timer = undefined;
    if (client.isMutating() > 0) {
      timer = setTimeout(flush, 150);
      return;
    }
    if (all) {
      void client.invalidateQueries({ queryKey: eventKeys.all });
      void client.invalidateQueries({ queryKey: calendarKeys.all });
    } else {
      void client.invalidateQueries({ queryKey: eventKeys.ranges() });
      void client.invalidateQueries({ queryKey: eventKeys.searches() });
      void client.invalidateQueries({ queryKey: eventKeys.reminders() });
      void client.invalidateQueries({ queryKey: calendarKeys.list() });
      for (const id of calendars) {
        void client.invalidateQueries({ predicate: (query) => inCalendar(id)(query.queryKey) });
        void client.invalidateQueries({ queryKey: calendarKeys.members(id) });
      }
    }
    all = false;
    calendars.clear();
  };
  return {
    changed(change) {
      if (change.all) all = true;
      else if (change.calendar_id) calendars.add(change.calendar_id);
      timer ??= setTimeout(flush, delayMs);
    },
    dispose() {
      clearTimeout(timer);
    },
  };
}
