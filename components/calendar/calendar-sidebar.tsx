"use client";
import Link from "next/link";
import type { Calendar } from "@/lib/api/sweetdate/schemas.ts";
import { Skeleton } from "@/components/ui/skeleton.tsx";

export interface CalendarSidebarProps {
  calendars: Calendar[] | undefined;
  loading: boolean;
  hidden: Set<string>;
  onToggle: (id: string) => void;
  onCreate: () => void;
  onEdit: (calendar: Calendar) => void;
  /** Opens the .ics import. */
  onImport?: () => void;
  timeZone: string;
  /** Whether events shared with everyone from calendars the user is not a member of are shown. */
  showEveryone: boolean;
  onToggleEveryone: () => void;
}

/** The hidden-calendars key for "events shared with everyone from calendars I am not in". */
export const EVERYONE_KEY = "everyone";

/** The user's calendars: colour, show/hide (kept in this browser), create and edit. */
export function CalendarSidebar({ calendars, loading, hidden, onToggle, onCreate, onEdit, onImport, timeZone, showEveryone, onToggleEveryone }: CalendarSidebarProps) {
  return (
    <nav className="sidebar-section" aria-labelledby="calendars-heading">
      <div className="sidebar-heading">
        <h2 id="calendars-heading">Calendars</h2>
        <button type="button" className="button button-small" onClick={onCreate} aria-label="New calendar" title="New calendar">
          <span aria-hidden="true">+ New</span>
        </button>
      </div>
      {loading ? (
        <ul className="calendar-list" aria-busy="true" aria-label="Loading calendars">
          {[0, 1, 2].map((i) => (
            <li key={i} className="calendar-item">
              <Skeleton width="100%" height="1.5rem" />
            </li>
          ))}
        </ul>
      ) : calendars?.length ? (
        <ul className="calendar-list">
          {calendars.map((c) => (
            <li key={c.id} className="calendar-item">
              <label className="calendar-toggle">
                <input type="checkbox" checked={!hidden.has(c.id)} onChange={() => onToggle(c.id)} style={{ accentColor: c.color }} />
                <span className="swatch" style={{ background: c.color }} aria-hidden="true" />
                <span className="calendar-name">{c.name}</span>
              </label>
              <button type="button" className="icon-button icon-button-small" aria-label={`Edit calendar ${c.name}`} title="Edit calendar" onClick={() => onEdit(c)}>
                <span aria-hidden="true">✎</span>
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <div className="empty-state empty-state-small">
          <p>You have no calendars yet.</p>
          <button type="button" className="button button-primary button-small" onClick={onCreate}>
            Create your first calendar
          </button>
        </div>
      )}
      {onImport && calendars?.length ? (
        <button type="button" className="button button-small sidebar-import" onClick={onImport}>
          Import .ics
        </button>
      ) : null}
      <div className="sidebar-others">
        <h3 className="sidebar-subheading">Other calendars</h3>
        <label className="calendar-toggle">
          <input type="checkbox" checked={showEveryone} onChange={onToggleEveryone} />
          <span className="calendar-name">Events shared with everyone</span>
        </label>
        <p className="field-hint">From calendars you are not a member of.</p>
      </div>
      <p className="sidebar-zone">
        Times in <strong>{timeZone.replace(/_/g, " ")}</strong> ·{" "}
        <Link href="/account#time-zone">change</Link>
      </p>
    </nav>
  );
}
