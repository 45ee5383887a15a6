// GET /api/v1/calendars/:cid/events/:id/users – participants · POST – add
export { listEventUsers as GET, addEventUser as POST } from "@/lib/api/sweetdate/users.ts";
