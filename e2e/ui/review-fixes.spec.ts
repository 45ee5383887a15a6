// What the new-user review found: number fields typed as a person types them, a weekly rule that
// does not include its start day, shortcuts with a checkbox or button focused, contradictory
// visibility/audience pairs, hiding "everyone" events, the "+N more" popover, a 375 px phone.
import { expect, test } from "@playwright/test";
import { CalendarEnvelope, EventEnvelope } from "../../lib/api/sweetdate/schemas.ts";
import { newUser } from "../helpers.ts";
import { api, dayCell, eventDialog, freezeClock, moreOptions, openCalendarAt, signUp, watchConsole } from "./ui-helpers.ts";

/** Select everything in the field, delete it, then type — as a person retypes a number. */
async function retype(field: import("@playwright/test").Locator, text: string) {
  await field.click();
  await field.press("ControlOrMeta+a");
  await field.press("Delete");
  await expect(field).toHaveValue("");
  await field.pressSequentially(text);
}

test("recurrence number fields stay empty while retyped and are validated on save", async ({ page }) => {
  const problems = watchConsole(page);
  await freezeClock(page);
  await signUp(page);
  const calendar = await api(page).createCalendar("Team");
  await openCalendarAt(page, "month", "2026-11-18");
  await page.keyboard.press("n");
  const dialog = eventDialog(page);
  await dialog.getByLabel("Title").fill("Book club");
  await dialog.getByLabel("Repeat", { exact: true }).selectOption("custom");

  const every = dialog.getByLabel("Repeat every");
  await retype(every, "10");
  await expect(every).toHaveValue("10");
  await dialog.getByLabel("After").check();
  const count = dialog.getByLabel("Number of occurrences");
  await retype(count, "10");
  await expect(count).toHaveValue("10");
  await expect(dialog.getByTestId("rrule")).toHaveText("FREQ=WEEKLY;INTERVAL=10;BYDAY=WE;COUNT=10");

  // Left empty, the dialog refuses to save and says which field.
  await retype(every, "");
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog.getByText(/“Repeat every” needs a whole number/)).toBeVisible();
  await expect(dialog).toBeVisible();
  await every.pressSequentially("2");
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog).toBeHidden();
  const stored = (await api(page).eventsIn("2026-11-01T00:00:00Z", "2026-12-01T00:00:00Z")).find((e) => e.title === "Book club");
  expect(stored?.calendar_id).toBe(calendar.id);
  const series = await api(page).getEvent(calendar.id, stored!.recurring_event_id ?? stored!.id);
  expect(series.rrule).toBe("FREQ=WEEKLY;INTERVAL=2;BYDAY=WE;COUNT=10");
  expect(problems).toEqual([]);
});

test("a weekly rule without the start's weekday moves the start to the first chosen day, and says so", async ({ page }) => {
  await freezeClock(page);
  await signUp(page);
  const calendar = await api(page).createCalendar("Team");
  await openCalendarAt(page, "month", "2026-11-18");
  await dayCell(page, "2026-11-18").click(); // a Wednesday
  const dialog = await moreOptions(page);
  await dialog.getByLabel("Title").fill("Gym");
  await dialog.getByLabel("Repeat", { exact: true }).selectOption("custom");
  await dialog.getByRole("checkbox", { name: "Thursday" }).check();
  await dialog.getByRole("checkbox", { name: "Wednesday" }).uncheck();
  await expect(dialog.getByTestId("start-moves")).toContainText("on save the event starts on Thursday 19 November");
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog).toBeHidden();
  const occurrences = (await api(page).eventsIn("2026-11-16T00:00:00Z", "2026-11-23T00:00:00Z")).filter((e) => e.title === "Gym");
  // One occurrence that week, on Thursday — no extra one on the Wednesday it was created on.
  expect(occurrences.map((e) => e.starts_at)).toEqual(["2026-11-19T09:00:00Z"]);
  const series = await api(page).getEvent(calendar.id, occurrences[0]!.recurring_event_id!);
  expect(series.starts_at).toBe("2026-11-19T09:00:00Z");
});

test("shortcuts work while a checkbox or a button has focus, not while typing", async ({ page }) => {
  await freezeClock(page);
  await signUp(page);
  await api(page).createCalendar("Team");
  await openCalendarAt(page, "month", "2026-11-18");
  await page.getByRole("checkbox", { name: "Team" }).focus();
  await page.keyboard.press("w");
  await expect(page).toHaveURL(/view=week/);
  await page.getByRole("button", { name: "New calendar" }).focus();
  await page.keyboard.press("m");
  await expect(page).toHaveURL(/view=month/);
  await page.getByRole("checkbox", { name: "Events shared with everyone" }).focus();
  await page.keyboard.press("ArrowRight");
  await expect(page).toHaveURL(/date=2026-12-01/);
  await page.getByLabel("Search events").focus();
  await page.keyboard.press("d");
  await expect(page).toHaveURL(/view=month/);
});

