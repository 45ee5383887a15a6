// On purpose, once, away from UTC: a browser and account in New York.
import { expect, test } from "@playwright/test";
import { api, center, dayCell, drag, freezeClock, moreOptions, openCalendarAt, signUp, watchConsole } from "./ui-helpers.ts";

test.use({ timezoneId: "America/New_York" });

test("times are shown and saved in the user's zone (America/New_York)", async ({ page }) => {
  const problems = watchConsole(page);
  await freezeClock(page);
  await signUp(page); // sign-up sends the browser's zone
  const client = api(page);
  const team = await client.createCalendar("Team");
  await client.createEvent(team.id, { title: "Standing call", starts_at: "2026-11-17T14:00:00Z", ends_at: "2026-11-17T15:00:00Z", time_zone: "America/New_York" });

  await openCalendarAt(page, "month", "2026-11-18");
  await expect(page.getByText("Times in America/New York")).toBeVisible();
  await expect(page.getByRole("button", { name: /9a Standing call/ })).toBeVisible();

  await dayCell(page, "2026-11-19").click();
  const dialog = await moreOptions(page);
  await expect(dialog.getByLabel("Time zone", { exact: true })).toHaveValue("(UTC−05:00) New York — America/New_York");
  await expect(dialog.getByText("Start and end are America/New_York times.")).toBeVisible();
  await dialog.getByLabel("Title", { exact: true }).fill("Client lunch");
  await dialog.getByLabel("Start time", { exact: true }).fill("12:30");
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog).toBeHidden();

  await drag(page, await center(page.getByRole("button", { name: /Client lunch/ })), await center(dayCell(page, "2026-11-20")));
  await expect
    .poll(async () => (await client.eventsIn("2026-11-19T00:00:00Z", "2026-11-22T00:00:00Z")).map((e) => [e.title, e.starts_at, e.ends_at, e.time_zone]))
    .toEqual([["Client lunch", "2026-11-20T17:30:00Z", "2026-11-20T18:30:00Z", "America/New_York"]]);
  expect(problems).toEqual([]);
});
