// The account page: API tokens (secret shown once, copy, last used, revoke) and the time zone.
import { expect, test } from "@playwright/test";
import { BASE_URL } from "../helpers.ts";
import { calendarReady, signUp, watchConsole } from "./ui-helpers.ts";

test("create a token, use it, see it used, revoke it", async ({ page, context, request }) => {
  const problems = watchConsole(page);
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await signUp(page);
  await page.getByRole("link", { name: /^Account/ }).click();
  await expect(page.getByRole("heading", { name: "Account", level: 1 })).toBeVisible();
  await expect(page.getByText("You have no API tokens yet.")).toBeVisible();

  await page.getByLabel("Token name", { exact: true }).fill("CI sync");
  await page.getByRole("button", { name: "Create token" }).click();
  const secret = await page.getByTestId("token-secret").inputValue();
  expect(secret).toMatch(/^sdt_/);
  await expect(page.getByText("it is shown only once")).toBeVisible();
  await page.getByRole("button", { name: "Copy", exact: true }).click();
  await expect(page.getByRole("button", { name: "Copied" })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);

  const row = page.getByRole("row", { name: /CI sync/ });
  await expect(row).toContainText("Never");
  const used = await request.get(`${BASE_URL}/api/v1/calendars`, { headers: { Authorization: `Bearer ${secret}` } });
  expect(used.status()).toBe(200);
  await page.reload();
  await expect(page.getByRole("row", { name: /CI sync/ })).not.toContainText("Never");
  await expect(page.getByTestId("token-secret")).toHaveCount(0); // never shown again

  await page.getByRole("button", { name: "Revoke token CI sync" }).click();
  await page.getByRole("dialog", { name: "Revoke token" }).getByRole("button", { name: "Revoke" }).click();
  await expect(page.getByText("You have no API tokens yet.")).toBeVisible();
  const revoked = await request.get(`${BASE_URL}/api/v1/calendars`, { headers: { Authorization: `Bearer ${secret}` } });
  expect(revoked.status()).toBe(401);
  expect(problems).toEqual([]);
});

test("set the time zone; the calendar shows it", async ({ page }) => {
  const problems = watchConsole(page);
  await signUp(page);
  await page.goto("/account");
  await page.getByLabel("Time zone", { exact: true }).fill("Tokyo");
  await page.getByRole("option", { name: "(UTC+09:00) Tokyo — Asia/Tokyo" }).click();
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Profile saved" })).toBeVisible();
  await page.getByRole("link", { name: "← Back to the calendar" }).click();
  await calendarReady(page);
  await expect(page.getByText("Times in Asia/Tokyo")).toBeVisible();
  expect(problems).toEqual([]);
});
