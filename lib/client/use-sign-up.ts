"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { UserEnvelope } from "@/lib/api/sweetdate/schemas.ts";
import { accountKeys } from "./query-keys.ts";
import { request } from "./request.ts";

export interface SignUpInput {
  email: string;
  password: string;
  name?: string;
  time_zone?: string;
  /** The secret from an invitation link (`/sign-up?invitation=…`). */
  invitation?: string;
}

export function useSignUp() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: SignUpInput) => (await request("/api/v1/auth/sign-up", UserEnvelope, { method: "POST", body: input })).user,
    onSuccess: (user) => {
      queryClient.clear();
      queryClient.setQueryData(accountKeys.me(), user);
    },
  });
}
