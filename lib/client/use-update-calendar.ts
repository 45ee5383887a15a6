"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { CalendarEnvelope, type Calendar, type CalendarInput } from "@/lib/api/sweetdate/schemas.ts";
import { calendarKeys, eventKeys } from "./query-keys.ts";
import { request } from "./request.ts";

export function useUpdateCalendar() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, input }: { id: string; input: CalendarInput }) =>
      (await request(`/api/v1/calendars/${encodeURIComponent(id)}`, CalendarEnvelope, { method: "PUT", body: input })).calendar,
    onSuccess: (calendar) =>
      queryClient.setQueryData<Calendar[]>(calendarKeys.list(), (list) => list?.map((c) => (c.id === calendar.id ? calendar : c))),
    onSettled: (calendar) => {
      void queryClient.invalidateQueries({ queryKey: calendarKeys.list() });
      // A new time zone changes new events' defaults, not stored ones; colours come from the list.
      if (calendar) void queryClient.invalidateQueries({ queryKey: eventKeys.details() });
    },
  });
}
