"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Ok } from "@/lib/api/sweetdate/schemas.ts";
import { accountKeys } from "./query-keys.ts";
import { request } from "./request.ts";

export function useRevokeToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => request(`/api/v1/tokens/${encodeURIComponent(id)}`, Ok, { method: "DELETE" }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: accountKeys.tokens() }),
  });
}
