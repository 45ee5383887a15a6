// PUT|DELETE /api/v1/calendars/:cid/users/:user_id – change role · remove
export { changeMember as PUT, removeMember as DELETE } from "@/lib/api/sweetdate/users.ts";
