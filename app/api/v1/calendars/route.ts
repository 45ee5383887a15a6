// GET /api/v1/calendars – list · POST – create
export { listCalendars as GET, createCalendar as POST } from "@/lib/api/sweetdate/calendars.ts";
