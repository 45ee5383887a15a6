// GET /api/v1/events – occurrences across all calendars the caller may see (web app)
export { listAllEvents as GET } from "@/lib/api/sweetdate/events.ts";
