// GET /api/v1/auth/status – first-run check and current user
export { status as GET } from "@/lib/api/sweetdate/account.ts";
