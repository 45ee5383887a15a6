"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { MemberEnvelope, Ok, type Member } from "@/lib/api/sweetdate/schemas.ts";
import { calendarKeys, eventKeys } from "./query-keys.ts";
import { request } from "./request.ts";

export type MemberRole = Member["role"];

/** Add, re-role and remove a calendar's members (also: leave it, by removing oneself). */
export function useMemberActions(calendarId: string) {
  const queryClient = useQueryClient();
  const base = `/api/v1/calendars/${encodeURIComponent(calendarId)}/users`;
  const settled = () => {
    void queryClient.invalidateQueries({ queryKey: calendarKeys.members(calendarId) });
    // Roles decide what the caller may see and change: calendars and events follow.
    void queryClient.invalidateQueries({ queryKey: calendarKeys.list() });
    void queryClient.invalidateQueries({ queryKey: eventKeys.all });
  };
  const add = useMutation({
    mutationFn: async ({ userId, role }: { userId: string; role: MemberRole }) => (await request(base, MemberEnvelope, { method: "POST", body: { user_id: userId, role } })).user,
    onSettled: settled,
  });
  const change = useMutation({
    mutationFn: async ({ userId, role }: { userId: string; role: MemberRole }) =>
      (await request(`${base}/${encodeURIComponent(userId)}`, MemberEnvelope, { method: "PUT", body: { role } })).user,
    onSettled: settled,
  });
  const remove = useMutation({
    mutationFn: async ({ userId }: { userId: string }) => {
      await request(`${base}/${encodeURIComponent(userId)}`, Ok, { method: "DELETE" });
    },
    onSettled: settled,
  });
  return { add, change, remove };
}
