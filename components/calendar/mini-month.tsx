"use client";
import { useEffect, useId, useRef, useState, useSyncExternalStore, type KeyboardEvent } from "react";
import { addDays, addMonths, dayOfWeek, formatDateLong, formatMonth } from "@/lib/client/zoned-time.ts";

export interface MiniMonthProps {
  /** The date the main view is on (the URL's). */
  date: string;
  /** The main view's period, end exclusive (highlighted); null before it is known. */
  range: { start: string; end: string } | null;
  /** Today in the display zone (computed in the browser: the server's clock is not the user's). */
  today: () => string;
  onPick: (date: string) => void;
}

/** The six weeks (Sunday first, as the main calendar) that show `month` (any date in it). */
function weeksOf(month: string): string[][] {
  const first = `${month.slice(0, 7)}-01`;
  const start = addDays(first, -(dayOfWeek(first) % 7));
  return Array.from({ length: 6 }, (_, w) => Array.from({ length: 7 }, (_, d) => addDays(start, w * 7 + d)));
}

const WEEKDAYS = [
  ["Su", "Sunday"],
  ["Mo", "Monday"],
  ["Tu", "Tuesday"],
  ["We", "Wednesday"],
  ["Th", "Thursday"],
  ["Fr", "Friday"],
  ["Sa", "Saturday"],
] as const;

/**
 * The sidebar's month navigator: a date grid (the APG date-picker grid: one tab stop, arrows move by
 * day and week, PageUp/PageDown by month, Home/End to the week's ends, Enter picks). Picking a day
 * takes the main view there; today, the picked day and the visible period are marked.
 */
const noSubscription = () => () => {};

export function MiniMonth({ date, range, today: todayOf, onPick }: MiniMonthProps) {
  const headingId = useId();
  // Today is marked once hydrated: server-rendered markup must not depend on the server's clock.
  const hydrated = useSyncExternalStore(noSubscription, () => true, () => false);
  const today = hydrated ? todayOf() : null;
  // The day with the tab stop; the month shown is the one it is in.
  const [focus, setFocus] = useState(date);
  const [followed, setFollowed] = useState(date);
  if (followed !== date) {
    setFollowed(date);
    setFocus(date);
  }
  const gridRef = useRef<HTMLTableElement>(null);
  const moved = useRef(false);
  useEffect(() => {
    if (!moved.current) return;
    moved.current = false;
    gridRef.current?.querySelector<HTMLElement>(`[data-date="${focus}"]`)?.focus();
  }, [focus]);

  const weeks = weeksOf(focus);
  const month = focus.slice(0, 7);
  const move = (next: string) => {
    moved.current = true;
    setFocus(next);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    const start = addDays(focus, -(dayOfWeek(focus) % 7));
    const next: Record<string, string> = {
      ArrowLeft: addDays(focus, -1),
      ArrowRight: addDays(focus, 1),
      ArrowUp: addDays(focus, -7),
      ArrowDown: addDays(focus, 7),
      PageUp: addMonths(focus, -1),
      PageDown: addMonths(focus, 1),
      Home: start,
      End: addDays(start, 6),
    };
    const target = next[e.key];
    if (!target) return;
    e.preventDefault();
    move(target);
  };

  return (
    <section className="mini-month" aria-labelledby={headingId}>
      <div className="mini-month-header">
        <button type="button" className="icon-button icon-button-small" aria-label="Show previous month" onClick={() => setFocus(addMonths(focus, -1))}>
          <span aria-hidden="true">‹</span>
        </button>
        {/* Not a heading: the main view's title already is "November 2026". */}
        <div id={headingId} className="mini-month-title" aria-live="polite">
          {formatMonth(focus)}
        </div>
        <button type="button" className="icon-button icon-button-small" aria-label="Show next month" onClick={() => setFocus(addMonths(focus, 1))}>
          <span aria-hidden="true">›</span>
        </button>
      </div>
      <table ref={gridRef} role="grid" className="mini-month-grid" aria-labelledby={headingId} onKeyDown={onKeyDown}>
        <thead>
          <tr>
            {WEEKDAYS.map(([short, long]) => (
              <th key={long} scope="col" abbr={long}>
                {short}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks.map((week) => (
            <tr key={week[0]}>
              {week.map((day) => {
                const inRange = range !== null && day >= range.start && day < range.end;
                const classes = ["mini-day"];
                if (day.slice(0, 7) !== month) classes.push("mini-day-other");
                if (inRange) classes.push("mini-day-in-view");
                if (day === today) classes.push("mini-day-today");
                if (day === date) classes.push("mini-day-picked");
                return (
                  <td key={day} role="gridcell" aria-selected={day === date}>
                    <button
                      type="button"
                      className={classes.join(" ")}
                      data-date={day}
                      tabIndex={day === focus ? 0 : -1}
                      aria-label={`${formatDateLong(day)}${day === today ? ", today" : ""}${inRange ? ", shown" : ""}`}
                      aria-current={day === today ? "date" : undefined}
                      onClick={() => {
                        setFocus(day);
                        onPick(day);
                      }}
                    >
                      {Number(day.slice(8))}
                    </button>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
