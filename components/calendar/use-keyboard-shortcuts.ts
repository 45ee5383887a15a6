"use client";
import { useEffect, useRef } from "react";
import type { ViewName } from "./to-fullcalendar.ts";

export interface ShortcutActions {
  today: () => void;
  prev: () => void;
  next: () => void;
  view: (view: ViewName) => void;
  newEvent: () => void;
  help: () => void;
  search: () => void;
}

export const SHORTCUTS: { keys: string[]; action: string }[] = [
  { keys: ["t"], action: "Go to today" },
  { keys: ["←", "→"], action: "Previous / next period" },
  { keys: ["m"], action: "Month view" },
  { keys: ["w"], action: "Week view" },
  { keys: ["d"], action: "Day view" },
  { keys: ["l"], action: "List view" },
  { keys: ["n"], action: "New event" },
  { keys: ["/"], action: "Search events" },
  { keys: ["?"], action: "Show keyboard shortcuts" },
  { keys: ["Esc"], action: "Close a dialog" },
];

// Inputs that take text; checkboxes, radios, buttons, colour and range inputs do not.
const TEXT_INPUTS = new Set(["text", "search", "email", "password", "url", "tel", "number", "date", "time", "datetime-local", "month", "week"]);

/** Whether this key press belongs to the focused control rather than to the page's shortcuts. */
export function keyBelongsToControl(target: EventTarget | null, key: string): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target.tagName === "TEXTAREA") return true;
  if (target instanceof HTMLInputElement) return TEXT_INPUTS.has(target.type) || (key.startsWith("Arrow") && target.type === "radio");
  // A closed <select> picks options by typed letters and arrows.
  if (target.tagName === "SELECT") return true;
  // Arrow keys move inside composite widgets (the view tabs, radio groups, the calendar grid);
  // letters still reach the shortcuts there.
  if (key.startsWith("Arrow")) return target.closest('[role="tablist"], [role="radiogroup"], [role="listbox"], [role="menu"], [role="grid"]') !== null;
  return false;
}

/** Single-key shortcuts on the calendar page; ignored while typing or while a dialog is open. */
export function useKeyboardShortcuts(actions: ShortcutActions) {
  const ref = useRef(actions);
  useEffect(() => {
    ref.current = actions;
  });
  useEffect(() => {
    function onKeyDown(e: KeyboardEvent) {
      if (e.defaultPrevented || e.metaKey || e.ctrlKey || e.altKey) return;
      if (document.querySelector("dialog[open]")) return;
      if (keyBelongsToControl(e.target, e.key)) return;
      const a = ref.current;
      const map: Record<string, () => void> = {
        t: a.today,
        ArrowLeft: a.prev,
        ArrowRight: a.next,
        m: () => a.view("month"),
        w: () => a.view("week"),
        d: () => a.view("day"),
        l: () => a.view("list"),
        n: a.newEvent,
        "?": a.help,
        "/": a.search,
      };
      const run = map[e.key];
      if (!run) return;
      e.preventDefault();
      run();
    }
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, []);
}
