// /docs/api – the API reference, rendered on the server from the same OpenAPI document that
// /api/v1/openapi.json serves (itself generated from the zod wire schemas). No client JavaScript.
import type { Metadata } from "next";
import { ERROR_CODES, type ErrorCode } from "@/lib/domain/errors.ts";
import { DIALECTS, openApiDocument } from "@/lib/api/openapi/index.ts";
import type { DialectSpec } from "@/lib/api/openapi/types.ts";
import { anchorOf, dialects } from "@/lib/api/openapi/reference.ts";
import { Example, Inline, OperationBlock, SchemaBlock } from "./parts.tsx";
import styles from "./page.module.css";

export const metadata: Metadata = { title: "API reference", description: "Every SweetDate and Kona endpoint with its parameters, fields and examples" };
export const dynamic = "force-static";

const slug = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
/** The anchor a dialect's error for `code` has here; Kona's problemType URLs point at these. */
const errorId = (dialect: string, code: ErrorCode) => `${slug(dialect)}-errors-${code.replace(/_ERROR$/, "").toLowerCase().replace(/_/g, "-")}`;
const CODE_BY_STATUS = new Map(Object.entries(ERROR_CODES).map(([code, status]) => [status as number, code as ErrorCode]));

export default function ApiReference() {
  const doc = openApiDocument();
  const views = dialects(doc);
  const schemaNames = Object.keys(doc.components.schemas).sort((a, b) => a.localeCompare(b));
  return (
    <main id="main" className={styles.page}>
      <h1>SweetDate API reference</h1>
      <p className={styles.lead}>
        <Inline text={doc.info.description} />
      </p>
      <p>
        Machine-readable: <a href="/api/v1/openapi.json">OpenAPI 3.1 document</a> (<code>/api/v1/openapi.json</code>). The TypeScript SDK (<code>@sweetdate/sdk</code>) is described in <code>docs/sdk.md</code>.
      </p>

      <nav aria-label="Contents" className={styles.toc}>
        <ul>
          {views.map((dialect) => (
            <li key={dialect.name}>
              <a href={`#${slug(dialect.name)}`}>{dialect.name} dialect</a>
              <ul>
                {dialect.groups.map((group) => (
                  <li key={group.tag}>
                    <a href={`#${slug(group.tag)}`}>{group.title}</a>
                    <ul>
                      {group.operations.map(({ method, path, operation }) => (
                        <li key={operation.operationId}>
                          <a href={`#${anchorOf(operation.operationId)}`}>
                            {method} {path}
                          </a>
                        </li>
                      ))}
                    </ul>
                  </li>
                ))}
                <li>
                  <a href={`#${slug(dialect.name)}-errors`}>Errors</a>
                </li>
              </ul>
            </li>
          ))}
          <li>
            <a href="#schemas">Schemas</a>
          </li>
        </ul>
      </nav>

      {views.map((dialect) => {
        const errorAnchor = (status: number) => errorId(dialect.name, CODE_BY_STATUS.get(status) ?? "INTERNAL_ERROR");
        return (
          <section key={dialect.name} aria-labelledby={slug(dialect.name)}>
            <h2 id={slug(dialect.name)}>{dialect.name} dialect</h2>
            <p>
              <Inline text={dialect.description} />
            </p>
            {dialect.groups.map((group) => (
              <section key={group.tag} aria-label={group.tag}>
                <h3 id={slug(group.tag)}>{group.title}</h3>
                {group.description ? <p><Inline text={group.description} /></p> : null}
                {group.operations.map(({ method, path, operation }) => (
                  <OperationBlock key={operation.operationId} doc={doc} method={method} path={path} operation={operation} errorAnchor={errorAnchor} />
                ))}
              </section>
            ))}
            <ErrorTable dialect={DIALECTS.find((d) => d.name === dialect.name)!} />
          </section>
        );
      })}

      <section aria-labelledby="schemas">
        <h2 id="schemas">Schemas</h2>
        <p>Generated from the zod wire schemas the server validates with; the SDK takes its types from the same schemas.</p>
        {schemaNames.map((name) => (
          <SchemaBlock key={name} doc={doc} name={name} schema={doc.components.schemas[name]!} />
        ))}
      </section>
    </main>
  );
}

/** Every error a dialect answers with, one row (and anchor) per code. */
function ErrorTable({ dialect }: { dialect: DialectSpec }) {
  return (
    <section aria-label={`${dialect.name} errors`}>
      <h3 id={`${slug(dialect.name)}-errors`}>Errors</h3>
      <div className={styles.tableWrap} tabIndex={0}>
        <table>
          <caption>{dialect.name} error answers</caption>
          <thead>
            <tr>
              <th scope="col">Status</th>
              <th scope="col">Code</th>
              <th scope="col">Meaning and example</th>
            </tr>
          </thead>
          <tbody>
            {(Object.entries(ERROR_CODES) as [ErrorCode, number][]).map(([code, status]) => {
              const answer = dialect.error(status);
              return (
                <tr key={code} id={errorId(dialect.name, code)} className={styles.errorRow}>
                  <td>{status}</td>
                  <td>
                    <code>{code}</code>
                  </td>
                  <td>
                    <Inline text={answer.description} />
                    {answer.contentType ? <span className={styles.muted}> ({answer.contentType})</span> : null}
                    <Example value={answer.example} label="Example body" />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
