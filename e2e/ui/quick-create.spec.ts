// The quick-create popover: a click or a selection opens it near the pointer; Enter saves;
// "More options" hands what was typed to the full dialog; Esc closes; it stays on a phone's screen.
import { expect, test, type Locator, type Page } from "@playwright/test";
import { api, center, dayCell, drag, eventDialog, freezeClock, moreOptions, openCalendarAt, quickCreate, signUp, watchConsole } from "./ui-helpers.ts";

async function expectOnScreen(page: Page, locator: Locator) {
  const box = await locator.boundingBox();
  const viewport = page.viewportSize()!;
  expect(box, "popover has a box").not.toBeNull();
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.y).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width).toBeLessThanOrEqual(viewport.width);
  expect(box!.y + box!.height).toBeLessThanOrEqual(viewport.height);
}

test("click a day: the popover opens by the click, title focused, Enter saves; Esc closes without saving", async ({ page }) => {
  const problems = watchConsole(page);
  await freezeClock(page);
  await signUp(page);
  const client = api(page);
  await client.createCalendar("Team");
  const home = await client.createCalendar("Home", "#10b981");
  await openCalendarAt(page, "month", "2026-11-18");

  const cell = await center(dayCell(page, "2026-11-19"));
  await page.mouse.click(cell.x, cell.y);
  const quick = quickCreate(page);
  await expect(quick.getByLabel("Title", { exact: true })).toBeFocused();
  await expect(quick.getByTestId("quick-create-when")).toHaveText("Thursday, November 19, 2026");
  await expect(quick.getByLabel("Starts", { exact: true })).toHaveValue("09:00");
  await expect(quick.getByLabel("Ends", { exact: true })).toHaveValue("10:00");
  // Near the click: its box starts within a popover's reach of the point, and is fully on screen.
  const box = (await quick.boundingBox())!;
  expect(Math.min(Math.abs(box.x - cell.x), Math.abs(box.x + box.width - cell.x))).toBeLessThan(40);
  await expectOnScreen(page, quick);

  // Esc closes without saving.
  await quick.getByLabel("Title", { exact: true }).fill("Thrown away");
  await page.keyboard.press("Escape");
  await expect(quick).toBeHidden();

  // Again, in another calendar and at another time; Enter in the title saves.
  await dayCell(page, "2026-11-20").click();
  await quick.getByLabel("Calendar", { exact: true }).selectOption({ label: "Home" });
  await quick.getByLabel("Starts", { exact: true }).fill("18:30");
  await expect(quick.getByLabel("Ends", { exact: true })).toHaveValue("19:30");
  await quick.getByLabel("Title", { exact: true }).fill("Piano lesson");
  await quick.getByLabel("Title", { exact: true }).press("Enter");
  await expect(quick).toBeHidden();
  await expect(dayCell(page, "2026-11-20").getByText("Piano lesson")).toBeVisible();
  const events = await client.eventsIn("2026-11-01T00:00:00Z", "2026-12-01T00:00:00Z");
  expect(events.map((e) => [e.title, e.calendar_id, e.starts_at, e.ends_at])).toEqual([["Piano lesson", home.id, "2026-11-20T18:30:00Z", "2026-11-20T19:30:00Z"]]);
  expect(problems).toEqual([]);
});

test("select time in week view, then More options: the full dialog has what was typed", async ({ page }) => {
  const problems = watchConsole(page);
  await freezeClock(page);
  await signUp(page);
  const client = api(page);
  await client.createCalendar("Team");
  const home = await client.createCalendar("Home", "#10b981");
  await openCalendarAt(page, "week", "2026-11-18");

  // Drag over Thursday 10:00–11:30 in the time grid.
  const slot = (time: string) => page.locator(`[data-time="${time}"]`).first();
  const column = await center(page.locator('[role="columnheader"][data-date="2026-11-19"]').first());
  const from = await center(slot("10:00:00"));
  const to = await center(slot("11:00:00"));
  await drag(page, { x: column.x, y: from.y }, { x: column.x, y: to.y });
  const quick = quickCreate(page);
  await expect(quick.getByLabel("Starts", { exact: true })).toHaveValue("10:00");
  await expect(quick.getByLabel("Ends", { exact: true })).toHaveValue("11:30");
  await expectOnScreen(page, quick);
  await quick.getByLabel("Title", { exact: true }).fill("Design sprint");
  await quick.getByLabel("Calendar", { exact: true }).selectOption({ label: "Home" });

  const dialog = await moreOptions(page);
  await expect(dialog.getByLabel("Title", { exact: true })).toHaveValue("Design sprint");
  await expect(dialog.getByLabel("Calendar", { exact: true })).toHaveValue(home.id);
  await expect(dialog.getByLabel("Start", { exact: true })).toHaveValue("2026-11-19");
  await expect(dialog.getByLabel("Start time", { exact: true })).toHaveValue("10:00");
  await expect(dialog.getByLabel("End time", { exact: true })).toHaveValue("11:30");
  // What was typed in the popover is unsaved work: Esc asks before throwing it away.
  await page.keyboard.press("Escape");
  await page.getByRole("dialog", { name: "Discard changes?" }).getByRole("button", { name: "Keep editing" }).click();
  await dialog.getByLabel("Location", { exact: true }).fill("Studio");
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog).toBeHidden();
  const [event] = await client.eventsIn("2026-11-19T00:00:00Z", "2026-11-20T00:00:00Z");
  expect([event?.title, event?.calendar_id, event?.location, event?.starts_at, event?.ends_at]).toEqual(["Design sprint", home.id, "Studio", "2026-11-19T10:00:00Z", "2026-11-19T11:30:00Z"]);
  await expect(eventDialog(page)).toBeHidden();
  expect(problems).toEqual([]);
});

test("on a 375 px phone the popover stays on screen, also for the last day of the month", async ({ page }) => {
  const problems = watchConsole(page);
  await page.setViewportSize({ width: 375, height: 700 });
  await freezeClock(page);
  await signUp(page);
  await api(page).createCalendar("Team");
  await openCalendarAt(page, "month", "2026-11-18");
  for (const date of ["2026-11-01", "2026-11-28", "2026-12-05"]) {
    await dayCell(page, date).click();
    const quick = quickCreate(page);
    await expect(quick.getByLabel("Title", { exact: true })).toBeFocused();
    await expectOnScreen(page, quick);
    await quick.getByRole("button", { name: "Close" }).click();
    await expect(quick).toBeHidden();
  }
  expect(problems).toEqual([]);
});
