"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { EventEnvelope, type Event, type EventInput } from "@/lib/api/sweetdate/schemas.ts";
import { overlaps } from "./optimistic-events.ts";
import { eventKeys } from "./query-keys.ts";
import { request } from "./request.ts";

export function useCreateEvent() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ calendarId, input }: { calendarId: string; input: EventInput }) =>
      (await request(`/api/v1/calendars/${encodeURIComponent(calendarId)}/events`, EventEnvelope, { method: "POST", body: input })).event,
    onSuccess: (event) => {
      // A single event shows at once in the ranges it falls in; a series waits for the refetch.
      if (event.rrule) return;
      for (const [key, list] of queryClient.getQueriesData<Event[]>({ queryKey: eventKeys.ranges() })) {
        const [, , from, to] = key as readonly [string, string, string, string];
        if (list && overlaps(event, from, to)) queryClient.setQueryData<Event[]>(key, [...list, event]);
      }
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: eventKeys.all }),
  });
}
