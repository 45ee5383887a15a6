// GET /api/spaces – the caller's spaces (paged); POST – create a space
export { listSpaces as GET, createSpace as POST } from "@/lib/api/kona/spaces.ts";
