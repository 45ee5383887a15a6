// GET /api/users?like=&space_id= – find users (Kona)
export { listUsers as GET } from "@/lib/api/kona/users.ts";
