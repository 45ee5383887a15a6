"use client";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { UsersEnvelope } from "@/lib/api/sweetdate/schemas.ts";
import { userKeys } from "./query-keys.ts";
import { request } from "./request.ts";

/**
 * People to add to a calendar, by name or email (`GET /api/v1/users?q=`). The directory may only
 * show people who already share a calendar with the caller; an exact email always finds its user.
 */
export function useFindUsers(q: string) {
  const text = q.trim();
  return useQuery({
    queryKey: userKeys.search(text),
    enabled: text.length >= 2,
    queryFn: async ({ signal }) => (await request(`/api/v1/users?q=${encodeURIComponent(text)}&limit=10`, UsersEnvelope, { signal })).users,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}
