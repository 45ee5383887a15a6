// Keyboard use: single-key shortcuts, the URL following view and date (back button included),
// focus-trapped dialogs closed with Escape, and creating/opening events without a mouse.
import { expect, test } from "@playwright/test";
import { api, eventDialog, freezeClock, openCalendarAt, signUp, watchConsole } from "./ui-helpers.ts";

test("shortcuts switch views and dates, and the URL and back button follow", async ({ page }) => {
  const problems = watchConsole(page);
  await freezeClock(page);
  await signUp(page);
  await api(page).createCalendar("Team");
  await openCalendarAt(page, "month", "2026-11-18");
  const tab = (name: string) => page.getByRole("tab", { name });

  await page.keyboard.press("w");
  await expect(page).toHaveURL(/view=week&date=2026-11-18/);
  await expect(tab("Week")).toHaveAttribute("aria-selected", "true");
  // Next/previous go to the start of the adjacent week.
  await page.keyboard.press("ArrowRight");
  await expect(page).toHaveURL(/view=week&date=2026-11-22/);
  await page.keyboard.press("ArrowRight");
  await expect(page).toHaveURL(/view=week&date=2026-11-29/);
  await page.keyboard.press("ArrowLeft");
  await expect(page).toHaveURL(/view=week&date=2026-11-22/);
  await page.keyboard.press("d");
  await expect(page).toHaveURL(/view=day&date=2026-11-22/);
  await expect(page.getByRole("heading", { name: "November 22, 2026" })).toBeVisible();
  await page.keyboard.press("t");
  await expect(page).toHaveURL(/view=day&date=2026-11-18/);
  await page.keyboard.press("l");
  await expect(page).toHaveURL(/view=list&date=2026-11-18/);
  await page.keyboard.press("m");
  await expect(page).toHaveURL(/view=month&date=2026-11-18/);
  await expect(page.getByRole("heading", { name: "November 2026" })).toBeVisible();

  // Back goes through the history the shortcuts made, and the calendar follows the URL.
  await page.goBack();
  await expect(page).toHaveURL(/view=list&date=2026-11-18/);
  await expect(tab("List")).toHaveAttribute("aria-selected", "true");
  await page.goBack();
  await page.goBack();
  await expect(page).toHaveURL(/view=day&date=2026-11-22/);
  await expect(page.getByRole("heading", { name: "November 22, 2026" })).toBeVisible();

  // A shared link opens exactly that view and date.
  await page.goto("/calendar?view=week&date=2027-02-10");
  await expect(tab("Week")).toHaveAttribute("aria-selected", "true");
  await expect(page.getByRole("columnheader", { name: /Wed 2\/10|Wed 10/ }).or(page.getByText("Wed 10"))).toBeVisible();

  // ? opens the help; Escape closes it and focus returns.
  await page.keyboard.press("?");
  const help = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(help).toBeVisible();
  await expect(help.getByRole("row", { name: /Go to today/ })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(help).toBeHidden();

  // / focuses search.
  await page.keyboard.press("/");
  await expect(page.getByRole("searchbox", { name: "Search events" })).toBeFocused();
  // Typing in a field never triggers shortcuts.
  await page.keyboard.type("mwd");
  await expect(page).toHaveURL(/view=week&date=2027-02-10/);
  expect(problems).toEqual([]);
});

test("create and open events with the keyboard only; dialogs keep focus inside", async ({ page }) => {
  const problems = watchConsole(page);
  await freezeClock(page);
  await signUp(page);
  await api(page).createCalendar("Team");
  await openCalendarAt(page, "week", "2026-11-18");

  await page.keyboard.press("n");
  const dialog = eventDialog(page);
  await expect(dialog.getByLabel("Title", { exact: true })).toBeFocused();
  // Tab cycles through the dialog's controls and never reaches the page behind it.
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press("Tab");
    const inside = await page.evaluate(() => {
      const active = document.activeElement;
      return !active || active === document.body || active.closest("dialog[open]") !== null;
    });
    expect(inside).toBe(true);
  }
  await dialog.getByLabel("Title", { exact: true }).focus();
  await page.keyboard.type("Keyboard meeting");
  await page.keyboard.press("Enter");
  await expect(dialog).toBeHidden();
  await expect(page.getByText("Keyboard meeting")).toBeVisible();

  // Focus an event and open it with Enter; Escape closes the dialog.
  await page.getByRole("button", { name: /Keyboard meeting/ }).focus();
  await page.keyboard.press("Enter");
  await expect(eventDialog(page).getByLabel("Title", { exact: true })).toHaveValue("Keyboard meeting");
  await page.keyboard.press("Escape");
  await expect(eventDialog(page)).toBeHidden();
  await expect(page.getByRole("button", { name: /Keyboard meeting/ })).toBeFocused();

  const events = await api(page).eventsIn("2026-11-18T00:00:00Z", "2026-11-19T00:00:00Z");
  expect(events.map((e) => [e.title, e.starts_at, e.ends_at])).toEqual([["Keyboard meeting", "2026-11-18T10:00:00Z", "2026-11-18T11:00:00Z"]]);
  expect(problems).toEqual([]);
});
