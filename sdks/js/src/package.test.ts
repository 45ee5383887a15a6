// The published package: `tsc -p sdks/js` emits ESM + .d.ts that import nothing but each other and zod
// (no path back into the app, no Next, no Prisma), and the result loads in plain Node.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const sdkRoot = path.resolve(import.meta.dirname, "..");
// Inside sdks/js/ so that `zod` resolves as it would for an installed package.
const outDir = path.join(sdkRoot, `.test-dist-${process.pid}`);
const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");

afterAll(() => fs.rmSync(outDir, { recursive: true, force: true }));

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

describe("@sweetdate/sdk build", () => {
  it("emits a self-contained ESM package with types", { timeout: 60_000 }, async () => {
    execFileSync(process.execPath, [tsc, "-p", path.join(sdkRoot, "tsconfig.json"), "--outDir", outDir], { stdio: "pipe" });
    const emitted = files(outDir).map((f) => path.relative(outDir, f));
    expect(emitted).toEqual(expect.arrayContaining(["index.js", "index.d.ts", "generated/schemas.js", "generated/enums.js"]));
    expect(emitted.filter((f) => f.includes(".test."))).toEqual([]);

    const seen = new Set<string>();
    for (const file of emitted.filter((f) => f.endsWith(".js") || f.endsWith(".d.ts"))) {
      const text = fs.readFileSync(path.join(outDir, file), "utf8");
      // Statements only (anchored at line start), so comments that show usage are not mistaken for imports.
      for (const [, specifier] of text.matchAll(/^\s*(?:import|export)\s+(?:type\s+)?(?:[\w*{}\s,$]+?\s*from\s*)?["']([^"']+)["']/gm)) {
        seen.add(specifier!);
        if (specifier!.startsWith(".")) {
          const target = path.resolve(path.dirname(path.join(outDir, file)), specifier!);
          expect(target.startsWith(outDir + path.sep), `${file} imports ${specifier} outside the package`).toBe(true);
          if (file.endsWith(".js")) expect(fs.existsSync(target), `${file} imports missing ${specifier}`).toBe(true);
        } else {
          expect(specifier, `${file} may only import zod`).toBe("zod");
        }
      }
    }

    expect([...seen]).toEqual(expect.arrayContaining(["zod", "./client.js", "./enums.js"]));

    const sdk = await import(pathToFileURL(path.join(outDir, "index.js")).href);
    expect(typeof sdk.SD.Calendar.get).toBe("function");
    expect(typeof sdk.SD.configure).toBe("function");
    expect(new sdk.NotFoundError("x", { status: 404, errorCode: "NOT_FOUND" })).toBeInstanceOf(sdk.SweetDateError);
    expect(sdk.schemas.Event.safeParse({}).success).toBe(false);
  });
});
