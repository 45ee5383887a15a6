// GET|PUT|DELETE /api/spaces/:id – one space (= calendar)
export { getSpace as GET, updateSpace as PUT, deleteSpace as DELETE } from "@/lib/api/kona/spaces.ts";
