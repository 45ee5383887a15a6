// Failures are visible and nothing is lost: a failed drag snaps back with a toast saying why,
// the API's 422 messages appear next to the field they name, recurring drags ask for a scope.
import { expect, test } from "@playwright/test";
import { api, center, dayCell, drag, eventDialog, freezeClock, openCalendarAt, signUp, watchConsole } from "./ui-helpers.ts";

test("a failed save rolls back the drag and says why", async ({ page }) => {
  // The simulated server failures below are logged by the browser as failed resources.
  const problems = watchConsole(page, [/status of (500|422)/]);
  await freezeClock(page);
  await signUp(page);
  const client = api(page);
  const team = await client.createCalendar("Team");
  const review = await client.createEvent(team.id, { title: "Design review", starts_at: "2026-11-17T14:00:00Z", ends_at: "2026-11-17T15:00:00Z" });

  let status = 500;
  await page.route("**/api/v1/calendars/*/events/*", async (route) => {
    if (route.request().method() !== "PUT") return route.continue();
    await new Promise((r) => setTimeout(r, 300)); // long enough to see the optimistic move
    if (status === 500) return route.fulfill({ status, json: { status: "error", message: "the database is unavailable", error_code: "INTERNAL_ERROR" } });
    return route.fulfill({ status, json: { status: "error", message: "validation failed", error_code: "VALIDATION_ERROR", fields: { starts_at: ["is outside the calendar's booking window"] } } });
  });

  await openCalendarAt(page, "month", "2026-11-18");
  await drag(page, await center(page.getByRole("button", { name: /Design review/ })), await center(dayCell(page, "2026-11-20")));
  await expect(dayCell(page, "2026-11-20").getByText("Design review")).toBeVisible(); // optimistic
  const alert = page.getByRole("alert").filter({ hasText: "Could not move" });
  await expect(alert).toContainText("Could not move “Design review”: The database is unavailable");
  await expect(dayCell(page, "2026-11-17").getByText("Design review")).toBeVisible(); // snapped back
  await expect(dayCell(page, "2026-11-20").getByText("Design review")).toHaveCount(0);

  status = 422;
  await drag(page, await center(page.getByRole("button", { name: /Design review/ })), await center(dayCell(page, "2026-11-26")));
  await expect(page.getByRole("alert").filter({ hasText: "booking window" })).toContainText("Starts at is outside the calendar's booking window");
  await expect(dayCell(page, "2026-11-17").getByText("Design review")).toBeVisible();

  const stored = await client.getEvent(team.id, review.id);
  expect([stored.starts_at, stored.ends_at]).toEqual(["2026-11-17T14:00:00Z", "2026-11-17T15:00:00Z"]);
  expect(problems).toEqual([]);
});

test("validation messages from the API show next to the field they name", async ({ page }) => {
  const problems = watchConsole(page, [/status of 422/]);
  await freezeClock(page);
  await signUp(page);
  const client = api(page);
  const team = await client.createCalendar("Team");
  await client.createEvent(team.id, { title: "Design review", starts_at: "2026-11-17T14:00:00Z", ends_at: "2026-11-17T15:00:00Z" });

  await openCalendarAt(page, "week", "2026-11-18");
  await page.getByRole("button", { name: /Design review/ }).click();
  const dialog = eventDialog(page);
  await dialog.getByLabel("Title", { exact: true }).fill("   ");
  await dialog.getByLabel("End time", { exact: true }).fill("13:00");
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog.getByLabel("Title", { exact: true })).toHaveAccessibleDescription(/can't be blank/);
  await expect(dialog.getByLabel("Title", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await expect(dialog.getByLabel("End", { exact: true })).toHaveAccessibleDescription(/must be after starts_at/);
  await expect(dialog).toBeVisible();

  await dialog.getByLabel("Title", { exact: true }).fill("Design review v2");
  await dialog.getByLabel("End time", { exact: true }).fill("16:00");
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText("Design review v2")).toBeVisible();
  expect(problems).toEqual([]);
});

test("dragging an occurrence of a series asks which events to change", async ({ page }) => {
  const problems = watchConsole(page);
  await freezeClock(page);
  await signUp(page);
  const client = api(page);
  const team = await client.createCalendar("Team");
  await client.createEvent(team.id, { title: "Yoga", starts_at: "2026-11-16T07:00:00Z", ends_at: "2026-11-16T08:00:00Z", rrule: "FREQ=WEEKLY;COUNT=3" });

  await openCalendarAt(page, "month", "2026-11-18");
  // Cancel puts it back.
  await drag(page, await center(dayCell(page, "2026-11-23").getByText("Yoga")), await center(dayCell(page, "2026-11-25")));
  const scope = page.getByRole("dialog", { name: "Change recurring event" });
  await expect(scope.getByRole("radio")).toHaveCount(3);
  await scope.getByRole("button", { name: "Cancel" }).click();
  await expect(dayCell(page, "2026-11-23").getByText("Yoga")).toBeVisible();

  // All events: the whole series moves by the same two days.
  await drag(page, await center(dayCell(page, "2026-11-23").getByText("Yoga")), await center(dayCell(page, "2026-11-25")));
  await scope.getByRole("radio", { name: "All events" }).check();
  await scope.getByRole("button", { name: "OK" }).click();
  await expect.poll(async () => (await client.eventsIn("2026-11-01T00:00:00Z", "2026-12-31T00:00:00Z")).map((e) => e.starts_at)).toEqual([
    "2026-11-18T07:00:00Z",
    "2026-11-25T07:00:00Z",
    "2026-12-02T07:00:00Z",
  ]);
  expect(problems).toEqual([]);
});
