"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { TokenEnvelope } from "@/lib/api/sweetdate/schemas.ts";
import { accountKeys } from "./query-keys.ts";
import { request } from "./request.ts";

/** Creates a token; the returned secret is shown once and never stored in the cache. */
export function useCreateToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (name: string) => (await request("/api/v1/tokens", TokenEnvelope, { method: "POST", body: { name } })).token,
    onSettled: () => queryClient.invalidateQueries({ queryKey: accountKeys.tokens() }),
  });
}
