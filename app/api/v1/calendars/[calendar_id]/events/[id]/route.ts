// GET|PUT|DELETE /api/v1/calendars/:cid/events/:id (occurrence ids take ?scope=)
export { getCalendarEvent as GET, updateCalendarEvent as PUT, deleteCalendarEvent as DELETE } from "@/lib/api/sweetdate/events.ts";
