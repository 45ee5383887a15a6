// The API's dialects, in reference order. Adding a dialect to the document and to /docs/api is one
// entry here (its route table beside it: sweetdate.ts, kona.ts).
import { buildOpenApiDocument, type OpenApiDocument } from "./document.ts";
import { konaDialect } from "./kona.ts";
import { sweetdateDialect } from "./sweetdate.ts";
import type { DialectSpec } from "./types.ts";

export const DIALECTS: readonly DialectSpec[] = [sweetdateDialect, konaDialect];

let cached: OpenApiDocument | undefined;

/** The OpenAPI 3.1 document for every dialect (built once per process). */
export function openApiDocument(): OpenApiDocument {
  return (cached ??= buildOpenApiDocument(DIALECTS));
}

export type { OpenApiDocument } from "./document.ts";
