// GET /api/v1/stream – Server-Sent Events: a `change` frame whenever a calendar of the caller changes
export { stream as GET } from "@/lib/api/sweetdate/stream.ts";
export const dynamic = "force-dynamic";
