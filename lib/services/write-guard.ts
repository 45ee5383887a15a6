// What every write to an existing event goes through (update, delete, participants): the right to
// write, checked before the transaction for a fast 404/403 and again inside it under the lock.
import { AppError, ConcurrentUpdateError, forbidden, readOnly } from "../domain/errors.ts";
import type { Viewer } from "../domain/types.ts";
import { resolveEvent, type EventRef, type ResolvedEvent } from "./get-event.ts";
import type { Repos } from "./ports.ts";
import { productionRepos } from "./repos.ts";

export type Scope = "this" | "following" | "all";

/** Resolves and checks the right to write; 404 when unseen (412 with If-Match), 403 when seen but read-only. */
export async function resolveWritable(ref: EventRef, viewer: Viewer, ifMatch?: number, repos: Pick<Repos, "events"> = productionRepos): Promise<ResolvedEvent> {
  let resolved: ResolvedEvent;
  try {
    resolved = await resolveEvent(ref, viewer, repos);
  } catch (error) {
    // RFC 9110 §13.1.1: If-Match is false when there is no current representation → 412.
    if (ifMatch !== undefined && error instanceof AppError && error.code === "NOT_FOUND") throw stale(ifMatch);
    throw error;
  }
  if (resolved.stored.icsFeedId !== null) throw readOnly();
  if (!resolved.visible.access.write) throw forbidden("you may not change this event");
  if (ifMatch !== undefined && ifMatch !== resolved.stored.sequence) throw stale(ifMatch);
  return resolved;
}

/** The answer to a write that lost a race: 412 to a client that sent If-Match, 409 (retry) to others. */
export function stale(ifMatch: number | undefined): AppError {
  return ifMatch !== undefined
    ? new AppError("PRECONDITION_FAILED", "the event has changed since you read it (If-Match does not match)")
    : new AppError("CONFLICT", "the event was changed at the same time; read it again and retry");
}

/**
 * Inside a write transaction (`tx`: its repos): takes the calendar's change lock (every write to
 * an event of the calendar takes it first, so writes to one series run one after another), then
 * resolves `ref` again and works on what it finds. A target a concurrent request removed (the
 * series moved, split or deleted under it) makes this request the loser: 409, or 412 with If-Match
 * — as does any change at all when If-Match names the version read before.
 */
export async function resolveLocked(ref: EventRef, viewer: Viewer, seen: ResolvedEvent, ifMatch: number | undefined, tx: Repos): Promise<ResolvedEvent> {
  await tx.changes.lockCalendar(seen.stored.calendarId);
  try {
    return await resolveWritable(ref, viewer, ifMatch, tx);
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") throw stale(ifMatch);
    throw error;
  }
}

/** A write that lost a race (the repository's sequence guard) is a 409, or 412 with If-Match. */
export async function guard<T>(ifMatch: number | undefined, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof ConcurrentUpdateError) throw stale(ifMatch);
    throw error;
  }
}
