"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { SettingsEnvelope } from "@/lib/api/sweetdate/schemas.ts";
import { accountKeys, adminKeys } from "./query-keys.ts";
import { request } from "./request.ts";

/** The instance settings (the sign-up mode; the instance admin only). */
export function useInstanceSettings(enabled: boolean) {
  return useQuery({
    queryKey: adminKeys.settings(),
    queryFn: async ({ signal }) => (await request("/api/v1/settings", SettingsEnvelope, { signal })).settings,
    enabled,
  });
}

export function useUpdateSignUpMode() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (mode: "open" | "invite" | "closed") => (await request("/api/v1/settings", SettingsEnvelope, { method: "PUT", body: { sign_up: mode } })).settings,
    onSuccess: (settings) => queryClient.setQueryData(adminKeys.settings(), settings),
    onSettled: () => queryClient.invalidateQueries({ queryKey: accountKeys.status() }),
  });
}
