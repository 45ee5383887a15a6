"use client";
import { CalendarView } from "@/components/calendar/calendar-view.tsx";
import type { Event } from "@/lib/api/sweetdate/schemas.ts";

const ev = (id: string, start: string, end: string, allDay = false): Event => ({
  id, calendar_id: "c", title: "Ev " + id, description: null, location: null, starts_at: start, ends_at: end, all_day: allDay, time_zone: "UTC",
  status: "scheduled", visibility: "public", recurrence_rule: "none", inserted_at: start, updated_at: start, stakeholder: "group", default_role: "editor",
  tags: [], rrule: null, recurring_event_id: null, original_starts_at: null, sequence: 0, editable: true,
});

export default function Probe() {
  const tz = typeof window !== "undefined" ? new URLSearchParams(window.location.search).get("tz") ?? "UTC" : "UTC";
  return (
    <div style={{ height: "90vh" }}>
      <CalendarView
        events={[ev("a", "2026-11-10T09:00:00Z", "2026-11-10T10:00:00Z"), ev("b", "2026-11-12T00:00:00Z", "2026-11-13T00:00:00Z", true)]}
        calendars={new Map()}
        timeZone={tz}
        view="month"
        date="2026-11-21"
        colorScheme="light"
        onRangeChange={(r) => console.log("RANGE", JSON.stringify(r))}
        onSelect={(s) => console.log("SELECT", JSON.stringify(s))}
        onEventOpen={(e) => console.log("OPEN", e.id)}
        onEventChange={(c) => console.log("CHANGE", JSON.stringify({ id: c.event.id, start: c.start, end: c.end, allDay: c.allDay }))}
      />
    </div>
  );
}
