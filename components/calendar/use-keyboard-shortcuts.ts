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

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName)) return true;
  // Arrow keys belong to composite widgets (the view tabs, radio groups) while they have focus.
  return target.closest('[role="tablist"], [role="radiogroup"], [role="listbox"], [role="menu"], [role="grid"]') !== null;
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
      if (isTyping(e.target)) return;
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
