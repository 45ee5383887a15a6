// The safety net: Undo in the toast after a drag, a resize, an edit and a delete (single events and
// occurrences with each scope), restoring from a calendar's trash, and an event dialog that asks
// before throwing away unsaved changes.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { EventEnvelope } from "../../lib/api/sweetdate/schemas.ts";
import { api, center, dayCell, drag, eventDialog, freezeClock, openCalendarAt, signUp, watchConsole } from "./ui-helpers.ts";

const MONTH = { from: "2026-11-01T00:00:00Z", to: "2026-12-07T00:00:00Z" };

async function undoFromToast(page: Page, text: RegExp | string) {
  const toast = page.getByTestId("toast").filter({ hasText: text });
  await toast.getByRole("button", { name: "Undo" }).click();
}

async function titlesAndStarts(page: Page) {
  return (await api(page).eventsIn(MONTH.from, MONTH.to)).map((e) => `${e.title}@${e.starts_at}`).sort();
}

test("Undo after a drag and after a resize puts the event back exactly", async ({ page }) => {
  const problems = watchConsole(page);
  await freezeClock(page);
  await signUp(page);
  const calendar = await api(page).createCalendar("Team");
  const event = await api(page).createEvent(calendar.id, { title: "Review", starts_at: "2026-11-18T14:00:00Z", ends_at: "2026-11-18T15:00:00Z" });
  await openCalendarAt(page, "month", "2026-11-18");

  const from = await center(page.getByText("Review").first());
  const to = await center(dayCell(page, "2026-11-20"));
  await drag(page, from, to);
  await expect.poll(async () => (await api(page).getEvent(calendar.id, event.id)).starts_at).toBe("2026-11-20T14:00:00Z");
  await undoFromToast(page, "Moved “Review”");
  await expect.poll(async () => (await api(page).getEvent(calendar.id, event.id)).starts_at).toBe("2026-11-18T14:00:00Z");
  await expect(dayCell(page, "2026-11-18").getByText("Review")).toBeVisible();

  // Resize in the week view, then undo.
  await openCalendarAt(page, "week", "2026-11-18");
  const box = (await page.getByText("Review").first().boundingBox())!;
  const bottom = { x: box.x + box.width / 2, y: box.y + box.height - 2 };
  await page.getByText("Review").first().hover();
  await drag(page, bottom, { x: bottom.x, y: bottom.y + 80 });
  await expect.poll(async () => (await api(page).getEvent(calendar.id, event.id)).ends_at).not.toBe("2026-11-18T15:00:00Z");
  await undoFromToast(page, "Moved “Review”");
  await expect.poll(async () => (await api(page).getEvent(calendar.id, event.id)).ends_at).toBe("2026-11-18T15:00:00Z");
  expect((await api(page).getEvent(calendar.id, event.id)).starts_at).toBe("2026-11-18T14:00:00Z");
  expect(problems).toEqual([]);
});

