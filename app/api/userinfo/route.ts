// GET /api/userinfo – the authenticated user (Kona)
export { userinfo as GET } from "@/lib/api/kona/users.ts";
