"use client";
import { useMutation } from "@tanstack/react-query";
import { Ok } from "@/lib/api/sweetdate/schemas.ts";
import { request } from "./request.ts";

/** Ends the session. Callers then load /sign-in in full, which discards the query cache with the
 * page (clearing it here first would make mounted queries refetch into 401s). */
export function useSignOut() {
  return useMutation({
    mutationFn: () => request("/api/v1/auth/sign-out", Ok, { method: "POST", body: {} }),
  });
}
