"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Ok } from "@/lib/api/sweetdate/schemas.ts";
import { request } from "./request.ts";

export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => request("/api/v1/auth/sign-out", Ok, { method: "POST", body: {} }),
    onSettled: () => queryClient.clear(),
  });
}
