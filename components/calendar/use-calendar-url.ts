"use client";
import { useRouter, useSearchParams } from "next/navigation";
import { useCallback } from "react";
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
  const navigate = useCallback(
    (next: { view: ViewName; date: string }, replace = false) => {
      const url = `/calendar?view=${next.view}&date=${next.date}`;
      if (replace) router.replace(url, { scroll: false });
      else router.push(url, { scroll: false });
    },
    [router],
  );
  return { view, date, complete, navigate };
}
