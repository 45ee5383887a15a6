// DELETE /api/v1/tokens/:id – revoke
export { revokeToken as DELETE } from "@/lib/api/sweetdate/account.ts";
