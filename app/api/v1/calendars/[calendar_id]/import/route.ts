// POST /api/v1/calendars/:calendar_id/import
export { importCalendar as POST } from "@/lib/api/sweetdate/ical.ts";
