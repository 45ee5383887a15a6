// The calendar's main flows through the real UI on a throw-away database; results are checked
// over the API with the page's own session.
import { expect, test } from "@playwright/test";
import { api, center, dayCell, drag, eventDialog, freezeClock, moreOptions, openCalendarAt, quickCreate, signUp, watchConsole } from "./ui-helpers.ts";

const NOV = ["2026-11-01T00:00:00Z", "2026-12-01T00:00:00Z"] as const;

test("sign up, create a calendar, a timed event, an all-day event and a custom weekly series", async ({ page }) => {
  const problems = watchConsole(page);
  await freezeClock(page);
  await signUp(page);
  await expect(page.getByText("Welcome to SweetDate")).toBeVisible();

  // Calendar via the sidebar.
  await page.getByRole("button", { name: "New calendar" }).click();
  const calendarDialog = page.getByRole("dialog", { name: "New calendar" });
  await calendarDialog.getByLabel("Name", { exact: true }).fill("Team");
  await calendarDialog.getByRole("radio", { name: "Green" }).check();
  await calendarDialog.getByRole("button", { name: "Create" }).click();
  await expect(page.getByRole("checkbox", { name: "Team" })).toBeChecked();
  await expect(page.getByText("Welcome to SweetDate")).toBeHidden();

  // Timed: click a day in the month view.
  await openCalendarAt(page, "month", "2026-11-18");
  await dayCell(page, "2026-11-19").click();
  const quick = quickCreate(page);
  await expect(quick.getByLabel("Title", { exact: true })).toBeFocused();
  await quick.getByLabel("Title", { exact: true }).fill("Planning meeting");
  await expect(quick.getByLabel("Starts", { exact: true })).toHaveValue("09:00");
  await quick.getByLabel("Starts", { exact: true }).fill("14:00");
  await expect(quick.getByLabel("Ends", { exact: true })).toHaveValue("15:00");
  let dialog = await moreOptions(page); // what was typed comes along
  await expect(dialog.getByLabel("Title", { exact: true })).toHaveValue("Planning meeting");
  await expect(dialog.getByLabel("Start time", { exact: true })).toHaveValue("14:00");
  await expect(dialog.getByLabel("End time", { exact: true })).toHaveValue("15:00");
  await dialog.getByLabel("Location", { exact: true }).fill("Room 4");
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText("Planning meeting")).toBeVisible();

  // All-day: drag-select three days.
  const from = await center(dayCell(page, "2026-11-24"));
  const to = await center(dayCell(page, "2026-11-26"));
  await drag(page, from, to);
  await expect(quickCreate(page).getByTestId("quick-create-when")).toHaveText("Tuesday, November 24, 2026 – Thursday, November 26, 2026 · All day");
  dialog = await moreOptions(page);
  await expect(dialog.getByRole("checkbox", { name: "All day" })).toBeChecked();
  await expect(dialog.getByLabel("Start date", { exact: true })).toHaveValue("2026-11-24");
  await expect(dialog.getByLabel("End date", { exact: true })).toHaveValue("2026-11-26");
  await dialog.getByLabel("Title", { exact: true }).fill("Offsite");
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText("Offsite")).toBeVisible();

  // Weekly series with the custom editor: every 2 weeks on Tue and Thu, 4 times.
  await page.getByRole("button", { name: "New event" }).click();
  dialog = eventDialog(page);
  await dialog.getByLabel("Title", { exact: true }).fill("Gym");
  await dialog.getByLabel("Start", { exact: true }).fill("2026-11-03");
  await dialog.getByLabel("Start time", { exact: true }).fill("18:00");
  await dialog.getByLabel("Repeat", { exact: true }).selectOption("custom");
  await dialog.getByLabel("Repeat every").fill("2");
  await dialog.getByLabel("Repeat unit").selectOption("WEEKLY");
  await expect(dialog.getByRole("checkbox", { name: "Tuesday" })).toBeChecked();
  await dialog.getByRole("checkbox", { name: "Thursday" }).check();
  await dialog.getByRole("radio", { name: "After" }).check();
  await dialog.getByLabel("Number of occurrences").fill("4");
  await expect(dialog.getByTestId("rrule")).toHaveText("FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH;COUNT=4");
  await expect(dialog.getByText("Every 2 weeks on Tuesday, Thursday, 4 times")).toBeVisible();
  // Visibility and audience explain themselves.
  await dialog.getByRole("radio", { name: "Busy" }).check();
  await expect(dialog.getByRole("group", { name: "Visibility" })).toHaveAccessibleDescription("Others in the audience see only a “Busy” block at this time.");
  await dialog.getByRole("radio", { name: "Just me" }).check();
  await expect(dialog.getByRole("group", { name: "Audience" })).toHaveAccessibleDescription("Only you can see this event.");
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText("Gym")).toHaveCount(4);

  const events = await api(page).eventsIn(...NOV);
  const summary = events.map((e) => [e.title, e.starts_at, e.ends_at, e.all_day]);
  expect(summary).toEqual([
    ["Gym", "2026-11-03T18:00:00Z", "2026-11-03T19:00:00Z", false],
    ["Gym", "2026-11-05T18:00:00Z", "2026-11-05T19:00:00Z", false],
    ["Gym", "2026-11-17T18:00:00Z", "2026-11-17T19:00:00Z", false],
    ["Gym", "2026-11-19T18:00:00Z", "2026-11-19T19:00:00Z", false],
    ["Planning meeting", "2026-11-19T14:00:00Z", "2026-11-19T15:00:00Z", false],
    ["Offsite", "2026-11-24T00:00:00Z", "2026-11-27T00:00:00Z", true],
  ].sort((a, b) => String(a[1]).localeCompare(String(b[1]))));
  const gym = events.find((e) => e.title === "Gym")!;
  expect(gym.rrule).toBe("FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH;COUNT=4");
  expect([gym.visibility, gym.stakeholder]).toEqual(["busy", "just_me"]);
  expect(events.find((e) => e.title === "Planning meeting")!.location).toBe("Room 4");
  expect(problems).toEqual([]);
});

