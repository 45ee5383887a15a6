// Events the viewer may see but not change open read-only and cannot be dragged; busy blocks
// show as "Busy" with times only.
import { expect, test } from "@playwright/test";
import { MemberEnvelope, UserEnvelope } from "../../lib/api/sweetdate/schemas.ts";
import { BASE_URL, newCalendar, newUser } from "../helpers.ts";
import { api, center, dayCell, drag, freezeClock, openCalendarAt, signUp, watchConsole } from "./ui-helpers.ts";

test("a guest sees read-only events and busy blocks", async ({ page, request }) => {
  const problems = watchConsole(page);
  await freezeClock(page);
  await signUp(page, "Guest Viewer");
  const me = (await api(page).json("GET", "/api/v1/me", UserEnvelope)).user;

  const owner = await newUser(null, { name: "Owner" });
  const shared = await newCalendar(request, owner, { name: "Board", color: "#8b5cf6" });
  const added = await request.post(`${BASE_URL}/api/v1/calendars/${shared.id}/users`, { headers: owner.auth, data: { user_id: me.id, role: "guest" } });
  MemberEnvelope.parse(await added.json());
  const create = (data: Record<string, unknown>) => request.post(`${BASE_URL}/api/v1/calendars/${shared.id}/events`, { headers: owner.auth, data });
  const board = await (await create({ title: "Board meeting", starts_at: "2026-11-17T14:00:00Z", ends_at: "2026-11-17T15:00:00Z", location: "HQ", reminders: [{ minutes_before: 15 }, { minutes_before: 1440 }] })).json();
  await create({ title: "Secret interview", starts_at: "2026-11-18T10:00:00Z", ends_at: "2026-11-18T11:00:00Z", visibility: "busy", description: "candidate X", reminders: [{ minutes_before: 5 }] });

  let puts = 0;
  page.on("request", (r) => {
    if (r.method() === "PUT") puts += 1;
  });
  await openCalendarAt(page, "month", "2026-11-18");
  await expect(page.getByRole("checkbox", { name: "Board" })).toBeChecked();
  await expect(page.getByText("Secret interview")).toHaveCount(0);
  await expect(dayCell(page, "2026-11-18").getByText("Busy")).toBeVisible();

  // Not draggable: a drag leaves it where it was and sends nothing.
  await drag(page, await center(page.getByRole("button", { name: /Board meeting/ })), await center(dayCell(page, "2026-11-20")));
  await expect(dayCell(page, "2026-11-17").getByText("Board meeting")).toBeVisible();
  expect(puts).toBe(0);

  await page.getByRole("button", { name: /Board meeting/ }).click();
  const details = page.getByRole("dialog", { name: "Board meeting" });
  await expect(details).toContainText("You can see this event but not change it.");
  await expect(details).toContainText("HQ");
  await expect(details).toContainText("Reminders15 minutes before, 1 day before");
  await expect(details.getByRole("button", { name: "Save" })).toHaveCount(0);
  await details.getByRole("button", { name: "Close" }).first().click();

  await page.getByRole("button", { name: /Busy/ }).click();
  const busy = page.getByRole("dialog", { name: "Busy" });
  await expect(busy).toContainText("Someone is busy at this time");
  await expect(busy).not.toContainText("candidate X");
  await expect(busy).not.toContainText("Reminders");
  await page.keyboard.press("Escape");
  await expect(busy).toBeHidden();

  const stored = await request.get(`${BASE_URL}/api/v1/calendars/${shared.id}/events/${board.event.id}`, { headers: owner.auth });
  expect((await stored.json()).event.starts_at).toBe("2026-11-17T14:00:00Z");
  expect(problems).toEqual([]);
});
