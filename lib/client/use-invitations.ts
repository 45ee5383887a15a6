"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { InvitationEnvelope, InvitationsEnvelope, Ok } from "@/lib/api/sweetdate/schemas.ts";
import { adminKeys } from "./query-keys.ts";
import { request } from "./request.ts";

/** Every invitation (the instance admin only). */
export function useInvitations(enabled: boolean) {
  return useQuery({
    queryKey: adminKeys.invitations(),
    queryFn: async ({ signal }) => (await request("/api/v1/invitations", InvitationsEnvelope, { signal })).invitations,
    enabled,
  });
}

/** Creates one; the returned link carries the secret, shown once and never cached. */
export function useCreateInvitation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: { email?: string; expires_in_days?: number }) => (await request("/api/v1/invitations", InvitationEnvelope, { method: "POST", body: input })).invitation,
    onSettled: () => queryClient.invalidateQueries({ queryKey: adminKeys.invitations() }),
  });
}

export function useRevokeInvitation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: string) => request(`/api/v1/invitations/${id}`, Ok, { method: "DELETE" }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: adminKeys.invitations() }),
  });
}
