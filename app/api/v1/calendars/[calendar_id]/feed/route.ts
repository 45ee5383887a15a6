// POST|DELETE /api/v1/calendars/:calendar_id/feed
export { createFeedUrl as POST, deleteFeedUrl as DELETE } from "@/lib/api/sweetdate/ical.ts";
