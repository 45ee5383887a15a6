// Derives prisma/postgres/schema.prisma from the SQLite source schema and generates both Prisma
// clients, so one build serves either database (picked at run time by DATABASE_URL).
// `--check` only verifies that the derived schema is up to date (used by the tests).
import fs from "node:fs";
import path from "node:path";
import { execFileSync } from "node:child_process";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const source = path.join(root, "prisma/sqlite/schema.prisma");
const derived = path.join(root, "prisma/postgres/schema.prisma");

export function derivePostgresSchema(text) {
  return text
    .replace(/^\/\/ SOURCE OF TRUTH[^\n]*\n\/\/[^\n]*\n/m, "// GENERATED from prisma/sqlite/schema.prisma by scripts/generate.mjs — do not edit.\n")
    .replace('provider = "sqlite"', 'provider = "postgresql"')
    .replace('output     = "../../lib/db/generated/sqlite"', 'output     = "../../lib/db/generated/postgres"');
}

const expected = derivePostgresSchema(fs.readFileSync(source, "utf8"));
if (process.argv.includes("--check")) {
  const actual = fs.existsSync(derived) ? fs.readFileSync(derived, "utf8") : "";
  if (actual !== expected) {
    console.error("prisma/postgres/schema.prisma is out of date: run `npm run db:generate`.");
    process.exit(1);
  }
  process.exit(0);
}
fs.writeFileSync(derived, expected);

const prisma = path.join(root, "node_modules/.bin/prisma");
const urls = { sqlite: "file:./data/generate.db", postgres: "postgresql://postgres@127.0.0.1:5432/generate" };
for (const provider of ["sqlite", "postgres"]) {
  execFileSync(prisma, ["generate", "--schema", `prisma/${provider}/schema.prisma`], {
    cwd: root,
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, DATABASE_URL: urls[provider], PRISMA_HIDE_UPDATE_MESSAGE: "1", CHECKPOINT_DISABLE: "1" },
  });
}
console.log("prisma: generated clients for sqlite and postgres");

// The SDK's copy of the wire schemas (sdks/js/src/generated, not committed) is made here too.
execFileSync(process.execPath, [path.join(root, "sdks/js/scripts/sync-schemas.mjs")], { cwd: root, stdio: "inherit" });
