// GET /api/v1/invitations – list (admin) · POST – create one (secret and link shown once)
export { listInvitations as GET, createInvitation as POST } from "@/lib/api/sweetdate/invitations.ts";
