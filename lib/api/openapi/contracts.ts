// The route table of a dialect, read from its handlers: every exported handler carries its contract
// (lib/api/route.ts), whose `doc` plus params, query and body schemas make one RouteSpec. Nothing is
// listed twice, so a handler cannot drift from its documentation.
import { z } from "zod";
import type { Contract } from "../route.ts";
import type { RouteDoc, RouteSpec } from "./types.ts";

/** A handler as route() returns it: the function with its contract attached. */
export type Documented = { contract: Contract & { doc: RouteDoc } };

export function isDocumented(value: unknown): value is Documented {
  return typeof value === "function" && (value as Partial<Documented>).contract?.doc !== undefined;
}

/** The handler's contract as a route of the document. */
export function routeOf({ contract }: Documented): RouteSpec {
  const { body, ...doc } = contract.doc;
  const pathParams = contract.params ? descriptionsOf(contract.params, doc) : undefined;
  const query = doc.query ?? contract.query;
  const bodySchema = body?.schema ?? contract.body?.schema;
  if (body && !bodySchema) throw new Error(`OpenAPI: ${doc.method} ${doc.path} documents a body its contract does not parse`);
  return {
    ...doc,
    ...(pathParams ? { pathParams } : {}),
    ...(query ? { query } : {}),
    ...(bodySchema ? { body: { ...body, schema: bodySchema } } : {}),
  };
}

function descriptionsOf(params: z.ZodType, doc: Omit<RouteDoc, "body">): Record<string, string> {
  if (!(params instanceof z.ZodObject)) throw new Error(`OpenAPI: ${doc.method} ${doc.path}: path parameters must be a z.object`);
  return Object.fromEntries(Object.entries(params.shape as Record<string, z.ZodType>).map(([name, schema]) => [name, schema.description ?? name]));
}

const METHOD_ORDER = ["GET", "POST", "PUT", "PATCH", "DELETE"];

/**
 * Every documented handler exported by `modules`, grouped in `groups` order (a group not listed is
 * an error), then by path and method — the order of the document and of /docs/api.
 */
export function routesOf(modules: readonly Record<string, unknown>[], groups: readonly string[]): RouteSpec[] {
  const handlers = new Set(modules.flatMap((module) => Object.values(module).filter(isDocumented)));
  const routes = [...handlers].map(routeOf);
  for (const route of routes) if (!groups.includes(route.group)) throw new Error(`OpenAPI: ${route.method} ${route.path}: group "${route.group}" is not in the dialect's group order`);
  const rank = (route: RouteSpec) => groups.indexOf(route.group);
  return routes.sort((a, b) => rank(a) - rank(b) || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0) || METHOD_ORDER.indexOf(a.method) - METHOD_ORDER.indexOf(b.method));
}
