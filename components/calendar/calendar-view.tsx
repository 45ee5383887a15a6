"use client";
import FullCalendar, {
  type CalendarApi,
  type CalendarRef,
  type DateSelectInfo,
  type DatesSetInfo,
  type EventClickInfo,
  type EventDropInfo,
  type EventInput,
  type EventResizeDoneInfo,
} from "@fullcalendar/react";
import dayGridPlugin from "@fullcalendar/react/daygrid";
import interactionPlugin from "@fullcalendar/react/interaction";
import listPlugin from "@fullcalendar/react/list";
import timeGridPlugin from "@fullcalendar/react/timegrid";
import classicTheme from "@fullcalendar/react/themes/classic";
import "@fullcalendar/react/skeleton.css";
import "@fullcalendar/react/themes/classic/theme.css";
import "@fullcalendar/react/themes/classic/palette.css";
import { useCallback, useEffect, useMemo, useRef, useState, type RefObject } from "react";
import type { Calendar, Event } from "@/lib/api/sweetdate/schemas.ts";
import { toWallClock } from "@/lib/client/zoned-time.ts";
import { toFullCalendarEvent, VIEWS, viewNameOf, type ViewName } from "./to-fullcalendar.ts";

export interface VisibleRange {
  /** ISO instants of the first and last (exclusive) visible moment: the events query window. */
  from: string;
  to: string;
  view: ViewName;
  /** The view's period as dates in the display zone, end exclusive. */
  currentStart: string;
  currentEnd: string;
  /** FullCalendar's current date (the day navigation keeps in focus). */
  date: string;
  title: string;
}

export interface EventChange {
  event: Event;
  /** ISO with offset (timed) or `YYYY-MM-DD` (all-day); end may be empty. */
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
  compact: boolean;
  onRangeChange: (range: VisibleRange) => void;
  /** `pointer`: where the pointer let go (viewport coordinates), null for a keyboard selection. */
  onSelect: (selection: { start: string; end: string; allDay: boolean }, pointer: { x: number; y: number } | null) => void;
  onEventOpen: (event: Event) => void;
  onEventChange: (change: EventChange) => void;
  apiRef?: RefObject<CalendarApi | null>;
  /** Tells an echo of the calendar's own move (which it must not replay) from a real URL change. */
  isOwnMove?: (view: ViewName, date: string) => boolean;
}

export const POPOVER_CLASS = "sd-popover";
const PLUGINS = [dayGridPlugin, timeGridPlugin, listPlugin, interactionPlugin, classicTheme];
const VIEW_BUTTONS = "dayGridMonth,timeGridWeek,timeGridDay,listWeek";
const BUTTONS = { dayGridMonth: { text: "Month" }, timeGridWeek: { text: "Week" }, timeGridDay: { text: "Day" }, listWeek: { text: "List" } };
// Options are compared by identity: a fresh object on every render would redraw every event.
const TOOLBAR = { start: "today prev,next title", end: VIEW_BUTTONS };
const COMPACT_TOOLBAR = { start: "title", end: "today prev,next" };
const COMPACT_FOOTER = { center: VIEW_BUTTONS };

/** Converted inputs per wire event (and its calendar): a month of 1,000 events is not converted again on every change. */
const converted = new WeakMap<Event, { calendar: Calendar | undefined; input: EventInput }>();
function inputOf(event: Event, calendar: Calendar | undefined): EventInput {
  const hit = converted.get(event);
  if (hit && hit.calendar === calendar) return hit.input;
  const input = toFullCalendarEvent(event, calendar);
  converted.set(event, { calendar, input });
  return input;
}

function sdEvent(info: { event: { extendedProps: Record<string, unknown> } }): Event {
  return info.event.extendedProps.sd as Event;
}

function change(info: EventDropInfo | EventResizeDoneInfo): EventChange {
  return { event: sdEvent(info), start: info.event.startStr, end: info.event.endStr, allDay: info.event.allDay, revert: info.revert };
}

/** FullCalendar 7 driven by props: the URL's view/date in, user intents out. */
export function CalendarView(props: CalendarViewProps) {
  const { events, calendars, timeZone, view, date, colorScheme, compact, apiRef } = props;
  const ref = useRef<CalendarRef>(null);
  const handlers = useRef(props);
  const shown = useRef<{ view: ViewName; start: string; end: string } | null>(null);
  useEffect(() => {
    handlers.current = props;
  });

  // The same array while the events are the same ones: FullCalendar re-parses every event of a new array.
  const fresh = useMemo(() => events.map((e) => inputOf(e, calendars.get(e.calendar_id))), [events, calendars]);
  const [inputs, setInputs] = useState(fresh);
  if (fresh !== inputs && (fresh.length !== inputs.length || fresh.some((input, i) => input !== inputs[i]))) setInputs(fresh);

  // Stable callbacks (they read the latest props through the ref): FullCalendar re-renders on new options.
  const datesSet = useCallback((info: DatesSetInfo) => {
    const zone = handlers.current.timeZone;
    const type = viewNameOf(info.view.type);
    const current = info.view.calendar.getDate();
    const range: VisibleRange = {
      from: info.start.toISOString(),
      to: info.end.toISOString(),
      view: type,
      currentStart: toWallClock(info.view.currentStart.toISOString(), zone).date,
      currentEnd: toWallClock(info.view.currentEnd.toISOString(), zone).date,
      date: toWallClock(current.toISOString(), zone).date,
      title: info.view.title,
    };
    shown.current = { view: type, start: range.currentStart, end: range.currentEnd };
    handlers.current.onRangeChange(range);
  }, []);
  const select = useCallback((info: DateSelectInfo) => {
    const pointer = info.jsEvent && "clientX" in info.jsEvent ? { x: info.jsEvent.clientX, y: info.jsEvent.clientY } : null;
    handlers.current.onSelect({ start: info.startStr, end: info.endStr, allDay: info.allDay }, pointer);
    info.view.calendar.unselect();
  }, []);
  const eventClick = useCallback((info: EventClickInfo) => {
    info.jsEvent.preventDefault();
    handlers.current.onEventOpen(sdEvent(info));
  }, []);
  const eventChange = useCallback((info: EventDropInfo | EventResizeDoneInfo) => handlers.current.onEventChange(change(info)), []);

  // The URL moved (back button, search jump): bring the calendar there unless it already shows it.
  useEffect(() => {
    const api = ref.current?.getApi();
    if (!api) return;
    if (apiRef) apiRef.current = api;
    if (handlers.current.isOwnMove?.(view, date)) return;
    const current = shown.current;
    if (api.view.type !== VIEWS[view]) api.changeView(VIEWS[view], date);
    else if (!current || date < current.start || date >= current.end) api.gotoDate(date);
  }, [view, date, apiRef]);

  return (
    <FullCalendar
      ref={ref}
      plugins={PLUGINS}
      initialView={VIEWS[view]}
      initialDate={date}
      timeZone={timeZone}
      colorScheme={colorScheme}
      headerToolbar={compact ? COMPACT_TOOLBAR : TOOLBAR}
      footerToolbar={compact ? COMPACT_FOOTER : false}
      buttons={BUTTONS}
      headingLevel={2}
      height="100%"
      events={inputs}
      editable
      selectable
      selectMirror
      dayMaxEvents
      popoverClass={POPOVER_CLASS}
      nowIndicator
      navLinks
      scrollTime="08:00:00"
      noEventsText="Nothing scheduled in this period."
      eventDragMinDistance={5}
      longPressDelay={350}
      datesSet={datesSet}
      select={select}
      eventClick={eventClick}
      eventDrop={eventChange}
      eventResize={eventChange}
    />
  );
}
