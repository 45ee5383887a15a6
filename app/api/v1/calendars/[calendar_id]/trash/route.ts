// GET /api/v1/calendars/:cid/trash – deleted events that can be restored (30 days)
export { listTrashed as GET } from "@/lib/api/sweetdate/trash.ts";
