// axe on every page and dialog, light and dark: no serious or critical violations.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { api, calendarReady, dayCell, eventDialog, freezeClock, openCalendarAt, quickCreate, signUp } from "./ui-helpers.ts";

async function expectNoSeriousViolations(page: Page, label: string) {
  // Scan the settled page, not one caught mid-navigation (first-run redirects, URL normalisation).
  await page.waitForLoadState("networkidle");
  await expect(page).toHaveTitle(/\S/);
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  const report = serious.map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join("\n  ")}`);
  expect(report, `${label}: axe violations`).toEqual([]);
}

for (const scheme of ["light", "dark"] as const) {
  test(`axe: every page and dialog (${scheme})`, async ({ page }) => {
    // Twenty full-page axe scans: minutes on a loaded 2-core machine.
    test.setTimeout(360_000);
    await page.emulateMedia({ colorScheme: scheme });
    await freezeClock(page);

    await page.goto("/sign-in");
    await expectNoSeriousViolations(page, "sign-in");
    await page.goto("/sign-up");
    await expectNoSeriousViolations(page, "sign-up");

    await signUp(page);
    await calendarReady(page);
    await expectNoSeriousViolations(page, "calendar, empty");

    const client = api(page);
    const team = await client.createCalendar("Team", "#f59e0b");
    const home = await client.createCalendar("Home", "#10b981");
    await client.createEvent(team.id, { title: "Design review", starts_at: "2026-11-17T14:00:00Z", ends_at: "2026-11-17T15:00:00Z" });
    await client.createEvent(team.id, { title: "Stand-up", starts_at: "2026-11-16T09:00:00Z", ends_at: "2026-11-16T09:15:00Z", rrule: "FREQ=DAILY;COUNT=5" });
    await client.createEvent(home.id, { title: "Holiday", all_day: true, starts_at: "2026-11-19", ends_at: "2026-11-21" });

    for (const view of ["month", "week", "day", "list"] as const) {
      await openCalendarAt(page, view, "2026-11-18");
      await expectNoSeriousViolations(page, `calendar ${view}`);
    }

    // The quick-create popover (a click on a day), and its time-zone-free fields.
    await openCalendarAt(page, "month", "2026-11-18");
    await dayCell(page, "2026-11-25").click();
    await expect(quickCreate(page).getByLabel("Title", { exact: true })).toBeFocused();
    await expectNoSeriousViolations(page, "quick-create popover");
    await page.keyboard.press("Escape");
    await expect(quickCreate(page)).toBeHidden();

    await openCalendarAt(page, "week", "2026-11-18");
    await page.getByRole("button", { name: /Design review/ }).click();
    const dialog = eventDialog(page);
    await dialog.getByLabel("Repeat", { exact: true }).selectOption("custom");
    await expectNoSeriousViolations(page, "event dialog");
    await dialog.getByRole("combobox", { name: "Time zone" }).fill("new");
    await expect(dialog.getByRole("listbox", { name: "Time zones" })).toBeVisible();
    await expectNoSeriousViolations(page, "time-zone picker open");
    await dialog.getByRole("combobox", { name: "Time zone" }).press("Escape");
    await dialog.getByRole("button", { name: "Delete" }).click();
    await expectNoSeriousViolations(page, "delete confirmation");
    await page.keyboard.press("Escape");
    // The form was changed (custom recurrence): Escape asks before discarding it.
    await page.keyboard.press("Escape");
    await expect(page.getByRole("dialog", { name: "Discard changes?" })).toBeVisible();
    await expectNoSeriousViolations(page, "discard prompt");
    await page.getByRole("dialog", { name: "Discard changes?" }).getByRole("button", { name: "Discard" }).click();
    await expect(dialog).toBeHidden();

    await page.getByRole("button", { name: /Stand-up/ }).first().click();
    await eventDialog(page).getByRole("button", { name: "Save" }).click();
    await expect(page.getByRole("dialog", { name: "Change recurring event" })).toBeVisible();
    await expectNoSeriousViolations(page, "scope dialog");
    await page.keyboard.press("Escape");
    await page.keyboard.press("Escape");

    await page.getByRole("button", { name: "Edit calendar Team" }).click();
    await expectNoSeriousViolations(page, "calendar dialog");
    await page.keyboard.press("Escape");

    await page.keyboard.press("?");
    await expectNoSeriousViolations(page, "shortcuts dialog");
    await page.keyboard.press("Escape");

    await page.getByRole("searchbox", { name: "Search events" }).fill("design");
    await expect(page.getByRole("region", { name: "Search results" }).getByText("1 match")).toBeVisible();
    await expectNoSeriousViolations(page, "search results");

    await page.goto("/account");
    await page.getByLabel("Token name", { exact: true }).fill("axe");
    await page.getByRole("button", { name: "Create token" }).click();
    await expect(page.getByTestId("token-secret")).toBeVisible();
    await expectNoSeriousViolations(page, "account");

    await page.setViewportSize({ width: 375, height: 760 });
    await page.goto("/calendar");
    await calendarReady(page);
    await expectNoSeriousViolations(page, "calendar on a phone (list)");
    await page.getByRole("button", { name: "Show calendars" }).click();
    await expectNoSeriousViolations(page, "phone sidebar");
  });
}
