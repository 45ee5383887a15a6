// GET /api/v1/users?q= – find users
export { listUsers as GET } from "@/lib/api/sweetdate/users.ts";
