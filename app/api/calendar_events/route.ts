// GET /api/calendar_events – list (current month or date_range_start/_end, paged); POST – create
export { listCalendarEvents as GET, createCalendarEvent as POST } from "@/lib/api/kona/events.ts";
