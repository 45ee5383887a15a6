// Subscribed calendars are read-only: their events come from the source URL.
import { findSubscription } from "../db/ical-repository.ts";
import { readOnly } from "../domain/errors.ts";

/** 403 READ_ONLY when the calendar is filled from a subscription. */
export async function assertWritableCalendar(calendarId: number): Promise<void> {
  if (await findSubscription(calendarId)) throw readOnly();
}