test("drag an event to another day and resize one: optimistic, then saved", async ({ page }) => {
  const problems = watchConsole(page);
  await freezeClock(page);
  await signUp(page);
  const client = api(page);
  const team = await client.createCalendar("Team");
  const review = await client.createEvent(team.id, { title: "Design review", starts_at: "2026-11-17T14:00:00Z", ends_at: "2026-11-17T15:00:00Z" });
  const sync = await client.createEvent(team.id, { title: "Weekly sync", starts_at: "2026-11-18T10:00:00Z", ends_at: "2026-11-18T11:00:00Z" });

  await openCalendarAt(page, "month", "2026-11-18");
  const source = await center(page.getByText("Design review"));
  const target = await center(dayCell(page, "2026-11-20"));
  await drag(page, source, target);
  // Optimistic: the event shows on the new day at once.
  await expect(dayCell(page, "2026-11-20").getByText("Design review")).toBeVisible();
  await expect.poll(async () => (await client.getEvent(team.id, review.id)).starts_at).toBe("2026-11-20T14:00:00Z");
  expect((await client.getEvent(team.id, review.id)).ends_at).toBe("2026-11-20T15:00:00Z");

  // Resize in the week view: pull the bottom edge down one hour.
  await openCalendarAt(page, "week", "2026-11-18");
  const event = page.getByRole("button", { name: /Weekly sync/ });
  const nine = await page.getByText("9am", { exact: true }).boundingBox();
  const ten = await page.getByText("10am", { exact: true }).boundingBox();
  const hour = ten!.y - nine!.y;
  await event.hover();
  // The end resizer is the event's last child (FullCalendar 7 hashes its class names).
  const resizer = await center(event.locator(":scope > div").last());
  await drag(page, resizer, { x: resizer.x, y: resizer.y + hour });
  await expect.poll(async () => (await client.getEvent(team.id, sync.id)).ends_at).toBe("2026-11-18T12:00:00Z");
  expect((await client.getEvent(team.id, sync.id)).starts_at).toBe("2026-11-18T10:00:00Z");
  expect(problems).toEqual([]);
});

