// GET /feeds/:secret.ics – private iCalendar feeds (no Authorization header needed)
export { getFeed as GET } from "@/lib/api/sweetdate/ical.ts";
