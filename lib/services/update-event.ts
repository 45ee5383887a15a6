// Changing an event: a single event, or an occurrence / series with scope this | following | all.
import { writableOf, type EventWrite } from "../domain/event-model.ts";
import { invalid, type FieldErrors } from "../domain/errors.ts";
import type { EventInput } from "../domain/event-rules.ts";
import type { EventRecord, Viewer } from "../domain/types.ts";
import type { VisibleEvent } from "../domain/visible.ts";
import { shiftDates, shiftSeries } from "../recurrence/scope.ts";
import { mergeAndCheck, participantsOf } from "./event-fields.ts";
import { resolveEvent, type EventRef, type ResolvedEvent } from "./get-event.ts";
import { splitAt } from "./occurrences.ts";
import type { Repos } from "./ports.ts";
import { productionRepos } from "./repos.ts";
import { followSeries } from "./series-overrides.ts";
import { spreadAudience } from "./series-audience.ts";
import { guard, resolveLocked, resolveWritable, type Scope } from "./write-guard.ts";

export type { Scope } from "./write-guard.ts";

export async function updateEvent(ref: EventRef, viewer: Viewer, input: EventInput, scope: Scope | undefined, ifMatch?: number, repos: Repos = productionRepos): Promise<VisibleEvent> {
  const seen = await resolveWritable(ref, viewer, ifMatch, repos);
  const target = await guard(ifMatch, () =>
    repos.transaction(async (tx) => {
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
  return (await resolveEvent(target, viewer, repos)).visible;
}

async function applyChange(stored: EventRecord, input: EventInput, tx: Repos): Promise<EventRef> {
  const errors: FieldErrors = {};
  const fields = mergeAndCheck(writableOf(stored), input, errors);
  const participants = await participantsOf(input, fields.defaultRole, errors, tx.users);
  if (Object.keys(errors).length) throw invalid(errors);
  await tx.events.update(stored, changed(writableOf(stored), fields));
  if (participants) await replaceParticipants(stored, participants, tx);
  return { id: stored.id };
}

async function replaceParticipants(event: EventRecord, participants: { userId: number; role: string }[], tx: Repos) {
  const current = await tx.events.findById(event.id);
  for (const p of current?.participants ?? []) if (!participants.some((n) => n.userId === p.userId)) await tx.events.removeParticipant(event, p.userId);
  for (const p of participants) await tx.events.setParticipant(event, p.userId, p.role, undefined);
}

function changed(before: EventWrite, after: EventWrite): Partial<EventWrite> {
  const diff: Partial<EventWrite> = {};
  for (const key of Object.keys(after) as (keyof EventWrite)[]) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) (diff as Record<string, unknown>)[key] = after[key];
  }
  return diff;
}

/** `this`: the occurrence becomes (or stays) an override with its own changes. */
async function changeThis(resolved: ResolvedEvent, input: EventInput, tx: Repos): Promise<EventRef> {
  const { stored, series } = resolved;
  const occurrence = resolved.visible.occurrence!;
  if (stored.id !== series!.id) return applyChange(stored, { ...input, rrule: null }, tx);
  const base = { ...writableOf(series!), rrule: null, exdates: [], rdates: [], recurrenceEndsAt: null, startsAt: occurrence.originalStartsAt, endsAt: new Date(occurrence.originalStartsAt.getTime() + series!.endsAt.getTime() - series!.startsAt.getTime()) };
  const errors: FieldErrors = {};
  const fields = mergeAndCheck(base, { ...input, rrule: null }, errors);
  const participants = await participantsOf(input, fields.defaultRole, errors, tx.users);
  if (Object.keys(errors).length) throw invalid(errors);
  const override = await tx.events.insert({
      ...fields,
      calendarId: series!.calendarId,
      creatorId: series!.creatorId,
      seriesId: series!.id,
      originalStartsAt: occurrence.originalStartsAt,
      participants: participants ?? series!.participants.map((p) => ({ userId: p.userId, role: p.role })),
    });
  await tx.events.touch(series!.id);
  return { id: override.id };
}

/** `following`: the series ends before this occurrence; a new series starts here with the change. */
async function changeFollowing(resolved: ResolvedEvent, input: EventInput, tx: Repos): Promise<EventRef> {
  const series = resolved.series!;
  const cut = resolved.visible.occurrence!.originalStartsAt;
  const { head, tail } = splitAt(series, cut);
  const tailBase: EventWrite = { ...writableOf(series), ...tail };
  const errors: FieldErrors = {};
  const fields = mergeAndCheck(tailBase, input, errors);
  const participants = await participantsOf(input, fields.defaultRole, errors, tx.users);
  if (Object.keys(errors).length) throw invalid(errors);
  await tx.events.update(series, head);
  const created = await tx.events.insert(
    { ...fields, calendarId: series.calendarId, creatorId: series.creatorId, participants: participants ?? series.participants.map((p) => ({ userId: p.userId, role: p.role })) },
  );
  await moveOverrides(series, created, cut, tx);
  // The moved overrides follow the new series as they would a scope=all change of the tail.
  await followSeries({ ...series, ...tailBase, id: created.id }, created, tx);
  await spreadAudience(series, created.id, tx);
  return { uuid: created.uuid };
}

async function moveOverrides(from: EventRecord, to: EventRecord, cut: Date, tx: Repos): Promise<void> {
  const moving = (await tx.events.findOverrides([from.id])).filter((o) => o.originalStartsAt! >= cut);
  await tx.events.moveOverrides(moving, to.id);
}

/** `all`: change the series; a move shifts every occurrence alike and re-keys overrides and EXDATEs. */
async function changeAll(resolved: ResolvedEvent, input: EventInput, tx: Repos): Promise<EventRef> {
  const series = resolved.series!;
  const occurrence = resolved.visible.occurrence;
  // Times in the input are those of the addressed occurrence: turn them into a series shift.
  const shifted: EventInput = occurrence ? { ...input, ...shiftSeries(series, occurrence.originalStartsAt, input) } : { ...input };
  // RDATEs move with the series (they are instants, not occurrence numbers).
  const startShift = (shifted.startsAt?.getTime() ?? series.startsAt.getTime()) - series.startsAt.getTime();
  if (startShift !== 0 && series.rdates.length && shifted.rdates === undefined) shifted.rdates = shiftDates(series.rdates, startShift);
  const ref = await applyChange(series, shifted, tx);
  const after = (await tx.events.findById(series.id))!;
  await followSeries(series, after, tx);
  await spreadAudience(series, series.id, tx);
  return occurrence ? { uuid: series.uuid } : ref;
}
