"use client";
import { useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { EventEnvelope, Ok, type Event } from "@/lib/api/sweetdate/schemas.ts";
import { eventKeys } from "./query-keys.ts";
import { ApiError, request } from "./request.ts";
import type { UndoStep } from "./undo.ts";

/** Runs an undo plan (lib/client/undo.ts) against one calendar, then refreshes the events. */
export function useUndo() {
  const queryClient = useQueryClient();
  return useCallback(
    async (calendarId: string, steps: UndoStep[]) => {
      const run = (step: UndoStep) =>
        request(`/api/v1/calendars/${encodeURIComponent(calendarId)}/${step.path}`, Ok, { method: step.method, ...(step.body ? { body: step.body } : {}) });
      try {
        for (const step of steps) {
          try {
            await run(step);
          } catch (error) {
            if (step.orElse && error instanceof ApiError && error.status === 404) await run(step.orElse);
            else throw error;
          }
        }
      } finally {
        await queryClient.invalidateQueries({ queryKey: eventKeys.all });
      }
    },
    [queryClient],
  );
}

/**
 * The series as it is now, read before a change to all or following occurrences so Undo can give
 * its own values and rule back (the occurrence edited may be an override that differs from it).
 * Null for a single event, one occurrence (`this`) or a series master edited as itself.
 */
export async function seriesBefore(event: Event, scope: string | undefined): Promise<Event | null> {
  if (!event.recurring_event_id || (scope !== "all" && scope !== "following")) return null;
  if (event.id === event.recurring_event_id) return event;
  const path = `/api/v1/calendars/${encodeURIComponent(event.calendar_id)}/events/${encodeURIComponent(event.recurring_event_id)}`;
  return (await request(path, EventEnvelope)).event;
}
