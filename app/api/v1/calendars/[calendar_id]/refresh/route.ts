// POST /api/v1/calendars/:calendar_id/refresh
export { refreshCalendar as POST } from "@/lib/api/sweetdate/ical.ts";
