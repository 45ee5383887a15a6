// An event as one viewer sees it: the instance (a single event, a series, or one occurrence of a
// series) and what the access rule lets that viewer see of it. Pure; every read path ends here.
import { eventAccess, redactBusy } from "./access.ts";
import type { Rsvp } from "./enums.ts";
import type { EventAccess, EventRecord, Viewer } from "./types.ts";

export interface OccurrenceInfo {
  seriesId: number;
  seriesUuid: string;
  originalStartsAt: Date;
  /** 1-based position in the series (Kona num_in_series); null when not cheaply known. */
  index: number | null;
  /** The series' first start (DTSTART): lets a dialect describe the rule from any occurrence. */
  seriesStartsAt?: Date;
}

/** An event as one caller sees it at one time: a single event, a series, or one occurrence. */
export interface EventInstance {
  event: EventRecord;
  occurrence: OccurrenceInfo | null;
}

export interface VisibleEvent extends EventInstance {
  access: EventAccess;
  /** The viewer's own answer when invited to the event (null when not a participant). */
  rsvp: Rsvp | null;
}

/** What `viewer` may see of one instance (null = nothing; busy blocks are redacted). */
export function present(instance: EventInstance, viewer: Viewer): VisibleEvent | null {
  const access = eventAccess(instance.event, viewer);
  if (access.see === "none") return null;
  const event = access.see === "busy" ? redactBusy(instance.event) : instance.event;
  const rsvp = instance.event.participants.find((p) => p.userId === viewer.userId)?.rsvp ?? null;
  return { ...instance, event, access, rsvp };
}
