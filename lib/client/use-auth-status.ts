"use client";
import { useQuery } from "@tanstack/react-query";
import { z } from "zod";
import { Ok, User } from "@/lib/api/sweetdate/schemas.ts";
import { accountKeys } from "./query-keys.ts";
import { request } from "./request.ts";

const AuthStatus = Ok.extend({ has_users: z.boolean(), user: User.nullable() });

/** Whether anyone has an account yet (first run) and who is signed in. */
export function useAuthStatus() {
  return useQuery({
    queryKey: accountKeys.status(),
    queryFn: ({ signal }) => request("/api/v1/auth/status", AuthStatus, { signal }),
    staleTime: 10_000,
  });
}
