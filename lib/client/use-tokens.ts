"use client";
import { useQuery } from "@tanstack/react-query";
import { TokensEnvelope } from "@/lib/api/sweetdate/schemas.ts";
import { accountKeys } from "./query-keys.ts";
import { request } from "./request.ts";

export function useTokens() {
  return useQuery({
    queryKey: accountKeys.tokens(),
    queryFn: async ({ signal }) => (await request("/api/v1/tokens", TokensEnvelope, { signal })).tokens,
  });
}
