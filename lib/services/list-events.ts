// Listing: stored events (a series once) or, with a window, the occurrences overlapping it.
import { invalid } from "../domain/errors.ts";
import type { Viewer } from "../domain/types.ts";
import { present, type VisibleEvent } from "../domain/visible.ts";
import { MAX_WINDOW_DAYS, windowProblem } from "../domain/time.ts";
import { expandSeries, overrideInstance, type EventInstance } from "./occurrences.ts";
import type { Repos, WindowRows } from "./ports.ts";
import { productionRepos } from "./repos.ts";

export interface ListEventsInput {
  viewer: Viewer;
  calendarId?: number | undefined;
  q?: string | undefined;
  window?: { from: Date; to: Date } | undefined;
  orderBy?: "starts_at" | "created_at" | "updated_at";
  limit: number;
  offset: number;
}

/** The service's own guard (the dialects' window schema, lib/api/window.ts, checks the same rule first). */
export function checkWindow(window: { from: Date; to: Date }, names = { from: "from", to: "to" }): void {
  const problem = windowProblem(window);
  if (problem === "order") throw invalid({ [names.to]: [`must be after ${names.from}`] });
  if (problem === "span") throw invalid({ [names.to]: [`the window may span at most ${MAX_WINDOW_DAYS} days`] });
}

export interface ListedEvents {
  items: VisibleEvent[];
  total: number;
  /**
   * The whole window as kept by the read cache (frozen; the same array for as long as the window is
   * unchanged), of which `items` is a page: a dialect may keep a page's JSON beside it.
   */
  shared?: readonly VisibleEvent[];
}

export async function listEvents(input: ListEventsInput, repos: Repos = productionRepos): Promise<ListedEvents> {
  const { viewer, window } = input;
  if (!window) {
    const { events, total } = await repos.events.findEvents(input);
    return { items: events.map((event) => present({ event, occurrence: null }, viewer)).filter((v) => v !== null), total };
  }
  checkWindow(window);
  // The window as this viewer sees it, expanded and sorted, is kept (frozen) until one of the
  // calendars it read changes (lib/db/read-cache.ts); the key holds everything it depends on.
  const roles = [...viewer.roles].map(([id, role]) => `${id}${role[0]}`).join(",");
  const orderBy = input.orderBy ?? "starts_at";
  const key = `window:${viewer.userId}:${roles}:${input.calendarId ?? ""}:${window.from.getTime()}:${window.to.getTime()}:${input.q ?? ""}:${orderBy}`;
  const visible = await repos.cache.read(key, input.calendarId, async () => {
    const instances = instancesInWindow(await repos.events.findWindow(viewer, window, input.calendarId, input.q), window);
    const seen = instances.map((i) => present(i, viewer)).filter((v): v is VisibleEvent => v !== null);
    sortInstances(seen, orderBy);
    return seen;
  });
  const page = visible.slice(input.offset, input.offset + input.limit);
  return Object.isFrozen(visible) ? { items: page, total: visible.length, shared: visible } : { items: page, total: visible.length };
}

/** Expands the series among the window's rows and places overrides as the occurrences they replace. */
export function instancesInWindow({ events, overrides, parents }: WindowRows, window: { from: Date; to: Date }): EventInstance[] {
  const seriesById = new Map([...events, ...parents].filter((s) => s.rrule !== null && s.seriesId === null).map((s) => [s.id, s]));
  const replaced = new Map<number, Set<number>>();
  for (const o of overrides) {
    if (!replaced.has(o.seriesId!)) replaced.set(o.seriesId!, new Set());
    replaced.get(o.seriesId!)!.add(o.originalStartsAt!.getTime());
  }
  const result: EventInstance[] = [];
  for (const event of events) {
    if (event.rrule !== null && event.seriesId === null) {
      result.push(...expandSeries(event, replaced.get(event.id) ?? new Set(), window));
    } else if (event.seriesId !== null) {
      const parent = seriesById.get(event.seriesId);
      result.push(parent ? overrideInstance(event, parent) : { event, occurrence: null });
    } else {
      result.push({ event, occurrence: null });
    }
  }
  return result;
}

function sortInstances(items: VisibleEvent[], orderBy: "starts_at" | "created_at" | "updated_at"): void {
  const key = (v: VisibleEvent) =>
    orderBy === "starts_at" ? v.event.startsAt.getTime() : -(orderBy === "created_at" ? v.event.createdAt : v.event.updatedAt).getTime();
  items.sort((a, b) => key(a) - key(b) || a.event.id - b.event.id);
}
