// Sharing and invitations with two people in two browsers: the owner finds a colleague by exact
// email, makes them a member, changes roles; the colleague is invited to an event, sees it marked
// "needs response", answers; the owner sees the answer. Then the colleague leaves the calendar.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { MembersEnvelope, EventUsersEnvelope } from "../../lib/api/sweetdate/schemas.ts";
import { api, calendarReady, eventDialog, freezeClock, openCalendarAt, signUp, watchConsole } from "./ui-helpers.ts";

async function person(browser: Browser, name: string): Promise<{ page: Page; email: string; problems: string[] }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems = watchConsole(page);
  await freezeClock(page);
  const { email } = await signUp(page, name);
  return { page, email, problems };
}

test("share a calendar, invite to an event, answer the invitation, see the answer, leave", async ({ browser }) => {
  test.setTimeout(120_000);
  const owner = await person(browser, "Olivia Owner");
  const guest = await person(browser, "Gus Colleague");
  const team = await api(owner.page).createCalendar("Team");

  // The owner opens the calendar's dialog and adds Gus by his exact email.
  await openCalendarAt(owner.page, "month", "2026-11-18");
  await owner.page.getByRole("button", { name: "Edit calendar Team" }).click();
  const dialog = owner.page.getByRole("dialog", { name: "Edit calendar" });
  await expect(dialog.getByTestId("member-row")).toHaveCount(1);
  await expect(dialog.getByTestId("member-row").first()).toContainText("Olivia Owner (you)");
  const axe = await new AxeBuilder({ page: owner.page }).include("dialog[open]").analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  await dialog.getByLabel("Add people by name or email").fill(guest.email);
  await dialog.getByRole("button", { name: "Add Gus Colleague" }).click();
  await expect(dialog.getByTestId("member-row")).toHaveCount(2);
  const role = dialog.getByLabel("Role of Gus Colleague");
  await expect(role).toHaveValue("member");
  await role.selectOption("guest");
  await expect(owner.page.getByText("Gus Colleague is now guest")).toBeVisible();
  await role.selectOption("member");
  await expect(owner.page.getByText("Gus Colleague is now member")).toBeVisible();
  const members = await api(owner.page).json("GET", `/api/v1/calendars/${team.id}/users`, MembersEnvelope);
  expect(members.users.map((m) => [m.name, m.role]).sort()).toEqual([["Gus Colleague", "member"], ["Olivia Owner", "owner"]]);
  await dialog.getByRole("button", { name: "Cancel" }).click();

  // The participants picker now has someone to pick: Gus is invited to a new event.
  await owner.page.keyboard.press("n");
  const form = eventDialog(owner.page);
  await form.getByLabel("Title").fill("Quarterly planning");
  await form.getByLabel("Role of Gus Colleague").selectOption("participant");
  await form.getByRole("button", { name: "Save" }).click();
  await expect(form).toBeHidden();

  // Gus sees it marked "needs response" and answers from the event.
  await openCalendarAt(guest.page, "month", "2026-11-18");
  const marked = guest.page.locator(".sd-event-needs-response", { hasText: "Quarterly planning" });
  await expect(marked).toBeVisible();
  await marked.click();
  const invite = guest.page.getByRole("dialog", { name: /Quarterly planning|Edit event/ });
  const answer = invite.getByRole("group", { name: "Your answer" });
  await expect(answer).toContainText("Needs your response");
  const axeInvite = await new AxeBuilder({ page: guest.page }).include("dialog[open]").analyze();
  expect(axeInvite.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  await answer.getByRole("button", { name: "Maybe" }).click();
  await expect(answer.getByRole("button", { name: "Maybe" })).toHaveAttribute("aria-pressed", "true");
  await expect(answer).toContainText("You answered: Maybe");
  await invite.getByRole("button", { name: /Close|Cancel/ }).first().click();
  await expect(guest.page.locator(".sd-event-needs-response", { hasText: "Quarterly planning" })).toHaveCount(0);

  // The organiser sees who answered what.
  await openCalendarAt(owner.page, "month", "2026-11-18");
  await owner.page.getByText("Quarterly planning").first().click();
  const edit = eventDialog(owner.page);
  await expect(edit.getByTestId("rsvp-answer")).toHaveText("Maybe");
  const event = (await api(owner.page).eventsIn("2026-11-01T00:00:00Z", "2026-12-01T00:00:00Z")).find((e) => e.title === "Quarterly planning")!;
  const people = await api(owner.page).json("GET", `/api/v1/calendars/${team.id}/events/${event.id}/users`, EventUsersEnvelope);
  expect(people.users.map((u) => [u.name, u.rsvp])).toEqual([["Gus Colleague", "tentative"]]);
  await edit.getByRole("button", { name: "Cancel" }).click();

  // Gus leaves the calendar: it disappears from his sidebar.
  await guest.page.getByRole("button", { name: "Edit calendar Team" }).click();
  const guestDialog = guest.page.getByRole("dialog", { name: "Edit calendar" });
  await guestDialog.getByRole("button", { name: "Leave" }).click();
  await guest.page.getByRole("dialog", { name: "Leave calendar" }).getByRole("button", { name: "Leave" }).click();
  await expect(guest.page.getByRole("checkbox", { name: "Team" })).toHaveCount(0);
  await calendarReady(guest.page);

  expect(owner.problems).toEqual([]);
  expect(guest.problems).toEqual([]);
});

test("the owner can remove a member; someone without an account is explained, not silently missing", async ({ browser }) => {
  const owner = await person(browser, "Rita Remover");
  const other = await person(browser, "Max Member");
  await api(owner.page).createCalendar("Ops");
  await openCalendarAt(owner.page, "month", "2026-11-18");
  await owner.page.getByRole("button", { name: "Edit calendar Ops" }).click();
  const dialog = owner.page.getByRole("dialog", { name: "Edit calendar" });
  const find = dialog.getByLabel("Add people by name or email");
  await find.fill("nobody-here@example.test");
  await expect(dialog.getByText("No account uses this email address")).toBeVisible();
  await find.fill(other.email);
  await dialog.getByRole("button", { name: "Add Max Member" }).click();
  await expect(dialog.getByTestId("member-row")).toHaveCount(2);
  await dialog.getByRole("button", { name: "Remove Max Member" }).click();
  await owner.page.getByRole("dialog", { name: "Remove member" }).getByRole("button", { name: "Remove" }).click();
  await expect(dialog.getByTestId("member-row")).toHaveCount(1);
});
