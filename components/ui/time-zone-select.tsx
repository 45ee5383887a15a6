"use client";
import { useEffect, useId, useMemo, useRef, useState, type InputHTMLAttributes } from "react";
import { matchesZoneQuery, zoneChoice, zoneChoices, type ZoneChoice } from "@/lib/client/zoned-time.ts";
import "./time-zone-select.css";

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, "value" | "onChange" | "type" | "role"> & {
  value: string;
  onChange: (zone: string) => void;
};

/**
 * A searchable time-zone picker (the ARIA 1.2 combobox with a listbox popup): every IANA zone this
 * browser knows, labelled "(UTC−05:00) New York — America/New_York" with its offset now; typing a
 * city, a zone or an offset ("-5", "+5:30", "UTC−05") filters; ↑/↓ move, Enter picks, Esc closes.
 * Other props (id, aria-* from <Field>, disabled) go to the input.
 */
export function TimeZoneSelect({ value, onChange, disabled, className, ...rest }: Props) {
  const listId = useId();
  const selected = useMemo(() => zoneChoice(value), [value]);
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState<string | null>(null);
  const [active, setActive] = useState(0);
  const listRef = useRef<HTMLUListElement>(null);
  // The full list is built on first open (≈ 400 offsets to format), then kept.
  const all = useMemo(() => (open ? zoneChoices(value) : []), [open, value]);
  const options = useMemo(() => (query ? all.filter((c) => matchesZoneQuery(c, query)) : all), [all, query]);

  useEffect(() => {
    if (!open) return;
    listRef.current?.querySelector<HTMLElement>(`[data-index="${active}"]`)?.scrollIntoView({ block: "nearest" });
  }, [open, active, options]);

  const show = (next: string | null) => {
    const list = open ? all : zoneChoices(value);
    const filtered = next ? list.filter((c) => matchesZoneQuery(c, next)) : list;
    setOpen(true);
    setQuery(next);
    setActive(next ? 0 : Math.max(0, filtered.findIndex((c) => c.zone === value)));
  };
  const close = () => {
    setOpen(false);
    setQuery(null);
  };
  const pick = (choice: ZoneChoice | undefined) => {
    if (choice && choice.zone !== value) onChange(choice.zone);
    close();
  };

  return (
    <div className={`tz-select${className ? ` ${className}` : ""}`}>
      <input
        {...rest}
        type="text"
        role="combobox"
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={open && options[active] ? `${listId}-${active}` : undefined}
        autoComplete="off"
        spellCheck={false}
        disabled={disabled}
        value={query ?? selected.label}
        onFocus={(e) => e.currentTarget.select()}
        onClick={() => (open ? undefined : show(null))}
        onChange={(e) => show(e.target.value)}
        onBlur={close}
        onKeyDown={(e) => {
          if (e.key === "ArrowDown" || e.key === "ArrowUp") {
            e.preventDefault();
            if (!open) return show(null);
            const step = e.key === "ArrowDown" ? 1 : -1;
            setActive((i) => Math.min(options.length - 1, Math.max(0, i + step)));
          } else if ((e.key === "Home" || e.key === "End") && open && query === null) {
            e.preventDefault();
            setActive(e.key === "Home" ? 0 : options.length - 1);
          } else if (e.key === "Enter" && open) {
            e.preventDefault(); // picks; does not submit the form
            pick(options[active]);
          } else if (e.key === "Escape" && open) {
            e.preventDefault(); // closes the list, not the dialog around it
            e.stopPropagation();
            close();
          }
        }}
      />
      {open ? (
        <ul ref={listRef} id={listId} role="listbox" aria-label="Time zones" className="tz-options">
          {options.length ? (
            options.map((c, i) => (
              <li
                key={c.zone}
                id={`${listId}-${i}`}
                data-index={i}
                role="option"
                aria-selected={c.zone === value}
                className={`tz-option${i === active ? " tz-option-active" : ""}`}
                // Keep focus in the input: the click picks, the input's blur would close first.
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => pick(c)}
              >
                {c.label}
              </li>
            ))
          ) : (
            <li className="tz-empty" role="option" aria-selected={false} aria-disabled="true">
              No time zone matches “{query}”
            </li>
          )}
        </ul>
      ) : null}
    </div>
  );
}
