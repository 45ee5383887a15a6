"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { UserEnvelope } from "@/lib/api/sweetdate/schemas.ts";
import { accountKeys } from "./query-keys.ts";
import { request } from "./request.ts";

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: { email: string; password: string }) =>
      (await request("/api/v1/auth/sign-in", UserEnvelope, { method: "POST", body: input })).user,
    onSuccess: (user) => {
      queryClient.clear();
      queryClient.setQueryData(accountKeys.me(), user);
    },
  });
}