test("visibility is disabled for a “Just me” event and every pair is explained", async ({ page }) => {
  await freezeClock(page);
  await signUp(page);
  await api(page).createCalendar("Team");
  await openCalendarAt(page, "month", "2026-11-18");
  await page.keyboard.press("n");
  const dialog = eventDialog(page);
  const audience = dialog.getByRole("group", { name: "Audience" });
  const visibility = dialog.getByRole("group", { name: "Visibility" });
  const summary = dialog.getByTestId("audience-summary");
  await expect(summary).toHaveText("Seen in full by members of “Team”.");
  await audience.getByLabel("Just me").check();
  await expect(visibility.getByLabel("Busy")).toBeDisabled();
  await expect(summary).toContainText("visibility does not apply");
  await audience.getByLabel("Everyone").check();
  await visibility.getByLabel("Private").check();
  await expect(summary).toContainText("Private wins");
  await visibility.getByLabel("Busy").check();
  await expect(summary).toContainText("every user of this installation see only a “Busy” block");
});

test("a new account can hide events shared with everyone from calendars it is not in", async ({ page, request }) => {
  await freezeClock(page);
  const other = await newUser(request, { name: "Other Team" });
  const response = await request.post("/api/v1/calendars", { headers: other.auth, data: { name: "Company" } });
  const company = CalendarEnvelope.parse(await response.json()).calendar;
  const created = await request.post(`/api/v1/calendars/${company.id}/events`, {
    headers: other.auth,
    data: { title: "All-hands for the company", starts_at: "2026-11-18T15:00:00Z", ends_at: "2026-11-18T16:00:00Z", stakeholder: "everyone" },
  });
  EventEnvelope.parse(await created.json());

  await signUp(page);
  await api(page).createCalendar("Mine");
  await openCalendarAt(page, "month", "2026-11-18");
  await expect(page.getByText("All-hands for the company")).toBeVisible();
  await page.getByRole("checkbox", { name: "Events shared with everyone" }).uncheck();
  await expect(page.getByText("All-hands for the company")).toBeHidden();
  await page.reload();
  await expect(page.locator('main[data-ready="true"]')).toBeVisible();
  await expect(page.getByRole("checkbox", { name: "Events shared with everyone" })).not.toBeChecked();
  await expect(page.getByText("All-hands for the company")).toBeHidden();
});

test("the “+N more” popover stays on screen", async ({ page }) => {
  await freezeClock(page);
  await page.setViewportSize({ width: 900, height: 600 });
  await signUp(page);
  const calendar = await api(page).createCalendar("Busy");
  // The last day of the month view's last row: the popover's natural spot is off the bottom right.
  for (let i = 0; i < 12; i++) {
    const hour = String(8 + i).padStart(2, "0");
    await api(page).createEvent(calendar.id, { title: `Slot ${i + 1}`, starts_at: `2026-12-05T${hour}:00:00Z`, ends_at: `2026-12-05T${hour}:30:00Z` });
  }
  await openCalendarAt(page, "month", "2026-11-18");
  await dayCell(page, "2026-12-05").getByRole("button", { name: /more/ }).or(dayCell(page, "2026-12-05").getByText(/\+\d+ more/)).first().click();
  const popover = page.getByRole("dialog").filter({ hasText: "Slot 12" });
  await expect(popover).toBeVisible();
  const box = (await popover.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(900);
  expect(box.y + box.height).toBeLessThanOrEqual(600);
  await popover.getByText("Slot 12").scrollIntoViewIfNeeded();
  await expect(popover.getByText("Slot 12")).toBeInViewport();
});

test.describe("on a 375 px phone", () => {
  test.use({ viewport: { width: 375, height: 740 } });

  test("the token table fits the screen", async ({ page }) => {
    await signUp(page);
    await page.goto("/account");
    for (const name of ["Deploy bot with a long name", "Laptop"]) {
      await page.getByLabel("Token name").fill(name);
      await page.getByRole("button", { name: "Create token" }).click();
      await expect(page.locator('td[data-label="Name"]', { hasText: name })).toBeVisible();
    }
    const revoke = page.getByRole("button", { name: "Revoke token Laptop" });
    await revoke.scrollIntoViewIfNeeded();
    await expect(revoke).toBeInViewport({ ratio: 1 });
    const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
    expect(widths.scroll).toBeLessThanOrEqual(widths.client);
    const table = await page.locator(".tokens-table").boundingBox();
    expect(table!.x + table!.width).toBeLessThanOrEqual(375);
  });

  test("the calendar drawer opens, works and closes with Escape", async ({ page }) => {
    await signUp(page);
    await api(page).createCalendar("Team");
    await openCalendarAt(page, "list", "2026-11-18");
    const menu = page.getByRole("button", { name: "Show calendars" });
    await menu.click();
    const drawer = page.getByRole("complementary", { name: "Calendars sidebar" });
    await expect(drawer.getByRole("checkbox", { name: "Team" })).toBeInViewport();
    await expect(drawer.getByRole("button", { name: "Hide calendars" })).toBeFocused();
    await page.keyboard.press("Escape");
    await expect(drawer.getByRole("checkbox", { name: "Team" })).toBeHidden();
    await expect(menu).toBeFocused();
    // Escape works wherever focus is, e.g. on a checkbox inside the drawer.
    await menu.click();
    await drawer.getByRole("checkbox", { name: "Team" }).focus();
    await page.keyboard.press("Escape");
    await expect(drawer.getByRole("checkbox", { name: "Team" })).toBeHidden();
  });
});
