// The sidebar's mini-month navigator: click or keyboard to a day, the main view and the URL follow.
import { expect, test, type Page } from "@playwright/test";
import { api, calendarReady, dayCell, freezeClock, openCalendarAt, signUp, watchConsole } from "./ui-helpers.ts";

function navigator(page: Page) {
  return page.getByRole("complementary", { name: "Calendars sidebar" }).getByRole("region");
}

test("mini-month: today and the visible period marked, other months, a click takes the main view there", async ({ page }) => {
  const problems = watchConsole(page);
  await freezeClock(page);
  await signUp(page);
  await api(page).createCalendar("Team");
  await openCalendarAt(page, "month", "2026-11-18");
  const mini = navigator(page);
  await expect(mini).toHaveAccessibleName("November 2026");
  const today = mini.getByRole("button", { name: /Wednesday, November 18, 2026, today/ });
  await expect(today).toHaveAttribute("aria-current", "date");
  // The month view shows November: its days are marked shown, the trailing December days are not.
  await expect(mini.getByRole("button", { name: "Monday, November 30, 2026, shown" })).toBeVisible();
  await expect(mini.getByRole("button", { name: "Saturday, December 5, 2026" })).toBeVisible();

  await mini.getByRole("button", { name: "Show next month" }).click();
  await expect(mini).toHaveAccessibleName("December 2026");
  await expect(page).toHaveURL(/view=month&date=2026-11-18/); // browsing the navigator alone moves nothing
  await mini.getByRole("button", { name: /^Wednesday, December 9, 2026/ }).click();
  await expect(page).toHaveURL(/view=month&date=2026-12-09/);
  await calendarReady(page);
  await expect(dayCell(page, "2026-12-31")).toBeVisible();
  await expect(page.getByRole("main").getByRole("heading", { name: "December 2026" })).toBeVisible();
  await expect(mini.getByRole("gridcell", { selected: true })).toHaveText("9");

  // In week view the navigator marks that week; a day in another week moves the view to it.
  await page.getByRole("tab", { name: "Week" }).click();
  await expect(page).toHaveURL(/view=week&date=2026-12-09/);
  await expect(mini.getByRole("button", { name: "Sunday, December 6, 2026, shown" })).toBeVisible();
  await expect(mini.getByRole("button", { name: "Sunday, December 13, 2026" })).toBeVisible();
  await mini.getByRole("button", { name: /^Wednesday, December 16, 2026/ }).click();
  await expect(page).toHaveURL(/view=week&date=2026-12-16/);
  await expect(mini.getByRole("button", { name: "Sunday, December 13, 2026, shown" })).toBeVisible();

  // Back returns to the previous week, and the navigator follows the URL.
  await page.goBack();
  await expect(page).toHaveURL(/view=week&date=2026-12-09/);
  await expect(mini.getByRole("gridcell", { selected: true })).toHaveText("9");
  expect(problems).toEqual([]);
});

test("mini-month by keyboard: one tab stop, arrows, PageDown and Enter; the page's shortcuts stay out of it", async ({ page }) => {
  const problems = watchConsole(page);
  await freezeClock(page);
  await signUp(page);
  await api(page).createCalendar("Team");
  await openCalendarAt(page, "month", "2026-11-18");
  const mini = navigator(page);
  const picked = mini.getByRole("button", { name: /^Wednesday, November 18, 2026/ });
  await picked.focus();
  await expect(mini.locator('button[tabindex="0"]')).toHaveCount(1);
  await page.keyboard.press("ArrowRight"); // 19th, not the main view's next month
  await page.keyboard.press("ArrowDown"); // 26th
  await expect(mini.getByRole("button", { name: /^Thursday, November 26, 2026/ })).toBeFocused();
  await expect(page).toHaveURL(/view=month&date=2026-11-18/);
  await page.keyboard.press("PageDown"); // 26 December
  await expect(mini).toHaveAccessibleName("December 2026");
  await page.keyboard.press("Home"); // Sunday 20 December
  await expect(mini.getByRole("button", { name: /^Sunday, December 20, 2026/ })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/view=month&date=2026-12-20/);
  await calendarReady(page);
  await expect(page.getByRole("main").getByRole("heading", { name: "December 2026" })).toBeVisible();
  expect(problems).toEqual([]);
});
