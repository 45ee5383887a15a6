// GET /api/v1/settings – instance settings (admin) · PUT – change the sign-up mode
export { getSettings as GET, updateSettings as PUT } from "@/lib/api/sweetdate/invitations.ts";
