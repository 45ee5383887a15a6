// GET|PUT|DELETE /api/calendar_events/:id (?num_in_series=N, ?apply_to=this|following|all)
export { getCalendarEvent as GET, updateCalendarEvent as PUT, deleteCalendarEvent as DELETE } from "@/lib/api/kona/events.ts";
