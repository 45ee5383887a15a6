// Copies the server's wire schemas (lib/api/sweetdate/schemas.ts and every relative module it
// imports, e.g. lib/domain/enums.ts) into sdks/js/src/generated/, so the SDK is typed and validated by
// the very schemas the server uses while sdks/js/dist stays self-contained.
//   node sdks/js/scripts/sync-schemas.mjs           write the copies
//   node sdks/js/scripts/sync-schemas.mjs --check   exit 1 when a copy is missing or stale
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const sdkRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const repoRoot = path.resolve(sdkRoot, "../..");
export const GENERATED_DIR = path.join(sdkRoot, "src/generated");
const ENTRY = "lib/api/sweetdate/schemas.ts";
const ALLOWED_PACKAGES = new Set(["zod"]);
const IMPORT = /(\bfrom\s+|\bimport\s*\(\s*|\bimport\s+)(["'])([^"']+)\2/g;

function header(source) {
  return `// GENERATED from ${source} by sdks/js/scripts/sync-schemas.mjs — do not edit; edit the source and run \`npm run build -w @sweetdate/sdk\`.\n`;
}

/** The generated files, by name, with their contents (relative imports flattened to ./name.ts). */
export function generatedFiles() {
  const files = new Map();
  const sources = new Map(); // generated name → repo-relative source
  const queue = [ENTRY];
  while (queue.length > 0) {
    const source = queue.shift();
    const name = path.basename(source);
    if (sources.has(name)) {
      if (sources.get(name) !== source) throw new Error(`sync-schemas: ${source} and ${sources.get(name)} would both become generated/${name}`);
      continue;
    }
    sources.set(name, source);
    const text = fs.readFileSync(path.join(repoRoot, source), "utf8");
    const rewritten = text.replace(IMPORT, (match, keyword, quote, specifier) => {
      if (!specifier.startsWith(".")) {
        if (!ALLOWED_PACKAGES.has(specifier)) throw new Error(`sync-schemas: ${source} imports "${specifier}"; the SDK may only depend on ${[...ALLOWED_PACKAGES].join(", ")}`);
        return match;
      }
      if (!specifier.endsWith(".ts")) throw new Error(`sync-schemas: ${source} imports "${specifier}" without the .ts extension`);
      const target = path.posix.normalize(path.posix.join(path.posix.dirname(source), specifier));
      queue.push(target);
      return `${keyword}${quote}./${path.posix.basename(target)}${quote}`;
    });
    files.set(name, header(source) + rewritten);
  }
  return files;
}

/** Names of generated files that are missing, stale, or left over. */
export function staleFiles() {
  const expected = generatedFiles();
  const stale = [];
  for (const [name, text] of expected) {
    const file = path.join(GENERATED_DIR, name);
    if (!fs.existsSync(file) || fs.readFileSync(file, "utf8") !== text) stale.push(name);
  }
  if (fs.existsSync(GENERATED_DIR)) for (const name of fs.readdirSync(GENERATED_DIR)) if (!expected.has(name)) stale.push(name);
  return stale;
}

function write() {
  const files = generatedFiles();
  fs.mkdirSync(GENERATED_DIR, { recursive: true });
  for (const name of fs.readdirSync(GENERATED_DIR)) if (!files.has(name)) fs.rmSync(path.join(GENERATED_DIR, name));
  for (const [name, text] of files) {
    const file = path.join(GENERATED_DIR, name);
    if (!fs.existsSync(file) || fs.readFileSync(file, "utf8") !== text) fs.writeFileSync(file, text);
  }
  console.log(`sdk: synced ${[...files.keys()].join(", ")} into src/generated/`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (process.argv.includes("--check")) {
    const stale = staleFiles();
    if (stale.length > 0) {
      console.error(`sdks/js/src/generated is out of date (${stale.join(", ")}): run \`npm run build -w @sweetdate/sdk\`.`);
      process.exit(1);
    }
  } else {
    write();
  }
}
