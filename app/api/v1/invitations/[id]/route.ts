// DELETE /api/v1/invitations/:id – revoke (admin)
export { revokeInvitation as DELETE } from "@/lib/api/sweetdate/invitations.ts";
