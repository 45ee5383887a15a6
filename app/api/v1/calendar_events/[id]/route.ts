// GET|PUT|DELETE /api/v1/calendar_events/:id – the Kona event routes, also under /api/v1
export { getCalendarEvent as GET, updateCalendarEvent as PUT, deleteCalendarEvent as DELETE } from "@/lib/api/kona/events.ts";
