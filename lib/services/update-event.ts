// Changing an event: a single event, or an occurrence / series with scope this | following | all.
import * as events from "../db/event-repository.ts";
import { writableOf, type EventWrite } from "../domain/event-model.ts";
import { lockCalendar } from "../db/change-log.ts";
import type { Tx } from "../db/client.ts";
import { transaction } from "../db/transaction.ts";
import { AppError, forbidden, invalid, readOnly, type FieldErrors } from "../domain/errors.ts";
import type { EventInput } from "../domain/event-rules.ts";
import type { EventRecord, Viewer } from "../domain/types.ts";
import { shiftDates, shiftSeries, splitSeries, type SeriesSplit } from "../recurrence/scope.ts";
import { mergeAndCheck, participantsOf } from "./event-fields.ts";
import { resolveEvent, type EventRef, type ResolvedEvent } from "./get-event.ts";
import { occurrenceIndex } from "./occurrences.ts";
import { followSeries } from "./series-overrides.ts";
import { spreadAudience } from "./series-audience.ts";
import type { VisibleEvent } from "./list-events.ts";

export type Scope = "this" | "following" | "all";

/** Resolves and checks the right to write; 404 when unseen (412 with If-Match), 403 when seen but read-only. */
export async function resolveWritable(ref: EventRef, viewer: Viewer, ifMatch?: number, tx?: Tx): Promise<ResolvedEvent> {
  let resolved: ResolvedEvent;
  try {
    resolved = await resolveEvent(ref, viewer, tx);
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
 * Inside a write transaction: takes the calendar's change lock (every write to an event of the
 * calendar takes it first, so writes to one series run one after another), then resolves `ref`
 * again and works on what it finds. A target a concurrent request removed (the series moved,
 * split or deleted under it) makes this request the loser: 409, or 412 with If-Match — as does any
 * change at all when If-Match names the version read before.
 */
export async function resolveLocked(ref: EventRef, viewer: Viewer, seen: ResolvedEvent, ifMatch: number | undefined, tx: Tx): Promise<ResolvedEvent> {
  await lockCalendar(tx, seen.stored.calendarId);
  try {
    return await resolveWritable(ref, viewer, ifMatch, tx);
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") throw stale(ifMatch);
    throw error;
  }
}

export async function updateEvent(ref: EventRef, viewer: Viewer, input: EventInput, scope: Scope | undefined, ifMatch?: number): Promise<VisibleEvent> {
  const seen = await resolveWritable(ref, viewer, ifMatch);
  const target = await guard(ifMatch, () =>
    transaction(async (tx) => {
      const resolved = await resolveLocked(ref, viewer, seen, ifMatch, tx);
      const occurrence = resolved.visible.occurrence;
      const effective: Scope = scope ?? (occurrence ? "this" : "all");
      if (!resolved.series) return applyChange(resolved.stored, input, tx);
      // The series itself (addressed by its own id) is scope=all whatever the scope says.
      if (!occurrence) return changeAll(resolved, input, tx);
      if (effective === "this") return changeThis(resolved, input, tx);
      if (effective === "following" && occurrence.index !== 1) return changeFollowing(resolved, input, tx);
      return changeAll(resolved, input, tx);
    }),
  );
  return (await resolveEvent(target, viewer)).visible;
}

/** A write that lost a race (the sequence guard of events.updateEvent) is a 409, or 412 with If-Match. */
export async function guard<T>(ifMatch: number | undefined, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof events.ConcurrentUpdateError) throw stale(ifMatch);
    throw error;
  }
}

async function applyChange(stored: EventRecord, input: EventInput, tx: Tx): Promise<EventRef> {
  const errors: FieldErrors = {};
  const fields = mergeAndCheck(writableOf(stored), input, errors);
  const participants = await participantsOf(input, fields.defaultRole, errors, tx);
  if (Object.keys(errors).length) throw invalid(errors);
  await events.updateEvent(stored, changed(writableOf(stored), fields), tx);
  if (participants) await replaceParticipants(stored.id, participants, tx);
  return { id: stored.id };
}

async function replaceParticipants(eventId: number, participants: { userId: number; role: string }[], tx: Tx) {
  const current = await events.findEventById(eventId, tx);
  for (const p of current?.participants ?? []) if (!participants.some((n) => n.userId === p.userId)) await events.removeParticipant(eventId, p.userId, tx);
  for (const p of participants) await events.setParticipant(eventId, p.userId, p.role, undefined, tx);
}

