// Import .ics (file picker and drop onto the calendar, with a result summary), and a calendar's
// private feed URL with its copy button; axe-clean dialogs.
import AxeBuilder from "@axe-core/playwright";
import { expect, request as playwrightRequest, test, type Page } from "@playwright/test";
import { BASE_URL } from "../helpers.ts";
import { api, freezeClock, openCalendarAt, signUp, watchConsole } from "./ui-helpers.ts";

const ics = (body: string) => `BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n${body.trim().split("\n").join("\r\n")}\r\nEND:VCALENDAR\r\n`;

async function expectAxeClean(page: Page, label: string) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.help} ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`), label).toEqual([]);
}

test("Import .ics with the file picker and by dropping a file onto the calendar; the feed URL with its copy button", async ({ page, context }) => {
  test.setTimeout(120_000);
  const problems = watchConsole(page);
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: BASE_URL });
  await freezeClock(page);
  await signUp(page);
  const client = api(page);
  const team = await client.createCalendar("Team", "#3b82f6");
  await openCalendarAt(page, "month", "2026-11-18");

  // The file picker.
  await page.getByRole("button", { name: "Import .ics" }).click();
  const dialog = page.getByRole("dialog", { name: "Import .ics" });
  await expect(dialog.getByLabel("Into calendar")).toHaveValue(team.id);
  await dialog.getByLabel("iCalendar file").setInputFiles({
    name: "team.ics",
    mimeType: "text/calendar",
    buffer: Buffer.from(ics(`
BEGIN:VEVENT
UID:retro@example.com
DTSTART;TZID=Europe/Berlin:20261110T100000
DTEND;TZID=Europe/Berlin:20261110T110000
RRULE:FREQ=WEEKLY;COUNT=3
SUMMARY:Retro
END:VEVENT
BEGIN:VEVENT
UID:fair@example.com
DTSTART;VALUE=DATE:20261119
DTEND;VALUE=DATE:20261120
SUMMARY:Book fair
END:VEVENT
BEGIN:VEVENT
UID:broken@example.com
SUMMARY:Broken
END:VEVENT`)),
  });
  await dialog.getByRole("button", { name: "Import", exact: true }).click();
  const result = dialog.getByTestId("import-result");
  await expect(result).toContainText("2 new, 0 updated, 0 unchanged, 1 failed");
  await expect(result).toContainText("broken@example.com");
  await expectAxeClean(page, "import dialog with its summary");
  await dialog.getByRole("button", { name: "Done" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("button", { name: /Retro/ })).toHaveCount(3);
  await expect(page.getByRole("button", { name: /Book fair/ })).toBeVisible();

  // Dropping a file onto the calendar opens the same dialog with that file.
  const drop = await page.evaluateHandle(() => {
    const data = new DataTransfer();
    const text = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//drop//EN", "BEGIN:VEVENT", "UID:dropped@example.com", "DTSTART:20261124T150000Z", "DTEND:20261124T160000Z", "SUMMARY:Dropped in", "END:VEVENT", "END:VCALENDAR", ""].join("\r\n");
    data.items.add(new File([text], "dropped.ics", { type: "text/calendar" }));
    return data;
  });
  await page.locator(".calendar-frame").dispatchEvent("dragover", { dataTransfer: drop });
  await page.locator(".calendar-frame").dispatchEvent("drop", { dataTransfer: drop });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText("dropped.ics");
  await dialog.getByRole("button", { name: "Import", exact: true }).click();
  await expect(dialog.getByTestId("import-result")).toContainText("1 new, 0 updated, 0 unchanged");
  await dialog.getByRole("button", { name: "Done" }).click();
  await expect(page.getByRole("button", { name: /Dropped in/ })).toBeVisible();

  // The feed URL: shown with a copy button, and readable without signing in.
  await page.getByRole("button", { name: "Edit calendar Team" }).click();
  const edit = page.getByRole("dialog", { name: "Edit calendar" });
  await edit.getByRole("button", { name: "Get feed URL" }).click();
  const field = edit.getByLabel("Private feed URL");
  await expect(field).toHaveValue(/\/feeds\/[A-Za-z0-9_-]+\.ics$/);
  const url = await field.inputValue();
  await edit.getByRole("button", { name: "Copy" }).click();
  await expect(page.getByText("Feed URL copied")).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);
  await expect(edit.getByRole("link", { name: "Export .ics" })).toHaveAttribute("href", `/api/v1/calendars/${team.id}/ics`);
  await expectAxeClean(page, "calendar dialog with the feed URL");

  const anonymous = await playwrightRequest.newContext();
  const feed = await anonymous.get(url);
  expect(feed.status()).toBe(200);
  const text = await feed.text();
  expect(text).toContain("SUMMARY:Retro");
  expect(text).toContain("UID:dropped@example.com");
  await anonymous.dispose();
  expect(problems).toEqual([]);
});
