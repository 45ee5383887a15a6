// Builds the OpenAPI 3.1 document from the dialects' route tables and their zod wire schemas.
// Nothing here restates a schema: every body, parameter and response comes from z.toJSONSchema.
import { ComponentSchemas, type JsonSchema } from "./json-schema.ts";
import type { DialectSpec, HeaderSpec, ResponseSpec, RouteSpec } from "./types.ts";

export interface OpenApiDocument {
  openapi: "3.1.0";
  info: { title: string; version: string; description: string; license: { name: string; identifier: string } };
  jsonSchemaDialect: string;
  servers: { url: string; description: string }[];
  security: Record<string, string[]>[];
  tags: { name: string; description?: string }[];
  "x-tagGroups": { name: string; description: string; tags: string[] }[];
  paths: Record<string, Record<string, Operation>>;
  components: {
    schemas: Record<string, JsonSchema>;
    responses: Record<string, unknown>;
    securitySchemes: Record<string, unknown>;
  };
}

export interface Operation {
  operationId: string;
  summary: string;
  description?: string;
  tags: string[];
  security?: Record<string, string[]>[];
  parameters?: Parameter[];
  requestBody?: { required: boolean; description?: string; content: Record<string, MediaType> };
  responses: Record<string, unknown>;
}

export interface Parameter {
  name: string;
  in: "path" | "query" | "header";
  required: boolean;
  description?: string;
  schema: JsonSchema;
}

interface MediaType {
  schema: JsonSchema;
  example?: unknown;
}

export const STATUS_TEXT: Record<number, string> = {
  200: "OK",
  201: "Created",
  204: "No Content",
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  409: "Conflict",
  412: "Precondition Failed",
  413: "Payload Too Large",
  415: "Unsupported Media Type",
  422: "Unprocessable Content",
  429: "Too Many Requests",
  500: "Internal Server Error",
};

const componentName = (dialect: DialectSpec, status: number) => `${dialect.name}${(STATUS_TEXT[status] ?? `Status${status}`).replace(/\W/g, "")}`;

export function tagOf(dialect: DialectSpec, route: RouteSpec): string {
  return `${dialect.name} · ${route.group}`;
}

export function buildOpenApiDocument(dialects: readonly DialectSpec[], version = "0.1.0"): OpenApiDocument {
  const schemas = new ComponentSchemas();
  const responses: Record<string, unknown> = {};
  const paths: OpenApiDocument["paths"] = {};
  const tags: OpenApiDocument["tags"] = [];
  const tagGroups: OpenApiDocument["x-tagGroups"] = [];
  const operationIds = new Set<string>();

  for (const dialect of dialects) {
    const prefix = dialect.componentPrefix ?? "";
    const convert = (schema: Parameters<ComponentSchemas["convert"]>[0]) => schemas.convert(schema, prefix);
    const group = { name: dialect.name, description: dialect.description, tags: [] as string[] };
    tagGroups.push(group);
    for (const route of dialect.routes) {
      const tag = tagOf(dialect, route);
      if (!group.tags.includes(tag)) {
        group.tags.push(tag);
        const description = dialect.groups?.[route.group];
        tags.push(description ? { name: tag, description } : { name: tag });
      }
      if (operationIds.has(route.operationId)) throw new Error(`OpenAPI: duplicate operationId ${route.operationId}`);
      operationIds.add(route.operationId);
      const method = route.method.toLowerCase();
      const item = (paths[route.path] ??= {});
      if (item[method]) throw new Error(`OpenAPI: ${route.method} ${route.path} is listed twice`);

      const parameters = [...pathParameters(route), ...queryParameters(route, convert), ...headerParameters(route, convert)];
      const answers: Operation["responses"] = {};
      for (const [status, response] of Object.entries(route.responses)) answers[status] = responseObject(response, convert);
      const errors = [...new Set([...dialect.defaultErrors(route), ...(route.errors ?? [])])].sort((a, b) => a - b);
      for (const status of errors) {
        const name = componentName(dialect, status);
        responses[name] ??= responseObject(dialect.error(status), convert);
        answers[String(status)] = { $ref: `#/components/responses/${name}` };
      }
      const operation: Operation = {
        operationId: route.operationId,
        summary: route.summary,
        ...(route.description ? { description: route.description } : {}),
        tags: [tag],
        ...(route.auth === "none" ? { security: [] } : route.auth === "optional" ? { security: [{}, { bearerAuth: [] }, { cookieAuth: [] }] } : {}),
        ...(parameters.length ? { parameters } : {}),
        ...(route.body
          ? {
              requestBody: {
                required: route.body.required ?? true,
                ...(route.body.description ? { description: route.body.description } : {}),
                content: { [route.body.contentType ?? "application/json"]: media(convert(route.body.schema), route.body.example) },
              },
            }
          : {}),
        responses: answers,
      };
      item[method] = operation;
    }
  }

  return {
    openapi: "3.1.0",
    info: {
      title: "SweetDate API",
      version,
      description:
        "SweetDate speaks two dialects over one domain core: the **SweetDate** dialect under `/api/v1` " +
        "(JSON envelopes, ISO 8601 times, string enums) and the **Kona** dialect under `/api` " +
        "(resources wrapped in arrays, epoch-millisecond times, integer enums). " +
        "Authenticate with a personal API token: `Authorization: Bearer <token>`. " +
        "A readable reference is served at `/docs/api`.",
      license: { name: "MIT", identifier: "MIT" },
    },
    jsonSchemaDialect: "https://json-schema.org/draft/2020-12/schema",
    servers: [{ url: "/", description: "This SweetDate installation" }],
    security: [{ bearerAuth: [] }, { cookieAuth: [] }],
    tags,
    "x-tagGroups": tagGroups,
    paths,
    components: {
      schemas: schemas.schemas,
      responses,
      securitySchemes: {
        bearerAuth: { type: "http", scheme: "bearer", description: "A personal API token (web app → Settings → API tokens)." },
        cookieAuth: { type: "apiKey", in: "cookie", name: "sd_session", description: "The web app's session; writes must come from the same origin." },
      },
    },
  };
}

