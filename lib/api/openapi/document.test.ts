import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { buildOpenApiDocument } from "./document.ts";
import { DIALECTS, openApiDocument } from "./index.ts";
import type { DialectSpec } from "./types.ts";
import { validateOpenApi } from "./validate.ts";

const doc = openApiDocument();

describe("OpenAPI document", () => {
  it("is structurally valid OpenAPI 3.1", () => {
    expect(validateOpenApi(doc)).toEqual([]);
  });

  it("the structural checks catch what they claim to", () => {
    const broken = structuredClone(doc) as unknown as { openapi: string; paths: Record<string, Record<string, { parameters?: unknown[]; responses: Record<string, unknown> }>> };
    broken.openapi = "3.0.3";
    const op = broken.paths["/api/v1/calendars/{calendar_id}"]!.get!;
    op.parameters = [];
    op.responses["200"] = { $ref: "#/components/responses/Nope" };
    const problems = validateOpenApi(broken).join("\n");
    expect(problems).toContain("openapi: must be 3.1.x");
    expect(problems).toContain("path parameter {calendar_id} is not declared");
    expect(problems).toContain("unresolved $ref #/components/responses/Nope");
  });

  it("docs/openapi.json is up to date (run `npm run openapi`)", () => {
    const file = path.resolve(import.meta.dirname, "../../../docs/openapi.json");
    expect(JSON.parse(fs.readFileSync(file, "utf8"))).toEqual(JSON.parse(JSON.stringify(doc)));
  });

  it("names every wire schema with an id once, as a component", () => {
    expect(Object.keys(doc.components.schemas)).toEqual(expect.arrayContaining(["Event", "EventInput", "Calendar", "Error", "KonaCalendarEvent", "KonaProblem"]));
    expect(JSON.stringify(doc.paths)).not.toContain("#/$defs/");
  });

  it("refuses two different schemas under one component name", () => {
    const route = { method: "GET", path: "/a", operationId: "a", summary: "a", group: "g", responses: { 200: { description: "ok", schema: z.object({ a: z.string() }).meta({ id: "Clash" }) } } } as const;
    const dialect = (name: string, schema: z.ZodType): DialectSpec => ({
      name,
      description: "",
      routes: [{ ...route, operationId: name, path: `/${name}`, responses: { 200: { description: "ok", schema } } }],
      error: () => ({ description: "error" }),
      defaultErrors: () => [],
    });
    expect(() => buildOpenApiDocument([dialect("one", z.object({ a: z.string() }).meta({ id: "Clash" })), dialect("two", z.object({ b: z.number() }).meta({ id: "Clash" }))])).toThrow(/Clash/);
    const prefixed = buildOpenApiDocument([dialect("one", z.object({ a: z.string() }).meta({ id: "Clash" })), { ...dialect("two", z.object({ b: z.number() }).meta({ id: "Clash" })), componentPrefix: "Two" }]);
    expect(Object.keys(prefixed.components.schemas).sort()).toEqual(["Clash", "TwoClash"]);
  });
});

describe("route tables", () => {
  for (const dialect of DIALECTS) {
    describe(dialect.name, () => {
      for (const route of dialect.routes) {
        it(`${route.method} ${route.path}: examples parse with their wire schemas`, () => {
          // A body the contract transforms (into the core's input) is checked as the client sends it.
          const body = route.body?.schema instanceof z.ZodPipe ? route.body.schema.in : route.body?.schema;
          if (route.body?.example !== undefined) z.parse(body!, route.body.example);
          for (const response of Object.values(route.responses)) if (response.schema && response.example !== undefined) response.schema.parse(response.example);
        });
      }
      it("error examples parse with the error schema", () => {
        for (const status of [400, 401, 403, 404, 409, 412, 413, 415, 422, 429, 500]) {
          const error = dialect.error(status);
          if (error.example !== undefined) error.schema!.parse(error.example);
        }
      });
    });
  }
});
