// PUT|DELETE /api/v1/calendars/:cid/events/:id/users/:user_id – role/RSVP · remove
export { changeEventUser as PUT, removeEventUser as DELETE } from "@/lib/api/sweetdate/users.ts";
