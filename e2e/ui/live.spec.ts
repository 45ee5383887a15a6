import { expect, test, type Page, type Request } from "@playwright/test";
import { EventEnvelope, MemberEnvelope, UserEnvelope } from "../../lib/api/sweetdate/schemas.ts";
import { api, center, dayCell, drag, freezeClock, openCalendarAt, signUp, watchConsole } from "./ui-helpers.ts";

test("live updates: one user drags an event, another user's open month view shows it moved without a reload", async ({ browser }) => {
  const ownerContext = await browser.newContext();
  const viewerContext = await browser.newContext();
  try {
    const owner = await ownerContext.newPage();
    const viewer = await viewerContext.newPage();
    const problems = [...watchConsole(owner), ...watchConsole(viewer)];
    await freezeClock(owner);
    await freezeClock(viewer);
    await signUp(owner, "Owner Olga");
    await signUp(viewer, "Viewer Vic");
    const viewerId = (await api(viewer).json("GET", "/api/v1/me", UserEnvelope)).user.id;
    const client = api(owner);
    const team = await client.createCalendar("Team");
    await client.json("POST", `/api/v1/calendars/${team.id}/users`, MemberEnvelope, { user_id: viewerId, role: "member" });
    const review = await client.createEvent(team.id, { title: "Design review", starts_at: "2026-11-17T14:00:00Z", ends_at: "2026-11-17T15:00:00Z" });

    await openCalendarAt(viewer, "month", "2026-11-18");
    await expect(dayCell(viewer, "2026-11-17").getByText("Design review")).toBeVisible();
    // A marker on the window: it survives only if the page is never reloaded.
    await viewer.evaluate(() => ((window as unknown as { liveMarker: number }).liveMarker = 42));

    await openCalendarAt(owner, "month", "2026-11-18");
    await drag(owner, await center(owner.getByText("Design review")), await center(dayCell(owner, "2026-11-20")));
    await expect.poll(async () => (await client.getEvent(team.id, review.id)).starts_at).toBe("2026-11-20T14:00:00Z");

    await expect(dayCell(viewer, "2026-11-20").getByText("Design review")).toBeVisible();
    await expect(dayCell(viewer, "2026-11-17").getByText("Design review")).toHaveCount(0);
    expect(await viewer.evaluate(() => (window as unknown as { liveMarker?: number }).liveMarker)).toBe(42);

    // An edit through the API (any client) shows up too.
    await client.json("PUT", `/api/v1/calendars/${team.id}/events/${review.id}`, EventEnvelope, { title: "Design review (moved)" });
    await expect(dayCell(viewer, "2026-11-20").getByText("Design review (moved)")).toBeVisible();
    expect(problems).toEqual([]);
  } finally {
    await ownerContext.close();
    await viewerContext.close();
  }
});

test("live updates: the tabs of one browser share a single stream, and each tab refreshes", async ({ context }) => {
  // Streams counted while open: a page that navigates (sign-up lands on the calendar, then we open a
  // date) aborts its stream, which is not a second one.
  const open = new Map<Request, Page>();
  context.on("request", (request) => {
    if (new URL(request.url()).pathname === "/api/v1/stream") open.set(request, request.frame().page());
  });
  const ended = (request: Request) => open.delete(request);
  context.on("requestfinished", ended);
  context.on("requestfailed", ended);
  const openIn = (page: Page) => [...open.values()].filter((p) => p === page).length;

  const first = await context.newPage();
  await freezeClock(first);
  await signUp(first);
  const client = api(first);
  const team = await client.createCalendar("Team");
  await openCalendarAt(first, "month", "2026-11-18");
  await expect.poll(() => openIn(first)).toBe(1);
  const second = await context.newPage();
  await freezeClock(second);
  await openCalendarAt(second, "month", "2026-11-18");

  await client.createEvent(team.id, { title: "Shared news", starts_at: "2026-11-19T09:00:00Z", ends_at: "2026-11-19T10:00:00Z" });
  await expect(dayCell(first, "2026-11-19").getByText("Shared news")).toBeVisible();
  await expect(dayCell(second, "2026-11-19").getByText("Shared news")).toBeVisible();
  // The second tab got the change from the first tab's stream; it never opened its own.
  expect(openIn(second)).toBe(0);
  expect(openIn(first)).toBe(1);

  // The tab holding the stream closes: the other takes it over and keeps refreshing.
  await first.close();
  await expect.poll(() => openIn(second)).toBe(1);
  await client.createEvent(team.id, { title: "After handover", starts_at: "2026-11-20T09:00:00Z", ends_at: "2026-11-20T10:00:00Z" });
  await expect(dayCell(second, "2026-11-20").getByText("After handover")).toBeVisible();
});