test("edit one occurrence of a series only, then delete events with confirmation", async ({ page }) => {
  const problems = watchConsole(page);
  await freezeClock(page);
  await signUp(page);
  const client = api(page);
  const team = await client.createCalendar("Team");
  await client.createEvent(team.id, { title: "Stand-up", starts_at: "2026-11-16T09:00:00Z", ends_at: "2026-11-16T09:15:00Z", rrule: "FREQ=DAILY;COUNT=5" });
  await client.createEvent(team.id, { title: "Lunch", starts_at: "2026-11-18T12:00:00Z", ends_at: "2026-11-18T13:00:00Z" });

  await openCalendarAt(page, "week", "2026-11-18");
  await expect(page.getByText("Stand-up")).toHaveCount(5);
  // Wednesday's occurrence (the third button named Stand-up in day order).
  await page.getByRole("button", { name: /Stand-up/ }).nth(2).click();
  let dialog = eventDialog(page);
  await expect(dialog.getByLabel("Start", { exact: true })).toHaveValue("2026-11-18");
  await dialog.getByLabel("Title", { exact: true }).fill("Stand-up (demo day)");
  await dialog.getByRole("button", { name: "Save" }).click();
  const scope = page.getByRole("dialog", { name: "Change recurring event" });
  await expect(scope.getByRole("radio", { name: "This event" })).toBeChecked();
  await scope.getByRole("button", { name: "OK" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText("Stand-up (demo day)")).toBeVisible();

  // The page updates optimistically, before the server answers: wait for the server, as a reload would.
  await expect.poll(async () => (await client.eventsIn(...NOV)).filter((e) => e.title.startsWith("Stand-up")).map((e) => [e.starts_at.slice(0, 10), e.title])).toEqual([
    ["2026-11-16", "Stand-up"],
    ["2026-11-17", "Stand-up"],
    ["2026-11-18", "Stand-up (demo day)"],
    ["2026-11-19", "Stand-up"],
    ["2026-11-20", "Stand-up"],
  ]);

  // Delete a single event: confirm first.
  await page.getByText("Lunch").click();
  dialog = eventDialog(page);
  await dialog.getByRole("button", { name: "Delete" }).click();
  const confirm = page.getByRole("dialog", { name: "Delete event" });
  await expect(confirm).toContainText("Delete “Lunch”?");
  await confirm.getByRole("button", { name: "Delete" }).click();
  await expect(page.getByText("Lunch")).toHaveCount(0);

  // Delete "this and following" from Thursday's occurrence.
  await page.getByRole("button", { name: /Stand-up/ }).nth(3).click();
  await eventDialog(page).getByRole("button", { name: "Delete" }).click();
  const deleteScope = page.getByRole("dialog", { name: "Delete recurring event" });
  await deleteScope.getByRole("radio", { name: "This and following events" }).check();
  await deleteScope.getByRole("button", { name: "Delete" }).click();
  await expect(page.getByText(/^Stand-up/)).toHaveCount(3);

  await expect.poll(async () => (await client.eventsIn(...NOV)).map((e) => [e.starts_at.slice(0, 10), e.title])).toEqual([
    ["2026-11-16", "Stand-up"],
    ["2026-11-17", "Stand-up"],
    ["2026-11-18", "Stand-up (demo day)"],
  ]);
  expect(problems).toEqual([]);
});

test("search lists matches and jumps to the event", async ({ page }) => {
  const problems = watchConsole(page);
  await freezeClock(page);
  await signUp(page);
  const client = api(page);
  const team = await client.createCalendar("Team");
  await client.createEvent(team.id, { title: "Quarterly board meeting", starts_at: "2027-01-14T15:00:00Z", ends_at: "2027-01-14T17:00:00Z", description: "Budget #finance" });
  await client.createEvent(team.id, { title: "Budget prep", starts_at: "2026-12-02T10:00:00Z", ends_at: "2026-12-02T11:00:00Z" });
  await client.createEvent(team.id, { title: "Unrelated", starts_at: "2026-11-20T10:00:00Z", ends_at: "2026-11-20T11:00:00Z" });

  await openCalendarAt(page, "month", "2026-11-18");
  await page.getByRole("searchbox", { name: "Search events" }).fill("budget");
  const results = page.getByRole("region", { name: "Search results" });
  await expect(results.getByText("2 matches")).toBeVisible();
  await expect(results.getByRole("button")).toHaveText([/Budget prep/, /Quarterly board meeting/]);
  await results.getByRole("button", { name: /Quarterly board meeting/ }).click();
  await expect(page).toHaveURL(/view=month&date=2027-01-14/);
  await expect(page.getByRole("heading", { name: "January 2027" })).toBeVisible();
  await expect(eventDialog(page).getByLabel("Title", { exact: true })).toHaveValue("Quarterly board meeting");
  await page.keyboard.press("Escape");
  await expect(eventDialog(page)).toBeHidden();
  await expect(page.getByText("Quarterly board meeting")).toBeVisible();

  await page.getByRole("searchbox", { name: "Search events" }).fill("nothing like this");
  await expect(results.getByText("No events match “nothing like this”.")).toBeVisible();
  expect(problems).toEqual([]);
});
