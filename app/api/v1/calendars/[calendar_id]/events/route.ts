// GET /api/v1/calendars/:cid/events – list · POST – create
export { listCalendarEvents as GET, createCalendarEvent as POST } from "@/lib/api/sweetdate/events.ts";
