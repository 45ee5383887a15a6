"use client";
import { useEffect, useId, useState, type RefObject } from "react";
import type { Calendar, Event } from "@/lib/api/sweetdate/schemas.ts";
import { useEventSearch } from "@/lib/client/use-event-search.ts";
import { formatEventTime } from "@/lib/client/zoned-time.ts";

export interface SearchBoxProps {
  calendars: Map<string, Calendar>;
  timeZone: string;
  onPick: (event: Event) => void;
  inputRef: RefObject<HTMLInputElement | null>;
}

/** Search (`q`) across all calendars; results list upcoming matches first, a pick jumps to the event. */
export function SearchBox({ calendars, timeZone, onPick, inputRef }: SearchBoxProps) {
  const id = useId();
  const [text, setText] = useState("");
  const [q, setQ] = useState("");
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const timer = window.setTimeout(() => setQ(text.trim()), 250);
    return () => window.clearTimeout(timer);
  }, [text]);
  const search = useEventSearch(q);
  const results = search.data?.events ?? [];
  const show = open && q.length >= 2;

  return (
    <div
      className="search"
      role="search"
      onBlur={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setOpen(false);
      }}
    >
      <label htmlFor={`${id}-input`} className="sr-only">
        Search events
      </label>
      <input
        ref={inputRef}
        id={`${id}-input`}
        type="search"
        placeholder="Search events"
        autoComplete="off"
        value={text}
        aria-controls={`${id}-results`}
        onFocus={() => setOpen(true)}
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
        }}
        onKeyDown={(e) => {
          if (e.key === "Escape") {
            if (text) setText("");
            else e.currentTarget.blur();
            setOpen(false);
          }
          if (e.key === "ArrowDown") {
            e.preventDefault();
            document.querySelector<HTMLButtonElement>(`#${CSS.escape(`${id}-results`)} button`)?.focus();
          }
        }}
      />
      <div id={`${id}-results`} className="search-results" hidden={!show} role="region" aria-label="Search results">
        {show ? (
          search.isPending ? (
            <p className="search-status">Searching…</p>
          ) : search.isError ? (
            <p className="search-status">Search failed. Try again.</p>
          ) : results.length === 0 ? (
            <p className="search-status">No events match “{q}”.</p>
          ) : (
            <>
              <p className="search-status" aria-live="polite">
                {search.data?.total ?? results.length} match{(search.data?.total ?? results.length) === 1 ? "" : "es"}
              </p>
              <ul
                onKeyDown={(e) => {
                  const buttons = [...e.currentTarget.querySelectorAll("button")];
                  const index = buttons.indexOf(document.activeElement as HTMLButtonElement);
                  if (e.key === "ArrowDown") buttons[Math.min(index + 1, buttons.length - 1)]?.focus();
                  if (e.key === "ArrowUp") (index <= 0 ? inputRef.current : buttons[index - 1])?.focus();
                  if (e.key === "ArrowDown" || e.key === "ArrowUp") e.preventDefault();
                }}
              >
                {results.map((event) => (
                  <li key={event.id}>
                    <button
                      type="button"
                      className="search-result"
                      onClick={() => {
                        setOpen(false);
                        onPick(event);
                      }}
                    >
                      <span className="swatch" style={{ background: calendars.get(event.calendar_id)?.color ?? "#64748b" }} aria-hidden="true" />
                      <span className="search-result-text">
                        <span className="search-result-title">{event.title}</span>
                        <span className="search-result-time">{formatEventTime(event, timeZone)}</span>
                      </span>
                    </button>
                  </li>
                ))}
              </ul>
            </>
          )
        ) : null}
      </div>
    </div>
  );
}
