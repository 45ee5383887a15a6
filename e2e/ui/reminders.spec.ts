// Reminders in the web app (issue 16): the event dialog's Reminders control, a calendar's default
// reminders, and a reminder firing on a fake clock — in the page and as a browser Notification.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { api, calendarReady, eventDialog, signUp, watchConsole } from "./ui-helpers.ts";

const START = new Date("2026-11-18T10:00:00Z");

/** Moves the page's (installed, running) clock to `iso`, firing the timers due on the way. */
async function advanceTo(page: Page, iso: string) {
  const now = await page.evaluate(() => Date.now());
  await page.clock.fastForward(Date.parse(iso) - now);
}

async function expectNoSeriousViolations(page: Page, label: string, include: string) {
  const results = await new AxeBuilder({ page }).include(include).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`), `${label}: axe violations`).toEqual([]);
}

test("a 10-minute reminder fires on time in the page and as a desktop notification, once", async ({ page, context }) => {
  const problems = watchConsole(page);
  await context.grantPermissions(["notifications"]);
  // Observe the browser API: every Notification the page constructs is recorded.
  await page.addInitScript(() => {
    const Real = window.Notification;
    const calls: { title: string; body: string | undefined }[] = [];
    (window as unknown as { notificationCalls: typeof calls }).notificationCalls = calls;
    class Recording extends Real {
      constructor(title: string, options?: NotificationOptions) {
        calls.push({ title, body: options?.body });
        super(title, options);
      }
    }
    window.Notification = Recording as typeof Notification;
  });
  await page.clock.install({ time: START });
  await signUp(page);
  const team = await api(page).createCalendar("Team");
  await page.reload();
  await calendarReady(page);

  await page.getByRole("button", { name: "New event" }).click();
  const dialog = eventDialog(page);
  await dialog.getByLabel("Title", { exact: true }).fill("Design review");
  await dialog.getByLabel("Start", { exact: true }).fill("2026-11-18");
  await dialog.getByLabel("Start time", { exact: true }).fill("10:15");
  await dialog.getByLabel("Location", { exact: true }).fill("Room 4");
  await expect(dialog.getByText("No reminders.")).toBeVisible();
  await dialog.getByRole("button", { name: "Add reminder" }).click();
  await expect(dialog.getByLabel("Reminder 1: how many")).toHaveValue("10");
  await expect(dialog.getByLabel("Reminder 1: unit")).toHaveValue("minutes");
  // Permission is already granted here, so the control does not offer to ask for it.
  await expect(dialog.getByRole("button", { name: "Enable desktop notifications" })).toHaveCount(0);
  await expectNoSeriousViolations(page, "event dialog with a reminder", "dialog[open]");
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog).toBeHidden();
  const [stored] = await api(page).eventsIn("2026-11-18T00:00:00Z", "2026-11-19T00:00:00Z");
  expect(stored).toMatchObject({ title: "Design review", calendar_id: team.id, starts_at: "2026-11-18T10:15:00Z", reminders: [{ minutes_before: 10 }] });

  const reminders = page.getByRole("region", { name: "Reminders" });
  await expect(reminders.getByTestId("reminder")).toHaveCount(0);
  await expect(reminders).toHaveAttribute("data-ready", "true");
  await advanceTo(page, "2026-11-18T10:04:00Z");
  await expect(reminders.getByTestId("reminder")).toHaveCount(0);
  await advanceTo(page, "2026-11-18T10:05:10Z");
  const alert = reminders.getByTestId("reminder");
  await expect(alert).toHaveText(/Design review in 10 minutes/);
  expect(await page.evaluate(() => (window as unknown as { notificationCalls: unknown[] }).notificationCalls)).toEqual([{ title: "Design review in 10 minutes", body: "Room 4" }]);
  await expectNoSeriousViolations(page, "reminder alert", ".reminder-alerts");

  // "Open" opens the event; a reload does not remind again (remembered in this browser).
  await alert.getByRole("button", { name: "Open" }).click();
  await expect(page.getByRole("dialog", { name: "Edit event" })).toBeVisible();
  await expect(page.getByRole("dialog", { name: "Edit event" }).getByLabel("Title", { exact: true })).toHaveValue("Design review");
  await page.keyboard.press("Escape");
  await page.reload();
  await calendarReady(page);
  await advanceTo(page, "2026-11-18T10:06:00Z");
  // Checked (the list is loaded and the reminder would still be due), and not shown again.
  await expect(reminders).toHaveAttribute("data-ready", "true");
  await expect(reminders.getByTestId("reminder")).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { notificationCalls: unknown[] }).notificationCalls)).toEqual([]);
  expect(problems).toEqual([]);
});

test("a calendar's default reminders fill a new event's Reminders; each occurrence of a series reminds", async ({ page }) => {
  const problems = watchConsole(page);
  await page.clock.install({ time: START });
  await signUp(page);
  await calendarReady(page);
  await page.getByRole("button", { name: "New calendar" }).click();
  const calendarDialog = page.getByRole("dialog", { name: "New calendar" });
  await calendarDialog.getByLabel("Name", { exact: true }).fill("Team");
  await calendarDialog.getByRole("button", { name: "Add reminder" }).click();
  await calendarDialog.getByLabel("Reminder 1: how many").fill("");
  await calendarDialog.getByRole("button", { name: "Create" }).click();
  await expect(calendarDialog.getByText("Each reminder needs a whole number (0 or more).")).toBeVisible();
  await calendarDialog.getByLabel("Reminder 1: how many").fill("1");
  await calendarDialog.getByLabel("Reminder 1: unit").selectOption("hours");
  await expectNoSeriousViolations(page, "calendar dialog with a default reminder", "dialog[open]");
  await calendarDialog.getByRole("button", { name: "Create" }).click();
  await expect(calendarDialog).toBeHidden();

  await page.getByRole("button", { name: "New event" }).click();
  const dialog = eventDialog(page);
  await expect(dialog.getByLabel("Reminder 1: how many")).toHaveValue("1");
  await expect(dialog.getByLabel("Reminder 1: unit")).toHaveValue("hours");
  await dialog.getByLabel("Title", { exact: true }).fill("Stand-up");
  await dialog.getByLabel("Start", { exact: true }).fill("2026-11-18");
  await dialog.getByLabel("Start time", { exact: true }).fill("11:30");
  await dialog.getByLabel("Reminder 1: unit").selectOption("minutes");
  await dialog.getByLabel("Reminder 1: how many").fill("15");
  await dialog.getByLabel("Repeat", { exact: true }).selectOption("daily");
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog).toBeHidden();

  const reminders = page.getByRole("region", { name: "Reminders" }).getByTestId("reminder");
  await advanceTo(page, "2026-11-18T11:15:10Z");
  await expect(reminders).toHaveText([/Stand-up in 15 minutes/]);
  await reminders.getByRole("button", { name: /Dismiss reminder/ }).click();
  await expect(reminders).toHaveCount(0);
  await advanceTo(page, "2026-11-19T11:15:10Z"); // the next occurrence
  await expect(reminders).toHaveText([/Stand-up in 15 minutes/]);
  expect(problems).toEqual([]);
});
