"use client";
import { useTheme, type ThemeChoice } from "@/lib/client/use-theme.ts";

const NEXT: Record<ThemeChoice, ThemeChoice> = { system: "light", light: "dark", dark: "system" };
const LABEL: Record<ThemeChoice, string> = { system: "System theme", light: "Light theme", dark: "Dark theme" };
const ICON: Record<ThemeChoice, string> = { system: "◐", light: "☀", dark: "☾" };

/** Cycles system → light → dark; the label says what is active now. */
export function ThemeToggle() {
  const { choice, setChoice } = useTheme();
  return (
    <button
      type="button"
      className="icon-button"
      onClick={() => setChoice(NEXT[choice])}
      aria-label={`${LABEL[choice]} (switch to ${LABEL[NEXT[choice]].toLowerCase()})`}
      title={`${LABEL[choice]} — click for ${LABEL[NEXT[choice]].toLowerCase()}`}
      data-theme-choice={choice}
    >
      <span aria-hidden="true">{ICON[choice]}</span>
    </button>
  );
}
