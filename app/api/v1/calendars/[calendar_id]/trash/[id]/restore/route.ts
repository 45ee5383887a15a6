// POST /api/v1/calendars/:cid/trash/:id/restore – restore a deleted event or occurrence
export { restoreTrashed as POST } from "@/lib/api/sweetdate/trash.ts";
