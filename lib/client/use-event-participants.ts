"use client";
import { useQuery } from "@tanstack/react-query";
import { EventUsersEnvelope } from "@/lib/api/sweetdate/schemas.ts";
import { eventKeys } from "./query-keys.ts";
import { request } from "./request.ts";

/** Participants of an event (with role and RSVP); only asked for when the dialog opens an editable event. */
export function useEventParticipants(calendarId: string | null, eventId: string | null) {
  return useQuery({
    queryKey: eventKeys.participants(calendarId ?? "", eventId ?? ""),
    enabled: calendarId !== null && eventId !== null,
    queryFn: async ({ signal }) =>
      (await request(`/api/v1/calendars/${encodeURIComponent(calendarId!)}/events/${encodeURIComponent(eventId!)}/users`, EventUsersEnvelope, { signal })).users,
  });
}
