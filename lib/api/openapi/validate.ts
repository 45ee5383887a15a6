// Structural checks of an OpenAPI 3.1 document (no validator package is installed): the required
// objects and keys, path templates vs. path parameters, unique operationIds, known security schemes
// and tags, and that every `$ref` resolves. Returns the problems found (empty = valid).

type Json = unknown;
type Obj = Record<string, Json>;

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;
const PARAMETER_IN = new Set(["query", "header", "path", "cookie"]);
const COMPONENT_NAME = /^[a-zA-Z0-9._-]+$/;
const JSON_SCHEMA_TYPES = new Set(["string", "number", "integer", "boolean", "object", "array", "null"]);

const isObj = (v: Json): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

/** Resolves a local JSON pointer (`#/components/schemas/Event`) in `doc`. */
export function resolvePointer(doc: Json, ref: string): Json | undefined {
  if (!ref.startsWith("#")) return undefined;
  let node: Json = doc;
  for (const raw of ref.slice(1).split("/").slice(1)) {
    const key = decodeURIComponent(raw).replace(/~1/g, "/").replace(/~0/g, "~");
    if (Array.isArray(node)) node = node[Number(key)];
    else if (isObj(node) && Object.hasOwn(node, key)) node = node[key];
    else return undefined;
  }
  return node;
}

function deref(doc: Json, value: Json): Json {
  for (let i = 0; i < 10 && isObj(value) && typeof value.$ref === "string"; i++) value = resolvePointer(doc, value.$ref);
  return value;
}

