"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { EventEnvelope, TrashEnvelope } from "@/lib/api/sweetdate/schemas.ts";
import { calendarKeys, eventKeys } from "./query-keys.ts";
import { request } from "./request.ts";

/** A calendar's trash (`GET …/trash`, first 100) and restoring from it (`POST …/trash/:id/restore`). */
export function useTrash(calendarId: string) {
  const queryClient = useQueryClient();
  const base = `/api/v1/calendars/${encodeURIComponent(calendarId)}/trash`;
  const list = useQuery({
    queryKey: calendarKeys.trash(calendarId),
    queryFn: async ({ signal }) => request(`${base}?limit=100`, TrashEnvelope, { signal }),
  });
  const restore = useMutation({
    mutationFn: async (id: string) => (await request(`${base}/${encodeURIComponent(id)}/restore`, EventEnvelope, { method: "POST" })).event,
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: calendarKeys.trash(calendarId) });
      void queryClient.invalidateQueries({ queryKey: eventKeys.all });
    },
  });
  return { list, restore };
}
