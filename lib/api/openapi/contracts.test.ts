// The document is read from the handlers: every handler Next serves under app/api (and the feeds)
// carries a contract whose doc names its own method and path, and the document lists exactly those.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { json, route } from "../route.ts";
import { sweetdate } from "../sweetdate/envelope.ts";
import { CalendarPath } from "../sweetdate/input.ts";
import { isDocumented, routeOf, routesOf } from "./contracts.ts";
import { openApiDocument } from "./index.ts";

const ROOT = path.resolve(import.meta.dirname, "../../..");
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"];

/** Every `route.ts` under app/api and app/feeds, with the URL path its folders make (`[id]` → `{id}`). */
function routeFiles(): { file: string; path: string }[] {
  const found: { file: string; path: string }[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === "route.ts") {
        const segments = path.relative(path.join(ROOT, "app"), dir).split(path.sep);
        found.push({ file: full, path: `/${segments.map((s) => s.replace(/^\[([^\]]+)\]$/, "{$1}")).join("/")}` });
      }
    }
  };
  walk(path.join(ROOT, "app/api"));
  walk(path.join(ROOT, "app/feeds"));
  return found;
}

describe("the OpenAPI document is generated from the handlers' contracts", () => {
  it("every exported handler under app/api has a contract whose doc names its method and path, and the document has it; nothing else is documented", async () => {
    const doc = openApiDocument();
    const documented = new Set(Object.entries(doc.paths).flatMap(([p, item]) => Object.keys(item).map((m) => `${m.toUpperCase()} ${p}`)));
    const handled: string[] = [];
    for (const { file, path: urlPath } of routeFiles()) {
      const handlers = (await import(file)) as Record<string, unknown>;
      for (const method of METHODS.filter((m) => m in handlers)) {
        const handler = handlers[method];
        expect(isDocumented(handler), `${method} ${urlPath} (${path.relative(ROOT, file)}) has no contract doc`).toBe(true);
        const { doc } = (handler as { contract: { doc: { method: string; path: string } } }).contract;
        // Kona's event handlers answer under /api and /api/v1: their doc names the /api path.
        expect(`${doc.method} ${doc.path}`).toBe(`${method} ${urlPath.replace(/^\/api\/v1\/calendar_events/, "/api/calendar_events")}`);
        expect(documented, `${method} ${urlPath}`).toContain(`${method} ${urlPath}`);
        handled.push(`${method} ${urlPath}`);
      }
    }
    expect(handled.length).toBeGreaterThan(50);
    expect([...documented].filter((operation) => !handled.includes(operation))).toEqual([]);
  }, 60_000);

  it("a route's path parameters, query and body come from its contract", () => {
    const Query = z.object({ limit: z.string().optional() });
    const Body = z.strictObject({ name: z.string() });
    const handler = route(sweetdate, { params: CalendarPath, query: Query, body: { schema: Body }, doc: { method: "PUT", path: "/api/v1/calendars/{calendar_id}", operationId: "x", summary: "x", group: "g", responses: {} } }, async () => json({}));
    const spec = routeOf(handler);
    expect(spec.pathParams).toEqual({ calendar_id: "Calendar UUID" });
    expect(spec.query).toBe(Query);
    expect(spec.body?.schema).toBe(Body);
  });

  it("refuses a handler in a group the dialect does not order, and ignores exports without a doc", () => {
    const documented = route(sweetdate, { doc: { method: "GET", path: "/a", operationId: "a", summary: "a", group: "Elsewhere", responses: {} } }, async () => json({}));
    const plain = route(sweetdate, async () => json({}));
    expect(() => routesOf([{ documented, plain }], ["Events"])).toThrow(/Elsewhere/);
    expect(routesOf([{ plain, helper: () => 1 }], ["Events"])).toEqual([]);
  });

  it("GET /api/v1/openapi.json serves the document when its module is the first one loaded (as the route loads it)", async () => {
    vi.resetModules();
    const { getOpenApiDocument } = await import("./handler.ts");
    const response = await getOpenApiDocument();
    expect(response.status).toBe(200);
    expect((await response.json()).paths["/api/v1/openapi.json"].get.operationId).toBe("openApiDocument");
  });
});
