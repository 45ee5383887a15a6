// `npm run screenshots` (never `npm test`): writes docs/screenshots/*.png — month, week, quick create,
// the mini-month, the event dialog and its time-zone picker, sharing, an invitation and the trash; light and dark; desktop and a 375 px phone. Data
// is made over the API so the pictures show a lived-in calendar.
import { expect, test, type Page } from "@playwright/test";
import path from "node:path";
import { EventEnvelope, MemberEnvelope, Ok } from "../../lib/api/sweetdate/schemas.ts";
import { newUser } from "../helpers.ts";
import { api, dayCell, freezeClock, openCalendarAt, quickCreate, signUp } from "../ui/ui-helpers.ts";

const OUT = path.resolve(import.meta.dirname, "../../docs/screenshots");

async function seed(page: Page) {
  const client = api(page);
  const team = await client.createCalendar("Team", "#3b82f6");
  // A colleague who shares "Team" and invites us to a meeting; a deleted event for the trash.
  const grace = await newUser(page.request, { name: "Grace Hopper" });
  const me = (await page.request.get("/api/v1/me").then((r) => r.json())) as { user: { id: string } };
  await client.json("POST", `/api/v1/calendars/${team.id}/users`, MemberEnvelope, { user_id: grace.id, role: "admin" });
  const invite = await page.request.post(`/api/v1/calendars/${team.id}/events`, {
    headers: grace.auth,
    data: { title: "Architecture sync", starts_at: "2026-11-19T10:00:00Z", ends_at: "2026-11-19T11:00:00Z", participant_ids: [me.user.id] },
  });
  EventEnvelope.parse(await invite.json());
  const old = await client.createEvent(team.id, { title: "Cancelled workshop", starts_at: "2026-11-12T13:00:00Z", ends_at: "2026-11-12T16:00:00Z" });
  await client.json("DELETE", `/api/v1/calendars/${team.id}/events/${old.id}`, Ok);
  const personal = await client.createCalendar("Personal", "#10b981");
  const ops = await client.createCalendar("On-call", "#f59e0b");
  const timed = (title: string, start: string, end: string, extra = {}) =>
    client.createEvent(team.id, { title, starts_at: start, ends_at: end, time_zone: "UTC", ...extra });
  await timed("Stand-up", "2026-11-02T09:00:00Z", "2026-11-02T09:15:00Z", { rrule: "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR" });
  await timed("Design review", "2026-11-17T14:00:00Z", "2026-11-17T15:30:00Z", { location: "Room 4" });
  await timed("Sprint planning", "2026-11-16T10:00:00Z", "2026-11-16T11:30:00Z", { rrule: "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO" });
  await timed("1:1 with Grace", "2026-11-19T15:00:00Z", "2026-11-19T15:30:00Z");
  await timed("Retro", "2026-11-27T16:00:00Z", "2026-11-27T17:00:00Z", { rrule: "FREQ=MONTHLY;BYDAY=-1FR" });
  await client.createEvent(team.id, { title: "Offsite", all_day: true, starts_at: "2026-11-24", ends_at: "2026-11-26" });
  await client.createEvent(personal.id, { title: "Dentist", starts_at: "2026-11-18T08:00:00Z", ends_at: "2026-11-18T08:45:00Z" });
  await client.createEvent(personal.id, { title: "Lunch with Sam", starts_at: "2026-11-20T12:00:00Z", ends_at: "2026-11-20T13:00:00Z", location: "Café Nero" });
  await client.createEvent(personal.id, { title: "Gym", starts_at: "2026-11-03T18:00:00Z", ends_at: "2026-11-03T19:00:00Z", rrule: "FREQ=WEEKLY;BYDAY=TU,TH" });
  await client.createEvent(ops.id, { title: "On-call", all_day: true, starts_at: "2026-11-09", ends_at: "2026-11-14" });
  await client.createEvent(ops.id, { title: "Deploy window", starts_at: "2026-11-18T13:00:00Z", ends_at: "2026-11-18T14:00:00Z" });
}

