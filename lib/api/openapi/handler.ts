// GET /api/v1/openapi.json – the OpenAPI 3.1 document (public: no auth, no database).
import { openApiDocument } from "./index.ts";

export function getOpenApiDocument(): Response {
  return new Response(JSON.stringify(openApiDocument(), null, 2), {
    headers: { "content-type": "application/json; charset=utf-8", "cache-control": "public, max-age=300", "access-control-allow-origin": "*" },
  });
}
