"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { FeedEnvelope, Ok, RefreshEnvelope } from "@/lib/api/sweetdate/schemas.ts";
import { eventKeys } from "./query-keys.ts";
import { request } from "./request.ts";

const base = (calendarId: string) => `/api/v1/calendars/${encodeURIComponent(calendarId)}`;

/** Creates (or rotates) the caller's private feed URL of a calendar. */
export function useCreateFeed() {
  return useMutation({ mutationFn: async (calendarId: string) => (await request(`${base(calendarId)}/feed`, FeedEnvelope, { method: "POST" })).feed.url });
}

export function useRevokeFeed() {
  return useMutation({ mutationFn: async (calendarId: string) => void (await request(`${base(calendarId)}/feed`, Ok, { method: "DELETE" })) });
}

/** Fetches a subscribed calendar's source now. */
export function useRefreshCalendar() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (calendarId: string) => (await request(`${base(calendarId)}/refresh`, RefreshEnvelope, { method: "POST" })).refresh,
    onSettled: () => queryClient.invalidateQueries({ queryKey: eventKeys.all }),
  });
}
