"use client";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { EventsEnvelope, type Event } from "@/lib/api/sweetdate/schemas.ts";
import { eventKeys } from "./query-keys.ts";
import { request } from "./request.ts";

const PAGE = 100;

/** Every occurrence the caller may see in [from, to), across calendars: first page, then the rest in parallel. */
export async function fetchEventsInRange(from: string, to: string, signal?: AbortSignal): Promise<Event[]> {
  const url = (offset: number) => `/api/v1/events?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}&limit=${PAGE}&offset=${offset}`;
  const first = await request(url(0), EventsEnvelope, { signal });
  const offsets: number[] = [];
  for (let offset = PAGE; offset < first.meta.total; offset += PAGE) offsets.push(offset);
  const rest = await Promise.all(offsets.map((offset) => request(url(offset), EventsEnvelope, { signal })));
  return [first, ...rest].flatMap((page) => page.events);
}

/** The visible range's events, cached per range; the previous range stays on screen while the next loads. */
export function useEventsInRange(range: { from: string; to: string } | null) {
  return useQuery({
    queryKey: eventKeys.range(range?.from ?? "", range?.to ?? ""),
    enabled: range !== null,
    queryFn: ({ signal }) => fetchEventsInRange(range!.from, range!.to, signal),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}
