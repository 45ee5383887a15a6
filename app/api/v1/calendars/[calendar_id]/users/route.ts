// GET /api/v1/calendars/:cid/users – members · POST – add a member
export { listMembers as GET, addMember as POST } from "@/lib/api/sweetdate/users.ts";
