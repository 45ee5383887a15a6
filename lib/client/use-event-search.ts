"use client";
import { useQuery } from "@tanstack/react-query";
import { EventsEnvelope } from "@/lib/api/sweetdate/schemas.ts";
import { eventKeys } from "./query-keys.ts";
import { request } from "./request.ts";

const HALF_WINDOW_DAYS = 180;

/**
 * Occurrences matching `q` within ±180 days of today, across every calendar the caller sees
 * (GET /api/v1/events?q&from&to — one request, recurring events included as occurrences).
 */
export function useEventSearch(q: string) {
  const term = q.trim();
  return useQuery({
    queryKey: eventKeys.search(term),
    enabled: term.length >= 2,
    queryFn: async ({ signal }) => {
      const day = 86_400_000;
      const today = Math.floor(Date.now() / day) * day;
      const from = new Date(today - HALF_WINDOW_DAYS * day).toISOString();
      const to = new Date(today + HALF_WINDOW_DAYS * day).toISOString();
      const params = new URLSearchParams({ q: term, from, to, limit: "50" });
      const page = await request(`/api/v1/events?${params}`, EventsEnvelope, { signal });
      // Upcoming matches first (soonest first), then past ones (most recent first).
      const now = Date.now();
      const upcoming = page.events.filter((e) => Date.parse(e.ends_at) >= now);
      const past = page.events.filter((e) => Date.parse(e.ends_at) < now).reverse();
      return { events: [...upcoming, ...past], total: page.meta.total };
    },
    staleTime: 30_000,
  });
}
