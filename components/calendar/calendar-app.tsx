"use client";
import type { CalendarApi } from "@fullcalendar/react";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { Calendar, Event, EventInput } from "@/lib/api/sweetdate/schemas.ts";
import type { Scope } from "@/lib/client/optimistic-events.ts";
import { describeError } from "@/lib/client/request.ts";
import { useCalendars } from "@/lib/client/use-calendars.ts";
import { useEventsInRange } from "@/lib/client/use-events-in-range.ts";
import { useHiddenCalendars } from "@/lib/client/use-hidden-calendars.ts";
import { useLiveUpdates } from "@/lib/client/use-live-updates.ts";
import { useMe } from "@/lib/client/use-me.ts";
import { useTheme } from "@/lib/client/use-theme.ts";
import { undoUpdate } from "@/lib/client/undo.ts";
import { seriesBefore, useUndo } from "@/lib/client/use-undo.ts";
import { useUpdateEvent } from "@/lib/client/use-update-event.ts";
import { addDays, nextHalfHourIn, todayIn, toWallClock, utcDate } from "@/lib/client/zoned-time.ts";
import { AppHeader } from "@/components/ui/app-header.tsx";
import { CalendarSkeleton } from "@/components/ui/skeleton.tsx";
import { useToast } from "@/components/ui/toast.tsx";
import { useMediaQuery } from "@/components/ui/use-media-query.ts";
import { CalendarDialog } from "./calendar-dialog.tsx";
import { CalendarSidebar, EVERYONE_KEY } from "./calendar-sidebar.tsx";
import { ImportDialog } from "./import-dialog.tsx";
import { MiniMonth } from "./mini-month.tsx";
import { CalendarView, POPOVER_CLASS, type EventChange, type VisibleRange } from "./calendar-view.tsx";
import { EventDialog, type EditorTarget } from "./event-dialog.tsx";
import { ReminderAlerts } from "./reminder-alerts.tsx";
import { useReminders } from "@/lib/client/use-reminders.ts";
import { draftAt, draftFromSelection, type Draft } from "./event-form.ts";
import { QuickCreate } from "./quick-create.tsx";
import { ScopeDialog } from "./scope-dialog.tsx";
import { SearchBox } from "./search-box.tsx";
import { ShortcutsDialog } from "./shortcuts-dialog.tsx";
import { VIEWS } from "./to-fullcalendar.ts";
import { useCalendarUrl } from "./use-calendar-url.ts";
import { useKeyboardShortcuts } from "./use-keyboard-shortcuts.ts";
import { usePopoverOnScreen } from "./use-popover-on-screen.ts";
import "./calendar.css";

/** A drag or resize as a partial update: new times only. */
function changeInput(change: EventChange): EventInput {
  const iso = (s: string) => new Date(s).toISOString().slice(0, 19) + "Z";
  if (change.allDay) {
    const start = change.start.slice(0, 10);
    return { all_day: true, starts_at: start, ends_at: change.end ? change.end.slice(0, 10) : addDays(start, 1) };
  }
  const start = iso(change.start);
  return { all_day: false, starts_at: start, ends_at: change.end ? iso(change.end) : iso(new Date(Date.parse(start) + 3_600_000).toISOString()) };
}

