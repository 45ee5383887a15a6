"use client";
import { useCallback, useSyncExternalStore } from "react";
import { readSetting, subscribeSettings, writeSetting } from "./local-setting.ts";

export type ThemeChoice = "system" | "light" | "dark";
export const THEME_KEY = "sweetdate:theme";

function subscribeSystem(listener: () => void) {
  const query = window.matchMedia("(prefers-color-scheme: dark)");
  query.addEventListener("change", listener);
  const unsubscribe = subscribeSettings(listener);
  return () => {
    query.removeEventListener("change", listener);
    unsubscribe();
  };
}

function resolve(choice: ThemeChoice): "light" | "dark" {
  if (choice !== "system") return choice;
  return window.matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";
}

function readChoice(): ThemeChoice {
  const stored = readSetting(THEME_KEY);
  return stored === "light" || stored === "dark" ? stored : "system";
}

/** Light/dark: follows prefers-color-scheme until the user picks one; <html data-theme> carries it. */
export function useTheme() {
  const choice = useSyncExternalStore(subscribeSystem, readChoice, () => "system" as ThemeChoice);
  const resolved = useSyncExternalStore(subscribeSystem, () => resolve(readChoice()), () => "light" as const);
  const setChoice = useCallback((next: ThemeChoice) => {
    writeSetting(THEME_KEY, next === "system" ? null : next);
    applyTheme();
  }, []);
  return { choice, resolved, setChoice };
}

/** Mirrors the choice onto <html> (the inline script in the root layout does this before first paint). */
export function applyTheme(): void {
  const resolved = resolve(readChoice());
  document.documentElement.dataset.theme = resolved;
  document.documentElement.style.colorScheme = resolved;
}
