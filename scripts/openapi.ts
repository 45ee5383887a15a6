// npm run openapi – writes docs/openapi.json (the document GET /api/v1/openapi.json serves).
// `--check` exits 1 when the committed file differs from what the schemas generate.
import fs from "node:fs";
import path from "node:path";
import { openApiDocument } from "../lib/api/openapi/index.ts";

const file = path.resolve(import.meta.dirname, "../docs/openapi.json");
const text = `${JSON.stringify(openApiDocument(), null, 2)}\n`;

if (process.argv.includes("--check")) {
  const current = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "";
  if (current !== text) {
    console.error("docs/openapi.json is out of date: run `npm run openapi`.");
    process.exit(1);
  }
} else {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  const doc = openApiDocument();
  const operations = Object.values(doc.paths).reduce((n, item) => n + Object.keys(item).length, 0);
  console.log(`wrote docs/openapi.json: ${Object.keys(doc.paths).length} paths, ${operations} operations, ${Object.keys(doc.components.schemas).length} schemas`);
}
