"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { CalendarEnvelope, type Calendar, type CalendarInput } from "@/lib/api/sweetdate/schemas.ts";
import { calendarKeys } from "./query-keys.ts";
import { request } from "./request.ts";

export function useCreateCalendar() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: CalendarInput) => (await request("/api/v1/calendars", CalendarEnvelope, { method: "POST", body: input })).calendar,
    onSuccess: (calendar) => queryClient.setQueryData<Calendar[]>(calendarKeys.list(), (list) => [...(list ?? []), calendar]),
    onSettled: () => queryClient.invalidateQueries({ queryKey: calendarKeys.list() }),
  });
}
