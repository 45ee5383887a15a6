"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { EventEnvelope, type Event, type EventInput } from "@/lib/api/sweetdate/schemas.ts";
import { defaultScope, patchEvents, type EventPatch, type Scope } from "./optimistic-events.ts";
import { eventKeys } from "./query-keys.ts";
import { request } from "./request.ts";

export interface UpdateEventVariables {
  event: Event;
  input: EventInput;
  scope?: Scope | undefined;
}

function patchOf(input: EventInput): EventPatch {
  const { participant_ids: _p, editor_ids: _e, recurrence_rule: _r, ...rest } = input;
  const patch: EventPatch = { ...rest } as EventPatch;
  // Wire input may carry dates for all-day events; the cache holds instants.
  for (const key of ["starts_at", "ends_at"] as const) {
    const value = patch[key];
    if (value && /^\d{4}-\d{2}-\d{2}$/.test(value)) patch[key] = `${value}T00:00:00Z`;
  }
  return patch;
}

/**
 * PUT with an optimistic cache update: cancel in-flight range queries → snapshot → setQueryData →
 * roll back on error → refetch on settle. Used by drag, resize and the event dialog.
 */
export function useUpdateEvent() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ event, input, scope }: UpdateEventVariables) => {
      const query = scope && event.recurring_event_id ? `?scope=${scope}` : "";
      const path = `/api/v1/calendars/${encodeURIComponent(event.calendar_id)}/events/${encodeURIComponent(event.id)}${query}`;
      return (await request(path, EventEnvelope, { method: "PUT", body: input })).event;
    },
    onMutate: async ({ event, input, scope }) => {
      await queryClient.cancelQueries({ queryKey: eventKeys.ranges() });
      const snapshot = queryClient.getQueriesData<Event[]>({ queryKey: eventKeys.ranges() });
      const patch = patchOf(input);
      queryClient.setQueriesData<Event[]>({ queryKey: eventKeys.ranges() }, (list) => list && patchEvents(list, event, patch, scope ?? defaultScope(event)));
      return { snapshot };
    },
    onError: (_error, _variables, context) => {
      for (const [key, list] of context?.snapshot ?? []) queryClient.setQueryData(key, list);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: eventKeys.all }),
  });
}
