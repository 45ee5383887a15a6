"use client";
import { useQuery } from "@tanstack/react-query";
import { CalendarsEnvelope, type Calendar } from "@/lib/api/sweetdate/schemas.ts";
import { calendarKeys } from "./query-keys.ts";
import { request } from "./request.ts";

/** All of the caller's calendars (paged through; most people have a handful). */
export function useCalendars() {
  return useQuery({
    queryKey: calendarKeys.list(),
    queryFn: async ({ signal }) => {
      const calendars: Calendar[] = [];
      for (let offset = 0; ; offset += 100) {
        const page = await request(`/api/v1/calendars?limit=100&offset=${offset}`, CalendarsEnvelope, { signal });
        calendars.push(...page.calendars);
        if (calendars.length >= page.meta.total || page.calendars.length === 0) return calendars;
      }
    },
    staleTime: 60_000,
  });
}
