"use client";
import type { Calendar, Event } from "@/lib/api/sweetdate/schemas.ts";
import { describeRecurrence } from "@/lib/client/recurrence-rule.ts";
import { describeOffset } from "@/lib/domain/reminders.ts";
import { formatEventTime, toWallClock, utcDate } from "@/lib/client/zoned-time.ts";
import { labelOf, STAKEHOLDER_CHOICES, STATUS_CHOICES, VISIBILITY_CHOICES } from "./choices.ts";
import { isBusyBlock } from "./to-fullcalendar.ts";

/** The read-only view of an event the caller may see but not change (busy blocks show times only). */
export function EventDetails({ event, calendar, viewerZone }: { event: Event; calendar: Calendar | undefined; viewerZone: string }) {
  const busy = isBusyBlock(event);
  const startDate = event.all_day ? utcDate(event.starts_at) : toWallClock(event.starts_at, event.time_zone).date;
  return (
    <div className="event-details">
      <p className="readonly-note">
        {busy ? "Someone is busy at this time. The details are private." : "You can see this event but not change it."}
      </p>
      <dl>
        <dt>When</dt>
        <dd>
          {formatEventTime(event, viewerZone)}
          {!event.all_day ? <span className="muted"> ({viewerZone})</span> : null}
          {!event.all_day && event.time_zone !== viewerZone ? (
            <div className="muted">
              {formatEventTime(event, event.time_zone)} in {event.time_zone}
            </div>
          ) : null}
        </dd>
        {event.rrule ? (
          <>
            <dt>Repeats</dt>
            <dd>{describeRecurrence(event.rrule, { startDate, zone: event.time_zone, allDay: event.all_day })}</dd>
          </>
        ) : null}
        <dt>Calendar</dt>
        <dd>
          <span className="swatch" style={{ background: calendar?.color ?? "#64748b" }} aria-hidden="true" /> {calendar?.name ?? "Shared with you"}
        </dd>
        {!busy && event.location ? (
          <>
            <dt>Location</dt>
            <dd>{event.location}</dd>
          </>
        ) : null}
        {!busy && event.description ? (
          <>
            <dt>Description</dt>
            <dd className="prewrap">{event.description}</dd>
          </>
        ) : null}
        {event.reminders.length ? (
          <>
            <dt>Reminders</dt>
            <dd>{event.reminders.map((r) => (r.minutes_before === 0 ? "At the start" : `${describeOffset(r.minutes_before)} before`)).join(", ")}</dd>
          </>
        ) : null}
        {!busy ? (
          <>
            <dt>Status</dt>
            <dd>{labelOf(STATUS_CHOICES, event.status)}</dd>
            <dt>Visibility</dt>
            <dd>
              {labelOf(VISIBILITY_CHOICES, event.visibility)} · {labelOf(STAKEHOLDER_CHOICES, event.stakeholder)}
            </dd>
          </>
        ) : null}
      </dl>
    </div>
  );
}