for (const device of ["desktop", "phone"] as const) {
  for (const scheme of ["light", "dark"] as const) {
    test(`screenshots – ${device}, ${scheme}`, async ({ page }) => {
      test.setTimeout(240_000);
      if (device === "phone") await page.setViewportSize({ width: 375, height: 760 });
      else await page.setViewportSize({ width: 1360, height: 860 });
      await page.emulateMedia({ colorScheme: scheme });
      await freezeClock(page);
      await signUp(page, "Ada Lovelace");
      await seed(page);

      await openCalendarAt(page, "month", "2026-11-18");
      await page.mouse.move(1, 1); // no hover highlight in the pictures
      await expect(page.getByText("Design review").first()).toBeVisible();
      await page.screenshot({ path: `${OUT}/month-${scheme}-${device}.png` });

      // Quick create: a click on a day opens the popover beside it.
      await dayCell(page, "2026-11-28").click(); // a Saturday with nothing on it
      await quickCreate(page).getByLabel("Title", { exact: true }).fill("Team lunch");
      await page.screenshot({ path: `${OUT}/quick-create-${scheme}-${device}.png` });
      await page.keyboard.press("Escape");

      await openCalendarAt(page, "week", "2026-11-18");
      await expect(page.getByText("Lunch with Sam").first()).toBeVisible();
      await page.screenshot({ path: `${OUT}/week-${scheme}-${device}.png` });

      // The mini-month navigator (in the drawer on a phone), showing the week.
      if (device === "phone") {
        await page.getByRole("button", { name: "Show calendars" }).click();
        await page.screenshot({ path: `${OUT}/mini-month-${scheme}-${device}.png` });
        await page.keyboard.press("Escape");
      } else {
        await page.locator(".mini-month").screenshot({ path: `${OUT}/mini-month-${scheme}-${device}.png` });
      }

      if (device === "phone") {
        await openCalendarAt(page, "list", "2026-11-18");
        await expect(page.getByText("Lunch with Sam").first()).toBeVisible();
        await page.screenshot({ path: `${OUT}/list-${scheme}-${device}.png` });
        await openCalendarAt(page, "week", "2026-11-18");
      }

      await page.getByText("Design review").first().click();
      const dialog = page.getByRole("dialog", { name: "Edit event" });
      await expect(dialog).toBeVisible();
      await dialog.getByLabel("Repeat", { exact: true }).selectOption("custom");
      await dialog.getByRole("checkbox", { name: "Thursday" }).check();
      await page.screenshot({ path: `${OUT}/event-dialog-${scheme}-${device}.png` });
      // The time-zone picker, searched by offset.
      await dialog.getByRole("combobox", { name: "Time zone" }).fill("+5:30");
      await dialog.getByRole("listbox", { name: "Time zones" }).scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${OUT}/time-zone-picker-${scheme}-${device}.png` });
      await dialog.getByRole("combobox", { name: "Time zone" }).press("Escape");
      await dialog.getByRole("button", { name: "Cancel" }).click();
      await page.getByRole("dialog", { name: "Discard changes?" }).getByRole("button", { name: "Discard" }).click();

      // An invitation: needs a response.
      await openCalendarAt(page, "week", "2026-11-18");
      await page.getByText("Architecture sync").first().click();
      await expect(page.getByRole("group", { name: "Your answer" })).toBeVisible();
      await page.screenshot({ path: `${OUT}/invitation-${scheme}-${device}.png` });
      await page.keyboard.press("Escape");

      // Sharing and the trash, from the calendar dialog.
      if (device === "phone") await page.getByRole("button", { name: "Show calendars" }).click();
      await page.getByRole("button", { name: "Edit calendar Team" }).click();
      const calendarDialog = page.getByRole("dialog", { name: "Edit calendar" });
      await expect(calendarDialog.getByTestId("member-row")).toHaveCount(2);
      await page.screenshot({ path: `${OUT}/sharing-${scheme}-${device}.png` });
      await calendarDialog.getByRole("button", { name: "Trash…" }).click();
      await expect(page.getByTestId("trash-item")).toHaveCount(1);
      await page.screenshot({ path: `${OUT}/trash-${scheme}-${device}.png` });
    });
  }
}