export function validateOpenApi(doc: Json): string[] {
  const problems: string[] = [];
  const fail = (where: string, what: string) => problems.push(`${where}: ${what}`);
  if (!isObj(doc)) return ["document: not an object"];

  if (typeof doc.openapi !== "string" || !/^3\.1\.\d+$/.test(doc.openapi)) fail("openapi", `must be 3.1.x, got ${JSON.stringify(doc.openapi)}`);
  if (!isObj(doc.info)) fail("info", "missing");
  else {
    if (typeof doc.info.title !== "string" || !doc.info.title) fail("info.title", "missing");
    if (typeof doc.info.version !== "string" || !doc.info.version) fail("info.version", "missing");
    if (isObj(doc.info.license) && typeof doc.info.license.name !== "string") fail("info.license.name", "missing");
  }
  if (!isObj(doc.paths) && !isObj(doc.components) && !isObj(doc.webhooks)) fail("document", "needs paths, components or webhooks");
  if (doc.servers !== undefined && (!Array.isArray(doc.servers) || doc.servers.some((s) => !isObj(s) || typeof s.url !== "string"))) fail("servers", "each server needs a url");

  const components = isObj(doc.components) ? doc.components : {};
  for (const [kind, entries] of Object.entries(components)) {
    if (!isObj(entries)) fail(`components.${kind}`, "must be an object");
    else for (const name of Object.keys(entries)) if (!COMPONENT_NAME.test(name)) fail(`components.${kind}.${name}`, "invalid component name");
  }
  const schemes = isObj(components.securitySchemes) ? components.securitySchemes : {};
  for (const [name, scheme] of Object.entries(schemes)) {
    if (!isObj(scheme) || !["apiKey", "http", "mutualTLS", "oauth2", "openIdConnect"].includes(String(scheme.type))) fail(`securitySchemes.${name}`, "invalid type");
    else if (scheme.type === "http" && typeof scheme.scheme !== "string") fail(`securitySchemes.${name}`, "http needs scheme");
    else if (scheme.type === "apiKey" && (typeof scheme.name !== "string" || !["query", "header", "cookie"].includes(String(scheme.in)))) fail(`securitySchemes.${name}`, "apiKey needs name and in");
  }
  const checkSecurity = (where: string, security: Json) => {
    if (security === undefined) return;
    if (!Array.isArray(security)) return fail(where, "security must be an array");
    for (const requirement of security) {
      if (!isObj(requirement)) fail(where, "security requirement must be an object");
      else for (const name of Object.keys(requirement)) if (!Object.hasOwn(schemes, name)) fail(where, `unknown security scheme ${name}`);
    }
  };
  checkSecurity("security", doc.security);

  const tagNames = new Set<string>();
  if (doc.tags !== undefined) {
    if (!Array.isArray(doc.tags)) fail("tags", "must be an array");
    else for (const tag of doc.tags) {
      if (!isObj(tag) || typeof tag.name !== "string") fail("tags", "each tag needs a name");
      else if (tagNames.has(tag.name)) fail("tags", `duplicate tag ${tag.name}`);
      else tagNames.add(tag.name);
    }
  }

  const operationIds = new Set<string>();
  const templates = new Map<string, string>();
  for (const [path, item] of Object.entries(isObj(doc.paths) ? doc.paths : {})) {
    if (!path.startsWith("/")) fail(`paths.${path}`, "must start with /");
    const template = path.replace(/\{[^}]+\}/g, "{}");
    if (templates.has(template)) fail(`paths.${path}`, `same template as ${templates.get(template)}`);
    templates.set(template, path);
    if (!isObj(item)) {
      fail(`paths.${path}`, "must be an object");
      continue;
    }
    const templateParams = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
    for (const method of METHODS) {
      const op = item[method];
      if (op === undefined) continue;
      const where = `${method.toUpperCase()} ${path}`;
      if (!isObj(op)) {
        fail(where, "operation must be an object");
        continue;
      }
      if (typeof op.operationId === "string") {
        if (operationIds.has(op.operationId)) fail(where, `duplicate operationId ${op.operationId}`);
        operationIds.add(op.operationId);
      }
      if (Array.isArray(op.tags)) for (const tag of op.tags) if (doc.tags !== undefined && !tagNames.has(String(tag))) fail(where, `tag ${tag} is not declared`);
      checkSecurity(where, op.security);
      const params = [...(Array.isArray(item.parameters) ? item.parameters : []), ...(Array.isArray(op.parameters) ? op.parameters : [])].map((p) => deref(doc, p));
      const seen = new Set<string>();
      for (const p of params) {
        if (!isObj(p) || typeof p.name !== "string" || !PARAMETER_IN.has(String(p.in))) {
          fail(where, "parameter needs name and a valid in");
          continue;
        }
        const key = `${p.in}:${p.name}`;
        if (seen.has(key)) fail(where, `duplicate parameter ${key}`);
        seen.add(key);
        if (!isObj(p.schema) && !isObj(p.content)) fail(where, `parameter ${p.name} needs schema or content`);
        if (p.in === "path") {
          if (p.required !== true) fail(where, `path parameter ${p.name} must be required`);
          if (!templateParams.includes(p.name)) fail(where, `path parameter ${p.name} is not in the path`);
        }
      }
      for (const name of templateParams) if (!seen.has(`path:${name}`)) fail(where, `path parameter {${name}} is not declared`);
      if (op.requestBody !== undefined) {
        const body = deref(doc, op.requestBody);
        if (!isObj(body) || !isObj(body.content) || Object.keys(body.content).length === 0) fail(where, "requestBody needs content");
      }
      if (!isObj(op.responses) || Object.keys(op.responses).length === 0) fail(where, "needs at least one response");
      else for (const [status, response] of Object.entries(op.responses)) {
        if (!/^([1-5]\d\d|[1-5]XX|default)$/.test(status)) fail(where, `invalid response key ${status}`);
        const r = deref(doc, response);
        if (!isObj(r) || typeof r.description !== "string") fail(`${where} ${status}`, "response needs a description");
      }
    }
  }

  // Every $ref resolves; every schema's `type` is a JSON Schema type.
  const walk = (node: Json, at: string) => {
    if (Array.isArray(node)) return node.forEach((v, i) => walk(v, `${at}/${i}`));
    if (!isObj(node)) return;
    if (typeof node.$ref === "string" && resolvePointer(doc, node.$ref) === undefined) fail(at, `unresolved $ref ${node.$ref}`);
    if ("type" in node && at.includes("schema")) {
      const types = Array.isArray(node.type) ? node.type : [node.type];
      if (types.some((t) => typeof t === "string" && !JSON_SCHEMA_TYPES.has(t))) fail(at, `invalid schema type ${JSON.stringify(node.type)}`);
    }
    for (const [key, value] of Object.entries(node)) if (key !== "example" && key !== "examples") walk(value, `${at}/${key}`);
  };
  walk(doc, "#");
  return problems;
}
