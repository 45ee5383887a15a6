// POST /api/v1/auth/sign-up
export { signUp as POST } from "@/lib/api/sweetdate/account.ts";