test("Undo after an edit of one occurrence, of all occurrences, and of this-and-following", async ({ page }) => {
  await freezeClock(page);
  await signUp(page);
  const calendar = await api(page).createCalendar("Team");
  await api(page).createEvent(calendar.id, { title: "Stand-up", starts_at: "2026-11-16T09:00:00Z", ends_at: "2026-11-16T09:15:00Z", rrule: "FREQ=DAILY;COUNT=5" });
  const original = await titlesAndStarts(page);
  await openCalendarAt(page, "month", "2026-11-18");

  for (const scope of ["This event", "All events", "This and following events"]) {
    await dayCell(page, "2026-11-18").getByText("Stand-up").click();
    const dialog = eventDialog(page);
    await dialog.getByLabel("Title", { exact: true }).fill(`Stand-up (${scope})`);
    await dialog.getByLabel("Start time").fill("10:00");
    await dialog.getByRole("button", { name: "Save" }).click();
    await page.getByRole("dialog", { name: "Change recurring event" }).getByRole("radio", { name: scope }).check();
    await page.getByRole("dialog", { name: "Change recurring event" }).getByRole("button", { name: /Save|OK|Change/ }).click();
    await expect(dialog).toBeHidden();
    await expect.poll(() => titlesAndStarts(page)).not.toEqual(original);
    await undoFromToast(page, "Event saved");
    await expect.poll(() => titlesAndStarts(page), { message: `undo of “${scope}”` }).toEqual(original);
    // The next edit starts from what the calendar shows once the undo has reached it, as a person's would.
    await expect(dayCell(page, "2026-11-18").getByText(/Stand-up \(/)).toHaveCount(0);
  }
});

test("Undo of an edit to all events made through an occurrence that was changed on its own gives the series its own values back", async ({ page }) => {
  await freezeClock(page);
  await signUp(page);
  const client = api(page);
  const calendar = await client.createCalendar("Team");
  const series = await client.createEvent(calendar.id, { title: "Stand-up", starts_at: "2026-11-16T09:00:00Z", ends_at: "2026-11-16T09:15:00Z", rrule: "FREQ=DAILY;COUNT=5" });
  // The 18th was renamed on its own earlier.
  await client.json("PUT", `/api/v1/calendars/${calendar.id}/events/${series.id}_20261118T090000Z?scope=this`, EventEnvelope, { title: "Stand-up with guests" });
  const original = await titlesAndStarts(page);
  await openCalendarAt(page, "month", "2026-11-18");

  await dayCell(page, "2026-11-18").getByText("Stand-up with guests").click();
  const dialog = eventDialog(page);
  await dialog.getByLabel("Title", { exact: true }).fill("Daily");
  await dialog.getByLabel("Start time").fill("10:00");
  await dialog.getByRole("button", { name: "Save" }).click();
  const ask = page.getByRole("dialog", { name: "Change recurring event" });
  await ask.getByRole("radio", { name: "All events" }).check();
  await ask.getByRole("button", { name: /Save|OK|Change/ }).click();
  await expect(dialog).toBeHidden();
  await expect.poll(() => titlesAndStarts(page)).not.toEqual(original);
  await undoFromToast(page, "Event saved");
  // The series keeps its own title and time; the 18th keeps its own title.
  await expect.poll(() => titlesAndStarts(page)).toEqual(original);
});

test("Undo after deleting a single event, one occurrence, following occurrences and a whole series", async ({ page }) => {
  await freezeClock(page);
  await signUp(page);
  const calendar = await api(page).createCalendar("Team");
  await api(page).createEvent(calendar.id, { title: "Lunch", starts_at: "2026-11-10T12:00:00Z", ends_at: "2026-11-10T13:00:00Z" });
  await api(page).createEvent(calendar.id, { title: "Gym", starts_at: "2026-11-16T18:00:00Z", ends_at: "2026-11-16T19:00:00Z", rrule: "FREQ=DAILY;COUNT=5" });
  const original = await titlesAndStarts(page);
  await openCalendarAt(page, "month", "2026-11-18");

  await dayCell(page, "2026-11-10").getByText("Lunch").click();
  await eventDialog(page).getByRole("button", { name: "Delete" }).click();
  await page.getByRole("dialog", { name: "Delete event" }).getByRole("button", { name: "Delete" }).click();
  await expect.poll(() => titlesAndStarts(page)).not.toEqual(original);
  await undoFromToast(page, "Deleted “Lunch”");
  await expect.poll(() => titlesAndStarts(page)).toEqual(original);

  for (const scope of ["This event", "This and following events", "All events"]) {
    await dayCell(page, "2026-11-18").getByText("Gym").click();
    await eventDialog(page).getByRole("button", { name: "Delete" }).click();
    const ask = page.getByRole("dialog", { name: "Delete recurring event" });
    await ask.getByRole("radio", { name: scope }).check();
    await ask.getByRole("button", { name: /Delete|OK/ }).click();
    await expect.poll(() => titlesAndStarts(page)).not.toEqual(original);
    await undoFromToast(page, "Deleted “Gym”");
    await expect.poll(() => titlesAndStarts(page)).toEqual(original);
  }
});

test("a deleted event is restored from the calendar's trash", async ({ page }) => {
  const problems = watchConsole(page);
  await freezeClock(page);
  await signUp(page);
  const calendar = await api(page).createCalendar("Team");
  await api(page).createEvent(calendar.id, { title: "Offsite", starts_at: "2026-11-19T09:00:00Z", ends_at: "2026-11-19T17:00:00Z" });
  await api(page).createEvent(calendar.id, { title: "Retro", starts_at: "2026-11-20T16:00:00Z", ends_at: "2026-11-20T17:00:00Z", rrule: "FREQ=WEEKLY;COUNT=3" });
  await openCalendarAt(page, "month", "2026-11-18");
  for (const title of ["Offsite", "Retro"]) {
    await page.getByText(title).first().click();
    await eventDialog(page).getByRole("button", { name: "Delete" }).click();
    if (title === "Retro") {
      const ask = page.getByRole("dialog", { name: "Delete recurring event" });
      await ask.getByRole("radio", { name: "All events" }).check();
      await ask.getByRole("button", { name: /Delete|OK/ }).click();
    } else await page.getByRole("dialog", { name: "Delete event" }).getByRole("button", { name: "Delete" }).click();
    await expect(page.getByText(title)).toHaveCount(0);
  }

  await page.getByRole("button", { name: "Edit calendar Team" }).click();
  await page.getByRole("button", { name: "Trash…" }).click();
  const trash = page.getByRole("dialog", { name: "Trash of “Team”" });
  await expect(trash.getByTestId("trash-item")).toHaveCount(2);
  const axe = await new AxeBuilder({ page }).include("dialog[open]").analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  await trash.getByRole("button", { name: "Restore Retro" }).click();
  await expect(trash.getByTestId("trash-item")).toHaveCount(1);
  await trash.getByRole("button", { name: "Done" }).click();
  await page.getByRole("dialog", { name: "Edit calendar" }).getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByText("Retro")).toHaveCount(3); // Nov 20, 27 and Dec 4 in this month view
  await expect(page.getByText("Offsite")).toHaveCount(0);
  expect(problems).toEqual([]);
});

test("the event dialog asks before discarding unsaved changes (Esc, click outside, Cancel)", async ({ page }) => {
  await freezeClock(page);
  await signUp(page);
  await api(page).createCalendar("Team");
  await openCalendarAt(page, "month", "2026-11-18");
  await page.keyboard.press("n");
  const dialog = eventDialog(page);
  // Untouched: Esc closes at once.
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();

  await page.keyboard.press("n");
  await dialog.getByLabel("Title", { exact: true }).fill("Half-typed");
  await page.keyboard.press("Escape");
  const ask = page.getByRole("dialog", { name: "Discard changes?" });
  await expect(ask).toBeVisible();
  await ask.getByRole("button", { name: "Keep editing" }).click();
  await expect(dialog.getByLabel("Title", { exact: true })).toHaveValue("Half-typed");

  // A click on the backdrop asks too.
  await page.mouse.click(5, 5);
  await expect(ask).toBeVisible();
  await ask.getByRole("button", { name: "Keep editing" }).click();
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(ask).toBeVisible();
  await ask.getByRole("button", { name: "Discard" }).click();
  await expect(dialog).toBeHidden();
});
