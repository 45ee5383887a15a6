"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { EventUserEnvelope, type Event, type EventUser } from "@/lib/api/sweetdate/schemas.ts";
import { eventKeys } from "./query-keys.ts";
import { request } from "./request.ts";

export type RsvpAnswer = Exclude<EventUser["rsvp"], "needs_action">;

/** The caller answers an invitation: PUT …/events/:id/users/:me { rsvp }. */
export function useRsvp(meId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ event, rsvp }: { event: Event; rsvp: RsvpAnswer }) =>
      (
        await request(`/api/v1/calendars/${encodeURIComponent(event.calendar_id)}/events/${encodeURIComponent(event.id)}/users/${encodeURIComponent(meId)}`, EventUserEnvelope, {
          method: "PUT",
          body: { rsvp },
        })
      ).user,
    onSuccess: (_user, { event, rsvp }) => {
      // The answer covers the whole series: mark every cached occurrence of it at once.
      const series = event.recurring_event_id ?? event.id;
      queryClient.setQueriesData<Event[]>({ queryKey: eventKeys.ranges() }, (list) =>
        list?.map((e) => ((e.recurring_event_id ?? e.id) === series ? { ...e, rsvp } : e)),
      );
    },
    onSettled: () => void queryClient.invalidateQueries({ queryKey: eventKeys.all }),
  });
}
