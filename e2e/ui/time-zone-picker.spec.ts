// The searchable time-zone picker (a combobox): by city, by offset, by keyboard, wherever a zone is chosen.
import { expect, test, type Locator, type Page } from "@playwright/test";
import { CalendarEnvelope, UserEnvelope } from "../../lib/api/sweetdate/schemas.ts";
import { api, eventDialog, freezeClock, openCalendarAt, signUp, watchConsole } from "./ui-helpers.ts";

function zonePicker(scope: Page | Locator) {
  return scope.getByRole("combobox", { name: "Time zone", exact: true });
}

test("account: find a zone by city, by offset, and by keyboard; the saved zone is the account's", async ({ page }) => {
  const problems = watchConsole(page);
  await freezeClock(page); // offsets are "now": 18 November 2026, New York on standard time
  await signUp(page);
  await page.goto("/account");
  const picker = zonePicker(page);
  await expect(picker).toHaveValue("(UTC+00:00) UTC");

  // By city: the options show offset, city and zone.
  await picker.fill("new york");
  const list = page.getByRole("listbox", { name: "Time zones" });
  await expect(list.getByRole("option")).toHaveText(["(UTC−05:00) New York — America/New_York"]);

  // By offset, typed with a plain hyphen: every zone at UTC−05:00 now, New York among them.
  await picker.fill("-05:00");
  await expect(list.getByRole("option", { name: "(UTC−05:00) New York — America/New_York" })).toBeVisible();
  await expect(list.getByRole("option", { name: /Kolkata/ })).toHaveCount(0);
  await picker.fill("+5:30");
  await expect(list.getByRole("option").first()).toHaveText(/^\(UTC\+05:30\) /);
  await expect(list.getByRole("option", { name: "(UTC+05:30) Kolkata — Asia/Kolkata" })).toBeVisible();
  await picker.fill("atlantis");
  await expect(list).toContainText("No time zone matches “atlantis”");

  // Keyboard: type, ↓ moves the active option (aria-activedescendant), Enter picks without submitting.
  await picker.fill("kolkata");
  await expect(picker).toHaveAttribute("aria-expanded", "true");
  await picker.press("ArrowDown");
  await picker.press("ArrowUp");
  const activeId = await picker.getAttribute("aria-activedescendant");
  await expect(page.locator(`[id="${activeId}"]`)).toHaveText("(UTC+05:30) Kolkata — Asia/Kolkata");
  await picker.press("Enter");
  await expect(picker).toHaveAttribute("aria-expanded", "false");
  await expect(picker).toHaveValue("(UTC+05:30) Kolkata — Asia/Kolkata");
  await expect(page.getByRole("status").filter({ hasText: "Profile saved" })).toHaveCount(0);

  // Esc closes the list and keeps the chosen zone.
  await picker.fill("tokyo");
  await picker.press("Escape");
  await expect(picker).toHaveAttribute("aria-expanded", "false");
  await expect(picker).toHaveValue("(UTC+05:30) Kolkata — Asia/Kolkata");

  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Profile saved" })).toBeVisible();
  const me = await api(page).json("GET", "/api/v1/me", UserEnvelope);
  expect(me.user.time_zone).toBe("Asia/Kolkata");
  expect(problems).toEqual([]);
});

test("event and calendar dialogs use the same picker: Esc in its list does not close the dialog", async ({ page }) => {
  const problems = watchConsole(page);
  await freezeClock(page);
  await signUp(page);
  const client = api(page);
  const team = await client.createCalendar("Team");
  await openCalendarAt(page, "month", "2026-11-18");

  await page.getByRole("button", { name: "New event" }).click();
  const dialog = eventDialog(page);
  await dialog.getByLabel("Title", { exact: true }).fill("Call with Mumbai");
  const picker = zonePicker(dialog);
  await picker.click();
  await expect(dialog.getByRole("option", { name: "(UTC+00:00) UTC" })).toHaveAttribute("aria-selected", "true");
  await picker.fill("UTC+5:30");
  await picker.press("Escape");
  await expect(dialog).toBeVisible();
  await picker.fill("kolkata");
  await dialog.getByRole("option", { name: "(UTC+05:30) Kolkata — Asia/Kolkata" }).click();
  await expect(dialog.getByText("Start and end are Asia/Kolkata times.")).toBeVisible();
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog).toBeHidden();
  const [event] = (await client.eventsIn("2026-11-01T00:00:00Z", "2026-12-01T00:00:00Z")).filter((e) => e.title === "Call with Mumbai");
  expect(event?.time_zone).toBe("Asia/Kolkata");

  await page.getByRole("button", { name: "Edit calendar Team" }).click();
  const calendarDialog = page.getByRole("dialog", { name: "Edit calendar" });
  await zonePicker(calendarDialog).fill("-5");
  await calendarDialog.getByRole("option", { name: "(UTC−05:00) New York — America/New_York" }).click();
  await calendarDialog.getByRole("button", { name: "Save" }).click();
  await expect(calendarDialog).toBeHidden();
  const saved = await client.json("GET", `/api/v1/calendars/${team.id}`, CalendarEnvelope);
  expect(saved.calendar.time_zone).toBe("America/New_York");
  expect(problems).toEqual([]);
});
