// zod → JSON Schema 2020-12 (OpenAPI 3.1's dialect) via zod 4's own z.toJSONSchema. Schemas named
// with `.meta({ id })` become `components.schemas.<id>` and are referenced, never repeated.
import { z } from "zod";

export type JsonSchema = Record<string, unknown>;

const COMPONENT_REF = "#/components/schemas/";

/** Drops the ±2^53 bounds zod adds to every integer: true, but noise to a reader. */
function tidy({ jsonSchema }: { jsonSchema: JsonSchema }): void {
  if (jsonSchema.minimum === Number.MIN_SAFE_INTEGER) delete jsonSchema.minimum;
  if (jsonSchema.maximum === Number.MAX_SAFE_INTEGER) delete jsonSchema.maximum;
}

function rewriteRefs(value: unknown, prefix: string): unknown {
  if (Array.isArray(value)) return value.map((v) => rewriteRefs(v, prefix));
  if (value === null || typeof value !== "object") return value;
  const out: JsonSchema = {};
  for (const [key, v] of Object.entries(value)) {
    out[key] = key === "$ref" && typeof v === "string" && v.startsWith("#/$defs/") ? `${COMPONENT_REF}${prefix}${v.slice("#/$defs/".length)}` : rewriteRefs(v, prefix);
  }
  return out;
}

/** Collects named schemas into `components.schemas`, refusing two different schemas under one name. */
export class ComponentSchemas {
  readonly schemas: Record<string, JsonSchema> = {};

  /**
   * The JSON Schema of `schema` as the client sends or receives it (io "input": what is on the
   * wire before zod's defaults and coercions; objects are open unless declared strict).
   */
  convert(schema: z.ZodType, prefix = ""): JsonSchema {
    const json = z.toJSONSchema(schema, { target: "draft-2020-12", io: "input", unrepresentable: "any", override: tidy as never }) as JsonSchema;
    const { $schema: _dialect, $defs, ...rest } = json;
    for (const [id, def] of Object.entries(($defs ?? {}) as Record<string, JsonSchema>)) this.#add(`${prefix}${id}`, rewriteRefs(def, prefix) as JsonSchema);
    return rewriteRefs(rest, prefix) as JsonSchema;
  }

  #add(name: string, schema: JsonSchema): void {
    const existing = this.schemas[name];
    if (existing === undefined) this.schemas[name] = schema;
    else if (JSON.stringify(existing) !== JSON.stringify(schema)) {
      throw new Error(`OpenAPI: two different schemas are named "${name}"; give one dialect a componentPrefix or rename its .meta({ id })`);
    }
  }
}

/** Follows a local `$ref` in `document`; returns the schema itself when it is not a reference. */
export function deref(document: { components?: { schemas?: Record<string, JsonSchema> } }, schema: JsonSchema): JsonSchema {
  let current = schema;
  for (let hops = 0; typeof current.$ref === "string" && hops < 20; hops++) {
    const ref = current.$ref as string;
    if (!ref.startsWith(COMPONENT_REF)) break;
    const target = document.components?.schemas?.[ref.slice(COMPONENT_REF.length)];
    if (!target) break;
    const { $ref: _ref, ...siblings } = current;
    current = { ...target, ...siblings };
  }
  return current;
}
