"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { UserEnvelope } from "@/lib/api/sweetdate/schemas.ts";
import { accountKeys, eventKeys } from "./query-keys.ts";
import { request } from "./request.ts";

export function useUpdateMe() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: { name?: string; time_zone?: string }) =>
      (await request("/api/v1/me", UserEnvelope, { method: "PUT", body: input })).user,
    onSuccess: (user) => {
      queryClient.setQueryData(accountKeys.me(), user);
      // Ranges are keyed by instants of the old zone's days: start afresh.
      void queryClient.invalidateQueries({ queryKey: eventKeys.all });
    },
  });
}
