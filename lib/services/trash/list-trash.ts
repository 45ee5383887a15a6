import { eventAccess } from "../../domain/access.ts";
import type { Viewer } from "../../domain/types.ts";
import { present, type VisibleEvent } from "../../domain/visible.ts";
import { getCalendar } from "../manage-calendars.ts";
import type { Page, Repos } from "../ports.ts";
import { productionRepos } from "../repos.ts";
import { trashCutoff } from "./trash-rules.ts";

export interface TrashItem {
  visible: VisibleEvent;
  deletedAt: Date;
}

/** The calendar's deleted events the caller may restore, newest deletion first, paged. */
export async function listTrash(calendarUuid: string, viewer: Viewer, page: Page, repos: Repos = productionRepos): Promise<{ items: TrashItem[]; total: number }> {
  const calendar = await getCalendar({ uuid: calendarUuid }, viewer.userId, repos);
  const items: TrashItem[] = [];
  for (const trashed of await repos.trash.find(calendar.id, trashCutoff())) {
    const visible = eventAccess(trashed.event, viewer).write ? present({ event: trashed.event, occurrence: null }, viewer) : null;
    if (visible) items.push({ visible, deletedAt: trashed.deletedAt });
  }
  return { items: items.slice(page.offset, page.offset + page.limit), total: items.length };
}
