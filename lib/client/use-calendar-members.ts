"use client";
import { useQuery } from "@tanstack/react-query";
import { MembersEnvelope, type Member } from "@/lib/api/sweetdate/schemas.ts";
import { calendarKeys } from "./query-keys.ts";
import { request } from "./request.ts";

/** Members of a calendar: the people who can be made participants or editors of its events. */
export function useCalendarMembers(calendarId: string | null) {
  return useQuery({
    queryKey: calendarKeys.members(calendarId ?? ""),
    enabled: calendarId !== null,
    queryFn: async ({ signal }) => {
      const members: Member[] = [];
      for (let offset = 0; ; offset += 100) {
        const page = await request(`/api/v1/calendars/${encodeURIComponent(calendarId!)}/users?limit=100&offset=${offset}`, MembersEnvelope, { signal });
        members.push(...page.users);
        if (members.length >= page.meta.total || page.users.length === 0) return members;
      }
    },
    staleTime: 60_000,
  });
}
