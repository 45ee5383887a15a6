// GET /api/health – liveness (no auth)
export { health as GET } from "@/lib/api/sweetdate/account.ts";
