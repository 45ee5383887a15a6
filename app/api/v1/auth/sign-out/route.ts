// POST /api/v1/auth/sign-out
export { signOut as POST } from "@/lib/api/sweetdate/account.ts";
