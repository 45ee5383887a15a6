// The layer rules of eslint.config.mjs, run through ESLint's Node API on code placed in each
// layer: an import across a layer's boundary fails lint; the same import where it belongs passes.
import path from "node:path";
import { ESLint } from "eslint";
import { beforeAll, describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..");
let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: root });
});

/** The messages of no-restricted-imports for `code` as if it were the file `file`. */
async function restricted(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return result!.messages.filter((m) => m.ruleId === "no-restricted-imports").map((m) => m.message);
}

const use = (specifier: string) => `import * as x from "${specifier}";\nexport const y = x;\n`;

describe("layer imports (eslint.config.mjs)", () => {
  it("keeps lib/domain and lib/recurrence pure", async () => {
    for (const specifier of ["../db/event-repository.ts", "../services/list-events.ts", "../api/route.ts", "@/lib/db/client.ts", "../client/request.ts", "../env.ts"]) {
      expect(await restricted("lib/domain/fixture.ts", use(specifier)), specifier).toEqual([expect.stringContaining("are pure")]);
    }
    expect(await restricted("lib/recurrence/fixture.ts", use("../services/occurrences.ts"))).toHaveLength(1);
    expect(await restricted("lib/domain/fixture.ts", use("./time.ts"))).toEqual([]);
    expect(await restricted("lib/recurrence/fixture.ts", use("../domain/time.ts"))).toEqual([]);
  });

  it("keeps dialects and routes out of lib/services, and lib/db innermost", async () => {
    expect(await restricted("lib/services/fixture.ts", use("../api/route.ts"))).toEqual([expect.stringContaining("never imports lib/api")]);
    expect(await restricted("lib/services/fixture.ts", use("@/app/api/health/route.ts"))).toHaveLength(1);
    expect(await restricted("lib/services/fixture.ts", use("../db/event-repository.ts"))).toEqual([]);
    expect(await restricted("lib/db/fixture.ts", use("../services/list-events.ts"))).toEqual([expect.stringContaining("innermost")]);
    expect(await restricted("lib/db/fixture.ts", use("../api/auth.ts"))).toHaveLength(1);
    expect(await restricted("lib/db/fixture.ts", use("./client.ts"))).toEqual([]);
  });

  it("keeps browser code on the public API", async () => {
    for (const [file, specifier] of [
      ["components/fixture.tsx", "@/lib/db/client.ts"],
      ["components/calendar/fixture.tsx", "../../lib/services/list-events.ts"],
      ["lib/client/fixture.ts", "../db/event-repository.ts"],
      ["lib/client/fixture.ts", "@/lib/env.ts"],
    ] as const) {
      expect(await restricted(file, use(specifier)), `${file} → ${specifier}`).toEqual([expect.stringContaining("public API only")]);
    }
    expect(await restricted("components/fixture.tsx", use("@/lib/api/sweetdate/schemas.ts"))).toEqual([]);
  });

  it("lets only lib/db import Prisma and the database drivers", async () => {
    for (const file of ["lib/services/fixture.ts", "lib/api/fixture.ts", "app/api/fixture/route.ts", "components/fixture.tsx"]) {
      for (const specifier of ["@prisma/client", "better-sqlite3", "pg", "../db/generated/sqlite/index.js"]) {
        expect(await restricted(file, use(specifier)), `${file} → ${specifier}`).toContainEqual(expect.stringContaining("Only lib/db"));
      }
    }
    expect(await restricted("lib/db/fixture.ts", use("better-sqlite3"))).toEqual([]);
    expect(await restricted("lib/db/fixture.ts", use("@prisma/adapter-pg"))).toEqual([]);
  });
});