function media(schema: JsonSchema, example: unknown): MediaType {
  return example === undefined ? { schema } : { schema, example };
}

function responseObject(response: ResponseSpec, convert: (schema: NonNullable<ResponseSpec["schema"]>) => JsonSchema) {
  return {
    description: response.description,
    ...(response.headers ? { headers: Object.fromEntries(Object.entries(response.headers).map(([name, h]) => [name, header(h, convert)])) } : {}),
    ...(response.schema ? { content: { [response.contentType ?? "application/json"]: media(convert(response.schema), response.example) } } : {}),
  };
}

function header(spec: HeaderSpec, convert: (schema: NonNullable<HeaderSpec["schema"]>) => JsonSchema) {
  return { description: spec.description, schema: spec.schema ? convert(spec.schema) : { type: "string" } };
}

function pathParameters(route: RouteSpec): Parameter[] {
  const names = [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
  const described = Object.keys(route.pathParams ?? {});
  const missing = names.filter((n) => !described.includes(n));
  const extra = described.filter((n) => !names.includes(n));
  if (missing.length || extra.length) throw new Error(`OpenAPI: ${route.method} ${route.path}: path parameters ${[...missing, ...extra].join(", ")} do not match pathParams`);
  return names.map((name) => ({ name, in: "path", required: true, description: route.pathParams![name], schema: { type: "string" } }));
}

function queryParameters(route: RouteSpec, convert: (schema: NonNullable<RouteSpec["query"]>) => JsonSchema): Parameter[] {
  if (!route.query) return [];
  const object = convert(route.query);
  const properties = (object.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((object.required ?? []) as string[]);
  return Object.entries(properties).map(([name, schema]) => {
    const { description, ...rest } = schema;
    return { name, in: "query", required: required.has(name), ...(typeof description === "string" ? { description } : {}), schema: rest };
  });
}

function headerParameters(route: RouteSpec, convert: (schema: NonNullable<HeaderSpec["schema"]>) => JsonSchema): Parameter[] {
  return Object.entries(route.requestHeaders ?? {}).map(([name, spec]) => ({
    name,
    in: "header",
    required: spec.required ?? false,
    description: spec.description,
    schema: spec.schema ? convert(spec.schema) : { type: "string" },
  }));
}
