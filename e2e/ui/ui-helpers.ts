// UI-test helpers: sign up through the real pages, talk to the API with the page's own session
// cookie (plus the Origin header the CSRF check wants), and drive FullCalendar 7 with the mouse.
import { expect, type APIRequestContext, type Locator, type Page } from "@playwright/test";
import type { z } from "zod";
import { CalendarEnvelope, EventEnvelope, EventsEnvelope, type EventInput } from "../../lib/api/sweetdate/schemas.ts";
import { BASE_URL, uniqueEmail } from "../helpers.ts";

export const PASSWORD = "correct-horse-battery";
/** Every UI test runs on this browser clock: the calendar opens in November 2026. */
export const NOW = new Date("2026-11-18T10:00:00Z");

export async function freezeClock(page: Page, now = NOW) {
  await page.clock.setFixedTime(now);
}

/** Fails the test on any console error or uncaught exception (the app must run clean). */
export function watchConsole(page: Page, allow: RegExp[] = []): string[] {
  const problems: string[] = [];
  page.on("console", (message) => {
    if (message.type() !== "error") return;
    // Name the resource for "Failed to load resource" errors, so a failure says what failed.
    const where = message.location().url;
    const text = /^Failed to load resource/.test(message.text()) && where ? `${message.text()} (${where})` : message.text();
    if (!allow.some((re) => re.test(text))) problems.push(text);
  });
  page.on("pageerror", (error) => problems.push(`pageerror: ${error.message}`));
  return problems;
}

export async function signUp(page: Page, name = "Ada Lovelace"): Promise<{ email: string; name: string }> {
  const email = uniqueEmail(name.toLowerCase().replace(/\W+/g, "-"));
  await page.goto("/sign-up");
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await page.waitForURL(/\/calendar/);
  return { email, name };
}

/** The API as the signed-in page: same cookies; writes carry our Origin like the browser's fetch. */
export function api(page: Page) {
  const request: APIRequestContext = page.request;
  const headers = { origin: BASE_URL };
  return {
    async json<T extends z.ZodType>(method: "GET" | "POST" | "PUT" | "DELETE", path: string, schema: T, data?: unknown): Promise<z.output<T>> {
      const response = await request.fetch(`${BASE_URL}${path}`, { method, headers, ...(data === undefined ? {} : { data }) });
      const text = await response.text();
      expect(response.ok(), `${method} ${path} → ${response.status()} ${text}`).toBeTruthy();
      return schema.parse(JSON.parse(text));
    },
    async createCalendar(name: string, color = "#3b82f6") {
      return (await this.json("POST", "/api/v1/calendars", CalendarEnvelope, { name, color })).calendar;
    },
    async createEvent(calendarId: string, input: EventInput) {
      return (await this.json("POST", `/api/v1/calendars/${calendarId}/events`, EventEnvelope, input)).event;
    },
    async getEvent(calendarId: string, id: string) {
      return (await this.json("GET", `/api/v1/calendars/${calendarId}/events/${id}`, EventEnvelope)).event;
    },
    async eventsIn(from: string, to: string) {
      return (await this.json("GET", `/api/v1/events?from=${from}&to=${to}&limit=100`, EventsEnvelope)).events;
    },
  };
}

/** A month-view day cell (FullCalendar 7 hashes class names; data-date is stable). */
export function dayCell(page: Page, date: string): Locator {
  return page.locator(`[role="cell"][data-date="${date}"]`).first();
}

/** Mouse down, a small move, a stepped move to the target, up: what FullCalendar's drag needs. */
export async function drag(page: Page, from: { x: number; y: number }, to: { x: number; y: number }) {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + 4, from.y + 4);
  await page.mouse.move(to.x, to.y, { steps: 20 });
  await page.mouse.up();
}

export async function center(locator: Locator) {
  const box = await locator.boundingBox();
  if (!box) throw new Error("element has no box");
  return { x: box.x + box.width / 2, y: box.y + box.height / 2, box };
}

export async function openCalendarAt(page: Page, view: "month" | "week" | "day" | "list", date: string) {
  await page.goto(`/calendar?view=${view}&date=${date}`);
  await calendarReady(page);
}

/** Account, calendars and the visible range's events have loaded. */
export async function calendarReady(page: Page) {
  await expect(page.locator('main[data-ready="true"]')).toBeVisible();
}

/** The event dialog's controls by label (its time inputs are per-field). */
export function eventDialog(page: Page) {
  return page.getByRole("dialog", { name: /New event|Edit event/ });
}

/** The popover a click or a selection on the calendar opens. */
export function quickCreate(page: Page) {
  return page.getByRole("dialog", { name: "Quick add" });
}

/** From the quick-create popover to the full event dialog, as a person would ("More options"). */
export async function moreOptions(page: Page) {
  await quickCreate(page).getByRole("button", { name: "More options" }).click();
  await expect(quickCreate(page)).toBeHidden();
  return eventDialog(page);
}