function changed(before: EventWrite, after: EventWrite): Partial<EventWrite> {
  const diff: Partial<EventWrite> = {};
  for (const key of Object.keys(after) as (keyof EventWrite)[]) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) (diff as Record<string, unknown>)[key] = after[key];
  }
  return diff;
}

/** `this`: the occurrence becomes (or stays) an override with its own changes. */
async function changeThis(resolved: ResolvedEvent, input: EventInput, tx: Tx): Promise<EventRef> {
  const { stored, series } = resolved;
  const occurrence = resolved.visible.occurrence!;
  if (stored.id !== series!.id) return applyChange(stored, { ...input, rrule: null }, tx);
  const base = { ...writableOf(series!), rrule: null, exdates: [], rdates: [], recurrenceEndsAt: null, startsAt: occurrence.originalStartsAt, endsAt: new Date(occurrence.originalStartsAt.getTime() + series!.endsAt.getTime() - series!.startsAt.getTime()) };
  const errors: FieldErrors = {};
  const fields = mergeAndCheck(base, { ...input, rrule: null }, errors);
  const participants = await participantsOf(input, fields.defaultRole, errors, tx);
  if (Object.keys(errors).length) throw invalid(errors);
  const override = await events.insertEvent(
    {
      ...fields,
      calendarId: series!.calendarId,
      creatorId: series!.creatorId,
      seriesId: series!.id,
      originalStartsAt: occurrence.originalStartsAt,
      participants: participants ?? series!.participants.map((p) => ({ userId: p.userId, role: p.role })),
    },
    tx,
  );
  await events.touchEvent(series!.id, tx);
  return { id: override.id };
}

/** `following`: the series ends before this occurrence; a new series starts here with the change. */
async function changeFollowing(resolved: ResolvedEvent, input: EventInput, tx: Tx): Promise<EventRef> {
  const series = resolved.series!;
  const cut = resolved.visible.occurrence!.originalStartsAt;
  const { head, tail } = splitAt(series, cut);
  const tailBase: EventWrite = { ...writableOf(series), ...tail };
  const errors: FieldErrors = {};
  const fields = mergeAndCheck(tailBase, input, errors);
  const participants = await participantsOf(input, fields.defaultRole, errors, tx);
  if (Object.keys(errors).length) throw invalid(errors);
  await events.updateEvent(series, head, tx);
  const created = await events.insertEvent(
    { ...fields, calendarId: series.calendarId, creatorId: series.creatorId, participants: participants ?? series.participants.map((p) => ({ userId: p.userId, role: p.role })) },
    tx,
  );
  await moveOverrides(series, created, cut, tx);
  // The moved overrides follow the new series as they would a scope=all change of the tail.
  await followSeries({ ...series, ...tailBase, id: created.id }, created, tx);
  await spreadAudience(series, created.id, tx);
  return { uuid: created.uuid };
}

/** scope=following at the occurrence starting at `cut` (lib/recurrence/scope.ts does the arithmetic). */
export function splitAt(series: EventRecord, cut: Date): SeriesSplit {
  return splitSeries({ ...series, rrule: series.rrule! }, cut, occurrenceIndex(series, cut) ?? 1);
}

async function moveOverrides(from: EventRecord, to: EventRecord, cut: Date, tx: Tx): Promise<void> {
  for (const o of await events.findOverrides([from.id], tx)) {
    if (o.originalStartsAt! >= cut) await events.moveOverride(o.id, to.id, tx);
  }
}

/** `all`: change the series; a move shifts every occurrence alike and re-keys overrides and EXDATEs. */
async function changeAll(resolved: ResolvedEvent, input: EventInput, tx: Tx): Promise<EventRef> {
  const series = resolved.series!;
  const occurrence = resolved.visible.occurrence;
  // Times in the input are those of the addressed occurrence: turn them into a series shift.
  const shifted: EventInput = occurrence ? { ...input, ...shiftSeries(series, occurrence.originalStartsAt, input) } : { ...input };
  // RDATEs move with the series (they are instants, not occurrence numbers).
  const startShift = (shifted.startsAt?.getTime() ?? series.startsAt.getTime()) - series.startsAt.getTime();
  if (startShift !== 0 && series.rdates.length && shifted.rdates === undefined) shifted.rdates = shiftDates(series.rdates, startShift);
  const ref = await applyChange(series, shifted, tx);
  const after = (await events.findEventById(series.id, tx))!;
  await followSeries(series, after, tx);
  await spreadAudience(series, series.id, tx);
  return occurrence ? { uuid: series.uuid } : ref;
}
