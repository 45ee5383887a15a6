// Reads the OpenAPI document the way the reference page (/docs/api) shows it: operations grouped by
// dialect and tag, schemas flattened into field rows, types as short labels. Pure.
import type { OpenApiDocument, Operation, Parameter } from "./document.ts";
import type { JsonSchema } from "./json-schema.ts";

export type TypePart = { text: string; ref?: string };

export interface FieldRow {
  name: string;
  type: TypePart[];
  required: boolean;
  description?: string;
  values?: string;
  defaultValue?: string;
}

export interface OperationView {
  method: string;
  path: string;
  operation: Operation;
}

export interface DialectView {
  name: string;
  description: string;
  groups: { tag: string; title: string; description?: string; operations: OperationView[] }[];
}

const REF = "#/components/schemas/";
const METHOD_ORDER = ["get", "post", "put", "patch", "delete"];

export const refName = (ref: string): string | undefined => (ref.startsWith(REF) ? ref.slice(REF.length) : undefined);

/** Operations by dialect (x-tagGroups) and tag, in route-table order. */
export function dialects(doc: OpenApiDocument): DialectView[] {
  const byTag = new Map<string, OperationView[]>();
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of METHOD_ORDER) {
      const operation = item[method];
      if (!operation) continue;
      for (const tag of operation.tags) byTag.set(tag, [...(byTag.get(tag) ?? []), { method: method.toUpperCase(), path, operation }]);
    }
  }
  return doc["x-tagGroups"].map((group) => ({
    name: group.name,
    description: group.description,
    groups: group.tags.map((tag) => ({
      tag,
      title: tag.slice(group.name.length).replace(/^\s*·\s*/, "") || tag,
      description: doc.tags.find((t) => t.name === tag)?.description,
      operations: byTag.get(tag) ?? [],
    })),
  }));
}

/** A short type label, split so named schemas can be links: `Event[]`, `string | null`, `"a" | "b"`. */
export function typeLabel(schema: JsonSchema | undefined): TypePart[] {
  if (!schema) return [{ text: "any" }];
  if (typeof schema.$ref === "string") return [{ text: refName(schema.$ref) ?? schema.$ref, ref: refName(schema.$ref) }];
  if ("const" in schema) return [{ text: JSON.stringify(schema.const) }];
  if (Array.isArray(schema.enum)) return [{ text: schema.enum.map((v) => JSON.stringify(v)).join(" | ") }];
  const union = (schema.anyOf ?? schema.oneOf) as JsonSchema[] | undefined;
  if (Array.isArray(union)) return union.flatMap((s, i) => [...(i ? [{ text: " | " }] : []), ...typeLabel(s)]);
  const types = Array.isArray(schema.type) ? (schema.type as string[]) : typeof schema.type === "string" ? [schema.type] : [];
  if (types.length === 0) return [{ text: "any" }];
  return types.flatMap((type, i) => {
    const sep = i ? [{ text: " | " }] : [];
    if (type === "array") {
      const items = typeLabel(schema.items as JsonSchema | undefined);
      return [...sep, ...(items.length > 1 ? [{ text: "(" }, ...items, { text: ")" }] : items), { text: "[]" }];
    }
    if (type === "object" && schema.additionalProperties && typeof schema.additionalProperties === "object" && !schema.properties) {
      return [...sep, { text: "map of " }, ...typeLabel(schema.additionalProperties as JsonSchema)];
    }
    return [...sep, { text: type }];
  });
}

function constraints(schema: JsonSchema): string | undefined {
  const parts: string[] = [];
  if (typeof schema.minimum === "number" && typeof schema.maximum === "number") parts.push(`${schema.minimum}–${schema.maximum}`);
  else if (typeof schema.minimum === "number") parts.push(`≥ ${schema.minimum}`);
  else if (typeof schema.maximum === "number") parts.push(`≤ ${schema.maximum}`);
  if (typeof schema.maxLength === "number") parts.push(`≤ ${schema.maxLength} chars`);
  if (typeof schema.minItems === "number" && schema.minItems === schema.maxItems) parts.push(`exactly ${schema.minItems}`);
  else if (typeof schema.maxItems === "number") parts.push(`≤ ${schema.maxItems} items`);
  return parts.length ? parts.join(", ") : undefined;
}

function describe(schema: JsonSchema): Pick<FieldRow, "description" | "values" | "defaultValue"> {
  const inner = (schema.anyOf as JsonSchema[] | undefined)?.find((s) => s.type !== "null") ?? schema;
  return {
    ...(typeof schema.description === "string" ? { description: schema.description } : typeof inner.description === "string" ? { description: inner.description } : {}),
    ...(constraints(inner) ? { values: constraints(inner) } : {}),
    ...("default" in schema ? { defaultValue: JSON.stringify(schema.default) } : {}),
  };
}

/** The fields of an object schema; inline nested objects become dotted rows (`meta.limit`), named ones links. */
export function fieldRows(doc: OpenApiDocument, schema: JsonSchema | undefined, prefix = ""): FieldRow[] {
  if (!schema) return [];
  if (typeof schema.$ref === "string" && !prefix) {
    const target = doc.components.schemas[refName(schema.$ref) ?? ""];
    return target ? fieldRows(doc, target, prefix) : [];
  }
  const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((schema.required ?? []) as string[]);
  const rows: FieldRow[] = [];
  for (const [name, property] of Object.entries(properties)) {
    const full = `${prefix}${name}`;
    rows.push({ name: full, type: typeLabel(property), required: required.has(name), ...describe(property) });
    if (property.type === "object" && property.properties) rows.push(...fieldRows(doc, property, `${full}.`));
    if (property.type === "array" && (property.items as JsonSchema | undefined)?.properties) rows.push(...fieldRows(doc, property.items as JsonSchema, `${full}[].`));
  }
  return rows;
}

/** Parameters as field rows, with where they go. */
export function parameterRows(parameters: Parameter[] = []): (FieldRow & { in: string })[] {
  return parameters.map((p) => ({ name: p.name, in: p.in, type: typeLabel(p.schema), required: p.required, ...describe(p.schema), ...(p.description ? { description: p.description } : {}) }));
}

/** Schemas an operation's body or answers are, or contain at the top level (to link to). */
export function namedSchemasIn(schema: JsonSchema | undefined): string[] {
  if (!schema) return [];
  const names = new Set<string>();
  const visit = (node: unknown, depth: number) => {
    if (!node || typeof node !== "object" || depth > 3) return;
    const ref = (node as JsonSchema).$ref;
    if (typeof ref === "string" && refName(ref)) names.add(refName(ref)!);
    for (const value of Object.values(node)) visit(value, depth + 1);
  };
  visit(schema, 0);
  return [...names];
}

/** `GET /api/v1/calendars/{calendar_id}` → an HTML id. */
export const anchorOf = (operationId: string) => `op-${operationId}`;
