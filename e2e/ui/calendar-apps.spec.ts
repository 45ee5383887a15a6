// Account → Calendar apps: the CalDAV settings a phone or desktop app needs, and an app password
// made for one device that then signs that device in over CalDAV.
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { BASE_URL } from "../helpers.ts";
import { signUp, watchConsole } from "./ui-helpers.ts";

test("create an app password for a device; a CalDAV client signs in with the email and it", async ({ page, request }) => {
  const problems = watchConsole(page);
  const { email } = await signUp(page);
  await page.goto("/account#calendar-apps");
  const section = page.getByRole("region", { name: "Calendar apps (CalDAV)" });
  await expect(section.getByTestId("dav-url")).toHaveText(`${new URL(page.url()).origin}/dav/`);
  await expect(section.getByText(email)).toBeVisible();

  await section.getByRole("button", { name: "Create app password" }).click();
  await expect(section.getByText("Name the device first")).toBeVisible();
  await section.getByLabel("Device", { exact: true }).fill("Test phone");
  await section.getByRole("button", { name: "Create app password" }).click();
  const password = await section.getByTestId("app-password").inputValue();
  expect(password).toMatch(/^sdt_/);
  await expect(page.getByRole("row", { name: /Calendar app: Test phone/ })).toBeVisible();

  const basic = `Basic ${Buffer.from(`${email}:${password}`).toString("base64")}`;
  const propfind = await request.fetch(`${BASE_URL}/dav/`, { method: "PROPFIND", headers: { authorization: basic, depth: "0" } });
  expect(propfind.status()).toBe(207);
  for (const app of ["Apple Calendar", "Thunderbird", "DAVx⁵"]) await expect(section.getByText(app, { exact: false }).first()).toBeVisible();

  const axe = await new AxeBuilder({ page }).include("#calendar-apps").analyze();
  expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical")).toEqual([]);
  expect(problems).toEqual([]);
});
