// Accounts in the browser: first run, sign-up, sign-in (with a wrong password first), sign-out,
// and `/` sending people to the right place.
import { expect, test } from "@playwright/test";
import { calendarReady, PASSWORD, signUp, watchConsole } from "./ui-helpers.ts";

test("first run: an empty installation invites the first user to create an account", async ({ page }) => {
  const problems = watchConsole(page);
  // The suite's database already has users (tests run in parallel), so the server's answer for
  // an empty one is simulated here.
  await page.route("**/api/v1/auth/status", (route) => route.fulfill({ json: { status: "ok", has_users: false, sign_up: "open", admin: false, user: null } }));
  await page.goto("/");
  await expect(page).toHaveURL(/\/sign-up$/);
  await expect(page.getByRole("heading", { name: "Welcome to SweetDate" })).toBeVisible();
  await expect(page.getByTestId("first-run")).toContainText("no accounts yet");
  expect(problems).toEqual([]);
});

test("sign up, sign out, a wrong password, sign in again", async ({ page }) => {
  const problems = watchConsole(page, [/status of 401/]);
  const { email } = await signUp(page, "Grace Hopper");
  await calendarReady(page);
  await page.goto("/");
  await expect(page).toHaveURL(/\/calendar/);

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await page.goto("/calendar?view=week&date=2026-11-18");
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fcalendar%3Fview%3Dweek%26date%3D2026-11-18$/);

  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "incorrect" })).toContainText("Email or password is incorrect");

  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/calendar\?view=week&date=2026-11-18$/);
  await calendarReady(page);
  await expect(page.getByRole("link", { name: "Account (Grace Hopper)" })).toBeVisible();
  expect(problems).toEqual([]);
});

test("sign-up shows the API's messages next to the fields", async ({ page }) => {
  const problems = watchConsole(page, [/status of 422/]);
  await page.goto("/sign-up");
  await page.getByLabel("Email").fill("not-an-email");
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByLabel("Email")).toHaveAccessibleDescription(/is not a valid email address/);
  await expect(page.getByLabel("Password")).toHaveAccessibleDescription(/too short/);
  expect(problems).toEqual([]);
});
