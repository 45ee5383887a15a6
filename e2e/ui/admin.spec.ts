// The admin page on an installation of its own (the first account is its admin): change who may
// sign up, create an invitation link, use it in another browser, see it used; others are turned away.
import { expect, test } from "@playwright/test";
import { freshDatabase, startServer, type ServerProcess, type TestDatabase } from "../server-process.ts";
import { uniqueEmail } from "../helpers.ts";
import { PASSWORD, watchConsole } from "./ui-helpers.ts";

test.setTimeout(240_000);
let database: TestDatabase;
let server: ServerProcess;
test.beforeAll(async () => {
  database = await freshDatabase();
  server = await startServer(database.url, { SIGNUP_MODE: "" });
});
test.afterAll(async () => {
  await server?.stop();
  await database?.drop();
});

async function signUpAt(page: import("@playwright/test").Page, url: string, name: string) {
  await page.goto(url);
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel("Email", { exact: true }).fill(uniqueEmail(name.toLowerCase().replace(/\W+/g, "-")));
  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
}

test("the first account manages sign-ups at /admin; an invitation link lets one more person in", async ({ page, browser }) => {
  const problems = watchConsole(page);
  await signUpAt(page, `${server.baseURL}/sign-up`, "Ada Admin");
  await page.waitForURL(/\/calendar/);
  await page.goto(`${server.baseURL}/account`);
  await page.getByRole("link", { name: "Manage sign-ups and invitations" }).click();
  await expect(page.getByRole("heading", { name: "Administration", level: 1 })).toBeVisible();
  const mode = page.getByLabel("Sign-up", { exact: true });
  await expect(mode).toHaveValue("invite");
  await mode.selectOption("closed");
  await expect(page.getByText("Sign-up is now closed")).toBeVisible();
  await mode.selectOption("invite");
  await expect(page.getByText("Sign-up is now invite")).toBeVisible();

  await page.getByRole("button", { name: "Create invitation" }).click();
  const link = await page.getByTestId("invitation-link").inputValue();
  expect(link).toMatch(new RegExp(`^${server.baseURL}/sign-up\\?invitation=sdi_`));
  await expect(page.getByRole("list", { name: "Invitations" })).toContainText("open");

  // A stranger without the link is told sign-up is by invitation and refused; with the link, let in.
  const stranger = await browser.newContext();
  const other = await stranger.newPage();
  await signUpAt(other, `${server.baseURL}/sign-up`, "Walk In");
  await expect(other.getByText(/by invitation/).first()).toBeVisible();
  await expect(other.getByText(/needs an invitation/)).toBeVisible();
  await signUpAt(other, link, "Grace Guest");
  await other.waitForURL(/\/calendar/);
  await other.goto(`${server.baseURL}/admin`);
  await expect(other.getByText(/Only the instance admin/)).toBeVisible();
  await stranger.close();

  await page.reload();
  await expect(page.getByRole("list", { name: "Invitations" })).toContainText("used");
  expect(problems.filter((p) => !/403|Forbidden/.test(p))).toEqual([]);
});
