// GET /api/v1/calendars/:calendar_id/ics
export { exportIcs as GET } from "@/lib/api/sweetdate/ical.ts";
