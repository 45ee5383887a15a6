// GET|PUT|DELETE /api/v1/calendars/:id
export { getCalendar as GET, updateCalendar as PUT, deleteCalendar as DELETE } from "@/lib/api/sweetdate/calendars.ts";