/** The calendar page: sidebar, FullCalendar, the event dialog and everything that opens it. */
export function CalendarApp() {
  useLiveUpdates();
  const me = useMe();
  const calendars = useCalendars();
  const { hidden, toggle } = useHiddenCalendars();
  const { resolved: colorScheme } = useTheme();
  const isPhone = useMediaQuery("(max-width: 640px)");
  const zone = me.data?.time_zone ?? "UTC";
  const url = useCalendarUrl(isPhone ? "list" : "month", todayIn(zone));
  const [range, setRange] = useState<VisibleRange | null>(null);
  const events = useEventsInRange(range ? { from: range.from, to: range.to } : null);
  const [editor, setEditor] = useState<EditorTarget | null>(null);
  const [quick, setQuick] = useState<{ draft: Draft; anchor: { x: number; y: number } | null } | null>(null);
  const [calendarDialog, setCalendarDialog] = useState<{ calendar: Calendar | null } | null>(null);
  const [importing, setImporting] = useState<{ file: File | null } | null>(null);
  const [pendingChange, setPendingChange] = useState<EventChange | null>(null);
  const [help, setHelp] = useState(false);
  const [drawer, setDrawer] = useState(false);
  const apiRef = useRef<CalendarApi | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const update = useUpdateEvent();
  const undo = useUndo();
  const toast = useToast();

  const calendarList = useMemo(() => calendars.data ?? [], [calendars.data]);
  const byId = useMemo(() => new Map(calendarList.map((c) => [c.id, c])), [calendarList]);
  const hideEveryone = hidden.has(EVERYONE_KEY);
  // Events from calendars the user is not in reach them only through stakeholder "everyone".
  const visible = useMemo(
    () => (events.data ?? []).filter((e) => !hidden.has(e.calendar_id) && !(hideEveryone && calendars.data && !byId.has(e.calendar_id))),
    [events.data, hidden, hideEveryone, calendars.data, byId],
  );
  const defaultCalendar = calendarList.find((c) => c.role !== "guest" && !hidden.has(c.id)) ?? calendarList.find((c) => c.role !== "guest");

  const needCalendar = useCallback(() => {
    toast("Create a calendar first, then add events to it.", "info");
    setCalendarDialog({ calendar: null });
  }, [toast]);

  const newEvent = useCallback(() => {
    if (!calendars.data) return;
    if (!defaultCalendar) return needCalendar();
    const now = nextHalfHourIn(zone);
    const inView = range && now.date >= range.currentStart && now.date < range.currentEnd;
    const draft = inView || !range ? draftAt(now.date, now.time, defaultCalendar.id, zone) : draftAt(range.date, "09:00", defaultCalendar.id, zone);
    setEditor({ kind: "create", draft });
  }, [calendars.data, defaultCalendar, needCalendar, range, zone]);

  const applyChange = useCallback(
    async (change: EventChange, scope: Scope | undefined) => {
      const input = changeInput(change);
      const series = await seriesBefore(change.event, scope).catch(() => null);
      update.mutate(
        { event: change.event, input, scope },
        {
          onSuccess: (after) =>
            toast(`Moved “${change.event.title}”`, "success", {
              label: "Undo",
              run: () => void undo(change.event.calendar_id, undoUpdate(change.event, after, input, scope, undefined, series)).catch((error) => toast(`Could not undo: ${describeError(error)}`, "error")),
            }),
          onError: (error) => {
            try {
              change.revert();
            } catch {
              // The cache rollback already put the event back.
            }
            toast(`Could not move “${change.event.title}”: ${describeError(error)}`, "error");
          },
        },
      );
    },
    [update, toast, undo],
  );

  const onEventChange = useCallback(
    (change: EventChange) => {
      if (!change.event.editable) return change.revert();
      if (change.event.recurring_event_id) setPendingChange(change);
      else void applyChange(change, undefined);
    },
    [applyChange],
  );

  const onRangeChange = useCallback(
    (next: VisibleRange) => {
      setRange(next);
      const inRange = url.date >= next.currentStart && url.date < next.currentEnd;
      if (next.view !== url.view || !inRange || !url.complete) url.navigate({ view: next.view, date: inRange ? url.date : next.date }, !url.complete, true);
    },
    [url],
  );

  const jumpTo = useCallback(
    (event: Event) => {
      const date = event.all_day ? utcDate(event.starts_at) : toWallClock(event.starts_at, zone).date;
      url.navigate({ view: url.view, date });
      setEditor({ kind: "edit", event });
    },
    [url, zone],
  );

  const reminders = useReminders(Boolean(me.data), jumpTo);

  usePopoverOnScreen(POPOVER_CLASS);

  // The phone drawer: focus moves in when it opens, Esc (wherever focus is) closes it.
  const drawerRef = useRef<HTMLElement>(null);
  useEffect(() => {
    if (!drawer) return;
    const opener = document.activeElement as HTMLElement | null;
    drawerRef.current?.querySelector<HTMLElement>(".sidebar-close")?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== "Escape" || document.querySelector("dialog[open]")) return;
      e.preventDefault();
      setDrawer(false);
    };
    document.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("keydown", onKey);
      if (opener && document.contains(opener)) opener.focus();
    };
  }, [drawer]);

  useKeyboardShortcuts({
    today: () => apiRef.current?.today(),
    prev: () => apiRef.current?.prev(),
    next: () => apiRef.current?.next(),
    view: (v) => apiRef.current?.changeView(VIEWS[v]),
    newEvent,
    help: () => setHelp(true),
    search: () => searchRef.current?.focus(),
  });

  const status = events.isError
    ? "Could not load events."
    : events.isFetching && !events.data
      ? "Loading events…"
      : range && visible.length === 0 && !events.isPlaceholderData
        ? "Nothing scheduled here yet — select a day or time, or press n, to add an event."
        : "";

  return (
    <div className="app-shell">
      <AppHeader userName={me.data?.name} onMenu={() => setDrawer(true)}>
        <SearchBox calendars={byId} timeZone={zone} onPick={jumpTo} inputRef={searchRef} />
        <button type="button" className="button button-primary" onClick={newEvent} aria-keyshortcuts="n" aria-label="New event">
          <span aria-hidden="true">+</span>
          <span className="new-label">New event</span>
        </button>
        <button type="button" className="icon-button" aria-label="Keyboard shortcuts" aria-keyshortcuts="?" title="Keyboard shortcuts (?)" onClick={() => setHelp(true)}>
          <span aria-hidden="true">?</span>
        </button>
      </AppHeader>
      <div className="app-body">
        <aside ref={drawerRef} className={`sidebar${drawer ? " sidebar-open" : ""}`} aria-label="Calendars sidebar">
          <button type="button" className="icon-button sidebar-close" aria-label="Hide calendars" onClick={() => setDrawer(false)}>
            ×
          </button>
          <MiniMonth
            date={url.date}
            range={range ? { start: range.currentStart, end: range.currentEnd } : null}
            today={() => todayIn(zone)}
            onPick={(date) => {
              url.navigate({ view: url.view, date });
              setDrawer(false);
            }}
          />
          <CalendarSidebar
            calendars={calendars.data}
            loading={calendars.isPending}
            hidden={hidden}
            onToggle={toggle}
            onCreate={() => setCalendarDialog({ calendar: null })}
            onEdit={(calendar) => setCalendarDialog({ calendar })}
            onImport={() => setImporting({ file: null })}
            timeZone={zone}
            showEveryone={!hideEveryone}
            onToggleEveryone={() => toggle(EVERYONE_KEY)}
          />
        </aside>
        {drawer ? <div className="scrim" aria-hidden="true" onClick={() => setDrawer(false)} /> : null}
        <main id="main" className="calendar-main" data-ready={Boolean(me.data && calendars.data && events.data && !events.isFetching)}>
          <h1 className="sr-only">Calendar</h1>
          {me.isPending ? (
            <CalendarSkeleton />
          ) : me.isError ? (
            <div className="empty-state" role="alert">
              <p>Could not load your account: {describeError(me.error)}</p>
              <button type="button" className="button" onClick={() => void me.refetch()}>
                Try again
              </button>
            </div>
          ) : (
            <>
              <p className="calendar-status" role="status" data-testid="calendar-status">
                {status}
                {events.isError ? (
                  <button type="button" className="button button-small" onClick={() => void events.refetch()}>
                    Retry
                  </button>
                ) : null}
                {events.isFetching && events.data ? <span className="spinner" aria-label="Updating" /> : null}
              </p>
              <div
                className="calendar-frame"
                aria-busy={events.isFetching}
                onDragOver={(e) => {
                  // Dropping an .ics file onto the calendar imports it.
                  if (e.dataTransfer.types.includes("Files")) e.preventDefault();
                }}
                onDrop={(e) => {
                  const file = e.dataTransfer.files[0];
                  if (!file) return;
                  e.preventDefault();
                  setImporting({ file });
                }}
              >
                <CalendarView
                  events={visible}
                  calendars={byId}
                  timeZone={zone}
                  view={url.view}
                  date={url.date}
                  isOwnMove={url.isOwnMove}
                  colorScheme={colorScheme}
                  compact={isPhone}
                  onRangeChange={onRangeChange}
                  onSelect={(selection, pointer) => {
                    if (!calendars.data) return;
                    if (defaultCalendar) setQuick({ draft: draftFromSelection(selection, defaultCalendar.id, zone), anchor: pointer });
                    else needCalendar();
                  }}
                  onEventOpen={(event) => setEditor({ kind: "edit", event })}
                  onEventChange={onEventChange}
                  apiRef={apiRef}
                />
                {calendars.data && calendars.data.length === 0 ? (
                  <div className="calendar-empty">
                    <h2>Welcome to SweetDate</h2>
                    <p>Create a calendar to start adding events. You can share it with your team later.</p>
                    <button type="button" className="button button-primary" onClick={() => setCalendarDialog({ calendar: null })}>
                      Create a calendar
                    </button>
                  </div>
                ) : null}
              </div>
            </>
          )}
        </main>
      </div>

      {editor && me.data ? <EventDialog key={editor.kind === "edit" ? editor.event.id : "new"} target={editor} calendars={calendarList} me={me.data} onClose={() => setEditor(null)} /> : null}
      {quick ? (
        <QuickCreate
          draft={quick.draft}
          anchor={quick.anchor}
          calendars={calendarList.filter((c) => c.role !== "guest")}
          onClose={() => setQuick(null)}
          onMore={(draft) => {
            setQuick(null);
            setEditor({ kind: "create", draft });
          }}
        />
      ) : null}
      {importing && calendars.data ? <ImportDialog calendars={calendars.data} initialFile={importing.file} onClose={() => setImporting(null)} /> : null}
      {calendarDialog ? <CalendarDialog calendar={calendarDialog.calendar} defaultTimeZone={zone} meId={me.data?.id} onClose={() => setCalendarDialog(null)} /> : null}
      <ScopeDialog
        open={pendingChange !== null}
        action="change"
        onChoose={(scope) => {
          if (pendingChange) void applyChange(pendingChange, scope);
          setPendingChange(null);
        }}
        onCancel={() => {
          pendingChange?.revert();
          setPendingChange(null);
        }}
      />
      <ShortcutsDialog open={help} onClose={() => setHelp(false)} />
      <ReminderAlerts shown={reminders.shown} ready={reminders.ready} onOpen={jumpTo} onDismiss={reminders.dismiss} />
    </div>
  );
}
