// POST /api/v1/auth/sign-in
export { signIn as POST } from "@/lib/api/sweetdate/account.ts";
