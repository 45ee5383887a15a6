// GET /api/v1/openapi.json – the OpenAPI 3.1 document (public: no auth, no database).
import { OpenApiJson } from "../sweetdate/doc.ts";
import type { Contract } from "../route.ts";

async function serve(): Promise<Response> {
  // Imported when served: the document walks the handler modules, this one among them (no import cycle).
  const { openApiDocument } = await import("./index.ts");
  return new Response(JSON.stringify(openApiDocument(), null, 2), {
    headers: { "content-type": "application/json; charset=utf-8", "cache-control": "public, max-age=300", "access-control-allow-origin": "*" },
  });
}

// Not a route(): the same bytes for everyone, rendered at build time. Its contract only documents it.
const contract = {
  public: true,
  doc: {
    method: "GET", path: "/api/v1/openapi.json", operationId: "openApiDocument", group: "Service", auth: "none",
    summary: "This OpenAPI 3.1 document", description: "Generated from the handlers' route contracts and the zod wire schemas; a readable version is at `/docs/api`.",
    responses: { 200: { description: "The OpenAPI document", schema: OpenApiJson } },
  },
} satisfies Contract;

export const getOpenApiDocument = Object.assign(serve, { contract });
