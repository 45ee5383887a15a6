"use client";
import FullCalendar, { type CalendarApi, type CalendarRef, type DateSelectInfo, type DatesSetInfo, type EventClickInfo, type EventDropInfo, type EventResizeDoneInfo } from "@fullcalendar/react";
import dayGridPlugin from "@fullcalendar/react/daygrid";
import interactionPlugin from "@fullcalendar/react/interaction";
import listPlugin from "@fullcalendar/react/list";
import timeGridPlugin from "@fullcalendar/react/timegrid";
import classicTheme from "@fullcalendar/react/themes/classic";
import "@fullcalendar/react/skeleton.css";
import "@fullcalendar/react/themes/classic/theme.css";
import "@fullcalendar/react/themes/classic/palette.css";
import { useEffect, useMemo, useRef } from "react";
import type { Calendar, Event } from "@/lib/api/sweetdate/schemas.ts";
import { toFullCalendarEvent, VIEWS, viewNameOf, type ViewName } from "./to-fullcalendar.ts";

export interface VisibleRange {
  /** ISO instants of the view's first and last (exclusive) visible moment. */
  from: string;
  to: string;
  view: ViewName;
  /** The view's current date `YYYY-MM-DD` (first day of its period). */
  currentStart: string;
  currentEnd: string;
  title: string;
}

export interface EventChange {
  event: Event;
  /** ISO instants (timed) or dates (all-day). */
  start: string;
  end: string;
  allDay: boolean;
  revert: () => void;
}

export interface CalendarViewProps {
  events: Event[];
  calendars: Map<string, Calendar>;
  timeZone: string;
  view: ViewName;
  date: string;
  colorScheme: "light" | "dark";
  onRangeChange: (range: VisibleRange) => void;
  onSelect: (selection: { start: string; end: string; allDay: boolean }) => void;
  onEventOpen: (event: Event) => void;
  onEventChange: (change: EventChange) => void;
  apiRef?: React.RefObject<CalendarApi | null>;
}

const PLUGINS = [dayGridPlugin, timeGridPlugin, listPlugin, interactionPlugin, classicTheme];

function sdEvent(info: { event: { extendedProps: Record<string, unknown> } }): Event {
  return info.event.extendedProps.sd as Event;
}

/** FullCalendar 7 driven by props: the URL's view/date in, user intents out. */
export function CalendarView(props: CalendarViewProps) {
  const { events, calendars, timeZone, view, date, colorScheme, apiRef } = props;
  const ref = useRef<CalendarRef>(null);
  const handlers = useRef(props);
  useEffect(() => {
    handlers.current = props;
  });

  const inputs = useMemo(() => events.map((e) => toFullCalendarEvent(e, calendars.get(e.calendar_id))), [events, calendars]);

  // The URL moved (back button, shortcut, search jump): bring the calendar there.
  useEffect(() => {
    const api = ref.current?.getApi();
    if (!api) return;
    if (apiRef) apiRef.current = api;
    if (api.view.type !== VIEWS[view]) api.changeView(VIEWS[view], date);
    else api.gotoDate(date);
  }, [view, date, apiRef]);

  return (
    <FullCalendar
      ref={ref}
      plugins={PLUGINS}
      initialView={VIEWS[view]}
      initialDate={date}
      timeZone={timeZone}
      colorScheme={colorScheme}
      headerToolbar={{ start: "today prev,next title", end: "dayGridMonth,timeGridWeek,timeGridDay,listWeek" }}
      buttons={{ dayGridMonth: { text: "Month" }, timeGridWeek: { text: "Week" }, timeGridDay: { text: "Day" }, listWeek: { text: "List" } }}
      height="100%"
      events={inputs}
      editable
      selectable
      selectMirror
      dayMaxEvents
      nowIndicator
      navLinks
      eventDragMinDistance={5}
      datesSet={(info: DatesSetInfo) => {
        const v = info.view;
        handlers.current.onRangeChange({
          from: info.start.toISOString(),
          to: info.end.toISOString(),
          view: viewNameOf(v.type),
          currentStart: info.startStr,
          currentEnd: info.endStr,
          title: v.title,
        });
      }}
      select={(info: DateSelectInfo) => {
        handlers.current.onSelect({ start: info.startStr, end: info.endStr, allDay: info.allDay });
        info.view.calendar.unselect();
      }}
      eventClick={(info: EventClickInfo) => {
        info.jsEvent.preventDefault();
        handlers.current.onEventOpen(sdEvent(info));
      }}
      eventDrop={(info: EventDropInfo) =>
        handlers.current.onEventChange({ event: sdEvent(info), start: info.event.startStr, end: info.event.endStr, allDay: info.event.allDay, revert: info.revert })
      }
      eventResize={(info: EventResizeDoneInfo) =>
        handlers.current.onEventChange({ event: sdEvent(info), start: info.event.startStr, end: info.event.endStr, allDay: info.event.allDay, revert: info.revert })
      }
    />
  );
}
