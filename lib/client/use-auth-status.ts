"use client";
import { useQuery } from "@tanstack/react-query";
import { AuthStatus } from "@/lib/api/sweetdate/schemas.ts";
import { accountKeys } from "./query-keys.ts";
import { request } from "./request.ts";

/** Whether anyone has an account yet (first run), the sign-up mode, whether the caller is the admin, and who is signed in. */
export function useAuthStatus() {
  return useQuery({
    queryKey: accountKeys.status(),
    queryFn: ({ signal }) => request("/api/v1/auth/status", AuthStatus, { signal }),
    staleTime: 10_000,
  });
}
