// Subscribed calendars are read-only: their events come from the source URL.
import { readOnly } from "../domain/errors.ts";
import type { Repos } from "./ports.ts";
import { productionRepos } from "./repos.ts";

/** 403 READ_ONLY when the calendar is filled from a subscription. */
export async function assertWritableCalendar(calendarId: number, repos: Pick<Repos, "subscriptions"> = productionRepos): Promise<void> {
  if (await repos.subscriptions.find(calendarId)) throw readOnly();
}
