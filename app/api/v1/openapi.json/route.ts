// GET /api/v1/openapi.json – the OpenAPI 3.1 document, generated from the zod wire schemas (public)
export { getOpenApiDocument as GET } from "@/lib/api/openapi/handler.ts";

// Same bytes for every request: render once at build time.
export const dynamic = "force-static";
