"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Ok, type Event } from "@/lib/api/sweetdate/schemas.ts";
import { defaultScope, removeEvents, type Scope } from "./optimistic-events.ts";
import { eventKeys } from "./query-keys.ts";
import { request } from "./request.ts";

/** DELETE with the same optimistic cycle as updates: gone at once, back if the server says no. */
export function useDeleteEvent() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ event, scope }: { event: Event; scope?: Scope | undefined }) => {
      const query = scope && event.recurring_event_id ? `?scope=${scope}` : "";
      return request(`/api/v1/calendars/${encodeURIComponent(event.calendar_id)}/events/${encodeURIComponent(event.id)}${query}`, Ok, { method: "DELETE" });
    },
    onMutate: async ({ event, scope }) => {
      await queryClient.cancelQueries({ queryKey: eventKeys.ranges() });
      const snapshot = queryClient.getQueriesData<Event[]>({ queryKey: eventKeys.ranges() });
      queryClient.setQueriesData<Event[]>({ queryKey: eventKeys.ranges() }, (list) => list && removeEvents(list, event, scope ?? defaultScope(event)));
      return { snapshot };
    },
    onError: (_error, _variables, context) => {
      for (const [key, list] of context?.snapshot ?? []) queryClient.setQueryData(key, list);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: eventKeys.all }),
  });
}
