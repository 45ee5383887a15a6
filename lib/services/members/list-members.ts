import type { CalendarKey, Page, Repos } from "../ports.ts";
import { getCalendar } from "../manage-calendars.ts";
import { productionRepos } from "../repos.ts";

/** The members of a calendar the caller belongs to (404 otherwise), paged. */
export async function listMembers(key: CalendarKey, userId: number, page: Page, repos: Repos = productionRepos) {
  const calendar = await getCalendar(key, userId, repos);
  return { calendar, ...(await repos.calendars.listMembers(calendar.id, page)) };
}
