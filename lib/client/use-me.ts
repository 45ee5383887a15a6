"use client";
import { useQuery } from "@tanstack/react-query";
import { UserEnvelope } from "@/lib/api/sweetdate/schemas.ts";
import { accountKeys } from "./query-keys.ts";
import { request } from "./request.ts";

export function useMe() {
  return useQuery({
    queryKey: accountKeys.me(),
    queryFn: async ({ signal }) => (await request("/api/v1/me", UserEnvelope, { signal })).user,
    staleTime: 5 * 60_000,
  });
}
