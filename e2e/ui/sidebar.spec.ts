// The calendars sidebar (show/hide kept in this browser, rename and recolour), the theme toggle,
// and inviting calendar members as participants and editors.
import { expect, test } from "@playwright/test";
import { CalendarEnvelope, EventUsersEnvelope, MemberEnvelope, UserEnvelope } from "../../lib/api/sweetdate/schemas.ts";
import { newUser } from "../helpers.ts";
import { api, calendarReady, dayCell, freezeClock, moreOptions, openCalendarAt, signUp, watchConsole } from "./ui-helpers.ts";

test("hide and show calendars (remembered), rename and recolour one", async ({ page }) => {
  const problems = watchConsole(page);
  await freezeClock(page);
  await signUp(page);
  const client = api(page);
  const work = await client.createCalendar("Work", "#3b82f6");
  const home = await client.createCalendar("Home", "#10b981");
  await client.createEvent(work.id, { title: "Budget review", starts_at: "2026-11-17T14:00:00Z", ends_at: "2026-11-17T15:00:00Z" });
  await client.createEvent(home.id, { title: "Piano lesson", starts_at: "2026-11-17T17:00:00Z", ends_at: "2026-11-17T18:00:00Z" });

  await openCalendarAt(page, "month", "2026-11-18");
  await expect(page.getByText("Piano lesson")).toBeVisible();
  await page.getByRole("checkbox", { name: "Home" }).uncheck();
  await expect(page.getByText("Piano lesson")).toHaveCount(0);
  await expect(page.getByText("Budget review")).toBeVisible();
  await page.reload();
  await calendarReady(page);
  await expect(page.getByRole("checkbox", { name: "Home" })).not.toBeChecked();
  await expect(page.getByText("Piano lesson")).toHaveCount(0);
  await page.getByRole("checkbox", { name: "Home" }).check();
  await expect(page.getByText("Piano lesson")).toBeVisible();

  await page.getByRole("button", { name: "Edit calendar Work" }).click();
  const dialog = page.getByRole("dialog", { name: "Edit calendar" });
  await dialog.getByLabel("Name", { exact: true }).fill("Office");
  await dialog.getByRole("radio", { name: "Red" }).check();
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("checkbox", { name: "Office" })).toBeVisible();
  const stored = (await client.json("GET", `/api/v1/calendars/${work.id}`, CalendarEnvelope)).calendar;
  expect([stored.name, stored.color]).toEqual(["Office", "#ef4444"]);
  await expect(page.getByRole("button", { name: /Budget review/ })).toHaveCSS("--fc-event-color", "#ef4444");

  // A name the API refuses: its message shows under the field.
  await page.getByRole("button", { name: "Edit calendar Office" }).click();
  await dialog.getByLabel("Name", { exact: true }).fill("");
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog.getByLabel("Name", { exact: true })).toHaveAccessibleDescription(/blank/);
  await page.keyboard.press("Escape");
  expect(problems.filter((p) => !/status of 422/.test(p))).toEqual([]);
});

test("the theme toggle switches light/dark and is remembered", async ({ page }) => {
  const problems = watchConsole(page);
  await page.emulateMedia({ colorScheme: "light" });
  await signUp(page);
  await calendarReady(page);
  const html = page.locator("html");
  await expect(html).toHaveAttribute("data-theme", "light");
  await page.getByRole("button", { name: /System theme/ }).click();
  await expect(page.getByRole("button", { name: /^Light theme/ })).toBeVisible();
  await page.getByRole("button", { name: /^Light theme/ }).click();
  await expect(html).toHaveAttribute("data-theme", "dark");
  await expect(page.locator("[data-color-scheme]").first()).toHaveAttribute("data-color-scheme", "dark");
  await page.reload();
  await expect(html).toHaveAttribute("data-theme", "dark");
  await page.getByRole("button", { name: /^Dark theme/ }).click();
  await expect(html).toHaveAttribute("data-theme", "light"); // back to the system's (light)
  expect(problems).toEqual([]);
});

test("invite calendar members as participants and editors", async ({ page }) => {
  const problems = watchConsole(page);
  await freezeClock(page);
  await signUp(page, "Team Lead");
  const client = api(page);
  const team = await client.createCalendar("Team");
  const colleague = await newUser(null, { name: "Katherine Johnson" });
  const reviewer = await newUser(null, { name: "Dorothy Vaughan" });
  for (const user of [colleague, reviewer]) await client.json("POST", `/api/v1/calendars/${team.id}/users`, MemberEnvelope, { user_id: user.id });

  await openCalendarAt(page, "month", "2026-11-18");
  await dayCell(page, "2026-11-19").click();
  const dialog = await moreOptions(page);
  await dialog.getByLabel("Title", { exact: true }).fill("Launch prep");
  await dialog.getByLabel("Participants' role", { exact: true }).selectOption("viewer");
  await dialog.getByLabel("Role of Katherine Johnson").selectOption("editor");
  await dialog.getByLabel("Role of Dorothy Vaughan").selectOption("participant");
  await expect(dialog.getByLabel("Role of Dorothy Vaughan")).toContainText("Participant (viewer)");
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog).toBeHidden();

  const [event] = await client.eventsIn("2026-11-19T00:00:00Z", "2026-11-20T00:00:00Z");
  const users = (await client.json("GET", `/api/v1/calendars/${team.id}/events/${event!.id}/users`, EventUsersEnvelope)).users;
  expect(users.map((u) => [u.name, u.role]).sort()).toEqual([
    ["Dorothy Vaughan", "viewer"],
    ["Katherine Johnson", "editor"],
  ]);
  expect(event!.default_role).toBe("viewer");

  await page.getByRole("button", { name: /Launch prep/ }).click();
  await expect(dialog.getByLabel("Role of Katherine Johnson")).toHaveValue("editor");
  await expect(dialog.getByLabel("Role of Dorothy Vaughan")).toHaveValue("participant");
  const me = (await client.json("GET", "/api/v1/me", UserEnvelope)).user;
  await expect(dialog.getByLabel(`Role of ${me.name}`)).toHaveCount(0);
  expect(problems).toEqual([]);
});
