// A calendar with an owner, a member and a viewer on in-memory fakes, plus helpers the service tests share.
import { expect } from "vitest";
import { AppError } from "../../domain/errors.ts";
import type { EventInput } from "../../domain/event-rules.ts";
import type { CalendarRecord, UserRecord } from "../../domain/types.ts";
import type { VisibleEvent } from "../../domain/visible.ts";
import { createEvent } from "../create-event.ts";
import { Fake } from "./fakes.ts";

export const at = (iso: string) => new Date(iso.endsWith("Z") ? iso : `${iso}Z`);

export interface Scenario {
  fake: Fake;
  owner: UserRecord;
  member: UserRecord;
  guest: UserRecord;
  outsider: UserRecord;
  calendar: CalendarRecord;
  /** Creates an event as `who` (the owner by default) through the create use case. */
  create(input: EventInput, who?: UserRecord): Promise<VisibleEvent>;
}

export function scenario(): Scenario {
  const fake = new Fake();
  const owner = fake.addUser("Olga");
  const member = fake.addUser("Max");
  const guest = fake.addUser("Gina");
  const outsider = fake.addUser("Otto");
  const calendar = fake.addCalendar(owner.id);
  fake.addMember(calendar.id, member.id, "member");
  fake.addMember(calendar.id, guest.id, "guest");
  return {
    fake,
    owner,
    member,
    guest,
    outsider,
    calendar,
    create: (input, who = owner) =>
      createEvent(fake.viewer(who.id), fake.calendarAs(calendar.id, who.id), { title: "Standup", startsAt: at("2030-05-06T09:00"), endsAt: at("2030-05-06T09:30"), ...input }, "scheduled", fake.repos),
  };
}

/** The AppError `promise` rejects with (fails the test when it resolves or throws something else). */
export async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, "expected the use case to fail").toBeInstanceOf(AppError);
  return error as AppError;
}
