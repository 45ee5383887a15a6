// GET|POST /api/v1/calendar_events – the Kona list/create, also under /api/v1
export { listCalendarEvents as GET, createCalendarEvent as POST } from "@/lib/api/kona/events.ts";
