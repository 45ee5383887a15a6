"use client";
import { useRouter, useSearchParams } from "next/navigation";
import { useCallback, useRef } from "react";
import { isViewName, type ViewName } from "./to-fullcalendar.ts";

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The calendar's view and date live in the URL (`/calendar?view=week&date=2026-11-21`): shareable, back works. */
export function useCalendarUrl(defaultView: ViewName, today: string) {
  const params = useSearchParams();
  const router = useRouter();
  const rawView = params.get("view");
  const rawDate = params.get("date");
  const view = isViewName(rawView) ? rawView : defaultView;
  const date = rawDate && ISO_DATE.test(rawDate) && !Number.isNaN(Date.parse(rawDate)) ? rawDate : today;
  const complete = isViewName(rawView) && rawDate === date;
  // URLs the calendar itself moved to and that the router has not echoed back yet: when the echo
  // arrives the calendar may already be further on (fast key presses), so it must not be sent back.
  const ownMoves = useRef<string[]>([]);
  const navigate = useCallback(
    (next: { view: ViewName; date: string }, replace = false, fromCalendar = false) => {
      if (fromCalendar) ownMoves.current.push(`${next.view}|${next.date}`);
      const url = `/calendar?view=${next.view}&date=${next.date}`;
      if (replace) router.replace(url, { scroll: false });
      else router.push(url, { scroll: false });
    },
    [router],
  );
  /** True (once) when view/date is the echo of a move the calendar made itself. */
  const isOwnMove = useCallback((v: ViewName, d: string) => {
    const index = ownMoves.current.indexOf(`${v}|${d}`);
    if (index < 0) return false;
    ownMoves.current.splice(0, index + 1);
    return true;
  }, []);
  return { view, date, complete, navigate, isOwnMove };
}
