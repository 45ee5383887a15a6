// Building blocks of the API reference page; server components only (no client JavaScript).
import { Fragment } from "react";
import type { OpenApiDocument, Operation } from "@/lib/api/openapi/document.ts";
import type { JsonSchema } from "@/lib/api/openapi/json-schema.ts";
import { anchorOf, fieldRows, parameterRows, typeLabel, type FieldRow, type TypePart } from "@/lib/api/openapi/reference.ts";
import styles from "./page.module.css";

/** Inline markdown as the route tables use it: `code` and **bold**. */
export function Inline({ text }: { text: string }) {
  const parts = text.split(/(`[^`]+`|\*\*[^*]+\*\*)/g);
  return (
    <>
      {parts.map((part, i) =>
        part.startsWith("`") && part.endsWith("`") && part.length > 1 ? (
          <code key={i}>{part.slice(1, -1)}</code>
        ) : part.startsWith("**") && part.endsWith("**") && part.length > 3 ? (
          <strong key={i}>{part.slice(2, -2)}</strong>
        ) : (
          <Fragment key={i}>{part}</Fragment>
        ),
      )}
    </>
  );
}

export const schemaAnchor = (name: string) => `schema-${name}`;

export function Type({ parts }: { parts: TypePart[] }) {
  return (
    <code>
      {parts.map((part, i) => (part.ref ? <a key={i} href={`#${schemaAnchor(part.ref)}`}>{part.text}</a> : <Fragment key={i}>{part.text}</Fragment>))}
    </code>
  );
}

export function Fields({ rows, caption, withIn = false }: { rows: (FieldRow & { in?: string })[]; caption: string; withIn?: boolean }) {
  if (rows.length === 0) return null;
  return (
    <div className={styles.tableWrap} tabIndex={0}>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            {withIn ? <th scope="col">In</th> : null}
            <th scope="col">Type</th>
            <th scope="col">Required</th>
            <th scope="col">Description</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={`${row.in ?? ""}:${row.name}`}>
              <td>
                <code>{row.name}</code>
              </td>
              {withIn ? <td>{row.in}</td> : null}
              <td>
                <Type parts={row.type} />
              </td>
              <td>{row.required ? "yes" : "no"}</td>
              <td>
                {row.description ? <Inline text={row.description} /> : null}
                {row.values ? <span className={styles.muted}> ({row.values})</span> : null}
                {row.defaultValue ? <span className={styles.muted}> Default {row.defaultValue}.</span> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function Example({ value, label }: { value: unknown; label: string }) {
  if (value === undefined) return null;
  return (
    <details>
      <summary>{label}</summary>
      <pre>
        <code>{JSON.stringify(value, null, 2)}</code>
      </pre>
    </details>
  );
}

type Media = { schema: JsonSchema; example?: unknown };
const firstMedia = (content: unknown): [string, Media] | undefined => Object.entries((content ?? {}) as Record<string, Media>)[0];

/** A body's fields; for Kona's "wrapped or bare" unions, the bare resource's fields and the wrappers. */
function BodyFields({ doc, schema, caption }: { doc: OpenApiDocument; schema: JsonSchema; caption: string }) {
  const variants = schema.anyOf as JsonSchema[] | undefined;
  const bare = variants?.find((v) => typeof v.$ref === "string");
  if (variants && bare) {
    const wrappers = variants.filter((v) => v !== bare).map((v) => Object.keys((v.properties ?? {}) as object)[0]);
    return (
      <>
        <p>
          One <Type parts={typeLabel(bare)} />, bare or wrapped as {wrappers.map((w, i) => (<Fragment key={w}>{i ? " or " : ""}<code>{`{ "${w}": ${w?.endsWith("s") ? "[ … ]" : "{ … }"} }`}</code></Fragment>))}.
        </p>
        <Fields rows={fieldRows(doc, bare)} caption={caption} />
      </>
    );
  }
  return <Fields rows={fieldRows(doc, schema)} caption={caption} />;
}

const AUTH: Record<string, string> = {
  required: "Needs an API token (Authorization: Bearer …) or the web app's session.",
  none: "Public: no authentication.",
  optional: "Public; answers about you when signed in.",
};

export function OperationBlock({ doc, method, path, operation, errorAnchor }: { doc: OpenApiDocument; method: string; path: string; operation: Operation; errorAnchor: (status: number) => string }) {
  const auth = operation.security === undefined ? "required" : operation.security.length === 0 ? "none" : "optional";
  const body = operation.requestBody ? firstMedia(operation.requestBody.content) : undefined;
  const statuses = Object.keys(operation.responses).map(Number);
  const successes = statuses.filter((s) => s < 400);
  const errors = statuses.filter((s) => s >= 400);
  const headingId = `${anchorOf(operation.operationId)}-title`;
  return (
    <article id={anchorOf(operation.operationId)} className={styles.operation} aria-labelledby={headingId}>
      <h4 id={headingId}>
        <span className={styles.method}>{method}</span> <code>{path}</code>
      </h4>
      <p className={styles.summary}>{operation.summary}</p>
      {operation.description ? <p><Inline text={operation.description} /></p> : null}
      <p className={styles.auth}>{AUTH[auth]}</p>
      <Fields rows={parameterRows(operation.parameters)} caption="Parameters" withIn />
      {body ? (
        <>
          <h5>Request body ({body[0]})</h5>
          <BodyFields doc={doc} schema={body[1].schema} caption="Request fields" />
          <Example value={body[1].example} label="Example request" />
        </>
      ) : null}
      {successes.map((status) => {
        const response = operation.responses[String(status)] as { description: string; content?: unknown; headers?: Record<string, { description: string }> };
        const media = firstMedia(response.content);
        return (
          <Fragment key={status}>
            <h5>
              Response {status}: {response.description}
              {media ? <> — <Type parts={typeLabel(media[1].schema)} /></> : null}
            </h5>
            {response.headers ? (
              <ul>
                {Object.entries(response.headers).map(([name, h]) => (
                  <li key={name}>
                    <code>{name}</code>: <Inline text={h.description} />
                  </li>
                ))}
              </ul>
            ) : null}
            {media && !media[1].schema.$ref ? <Fields rows={fieldRows(doc, media[1].schema)} caption={`Response ${status} fields`} /> : null}
            {media ? <Example value={media[1].example} label={`Example response ${status}`} /> : null}
          </Fragment>
        );
      })}
      {errors.length ? (
        <>
          <h5>Errors</h5>
          <ul className={styles.errors}>
            {errors.map((status) => (
              <li key={status}>
                <a href={`#${errorAnchor(status)}`}>{status}</a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </article>
  );
}

export function SchemaBlock({ doc, name, schema }: { doc: OpenApiDocument; name: string; schema: JsonSchema }) {
  const rows = fieldRows(doc, schema);
  return (
    <section id={schemaAnchor(name)} className={styles.schema} aria-labelledby={`${schemaAnchor(name)}-title`}>
      <h3 id={`${schemaAnchor(name)}-title`}>{name}</h3>
      {typeof schema.description === "string" ? <p><Inline text={schema.description} /></p> : null}
      {rows.length ? <Fields rows={rows} caption={`${name} fields`} /> : <p><Type parts={typeLabel(schema)} /></p>}
      {schema.additionalProperties === false ? <p className={styles.muted}>Other fields are rejected (422).</p> : null}
    </section>
  );
}
