// Wire events → FullCalendar event inputs, and the view names the URL uses ↔ FullCalendar's.
import type { EventInput } from "@fullcalendar/react";
import type { Calendar, Event } from "@/lib/api/sweetdate/schemas.ts";
import { utcDate } from "@/lib/client/zoned-time.ts";

export const VIEWS = {
  month: "dayGridMonth",
  week: "timeGridWeek",
  day: "timeGridDay",
  list: "listWeek",
} as const;
export type ViewName = keyof typeof VIEWS;

export function isViewName(value: string | null | undefined): value is ViewName {
  return value != null && value in VIEWS;
}

export function viewNameOf(fullCalendarType: string): ViewName {
  return (Object.keys(VIEWS) as ViewName[]).find((k) => VIEWS[k] === fullCalendarType) ?? "month";
}

/** A busy block the caller may not open: the server already replaced its title with "Busy". */
export function isBusyBlock(event: Event): boolean {
  return event.visibility === "busy" && !event.editable;
}

/** Black or white, whichever reads better on `hex` (WCAG relative luminance). */
export function textColorOn(hex: string): string {
  const m = /^#?([0-9a-f]{6})$/i.exec(hex);
  if (!m) return "#ffffff";
  const channel = (i: number) => {
    const c = parseInt(m[1]!.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4);
  return (luminance + 0.05) / 0.05 > 1.05 / (luminance + 0.05) ? "#111827" : "#ffffff";
}

export function toFullCalendarEvent(event: Event, calendar: Calendar | undefined): EventInput {
  const busy = isBusyBlock(event);
  const classes = ["sd-event"];
  if (busy) classes.push("sd-event-busy");
  if (!event.editable) classes.push("sd-event-readonly");
  if (event.status === "cancelled") classes.push("sd-event-cancelled");
  if (event.status === "tentative") classes.push("sd-event-tentative");
  if (event.rsvp === "needs_action") classes.push("sd-event-needs-response");
  if (event.rsvp === "declined") classes.push("sd-event-declined");
  return {
    id: event.id,
    title: busy ? "Busy" : event.title,
    // All-day events are dates (the API's UTC midnights): they must not shift with the zone.
    start: event.all_day ? utcDate(event.starts_at) : event.starts_at,
    end: event.all_day ? utcDate(event.ends_at) : event.ends_at,
    allDay: event.all_day,
    editable: event.editable,
    color: calendar?.color ?? "#64748b",
    contrastColor: textColorOn(calendar?.color ?? "#64748b"),
    className: classes.join(" "),
    extendedProps: { sd: event },
  };
}
