// The benchmark's server is a production build plus the baseline route (app/api/bench/baseline/
// route.bench.ts), which only a build with SWEETDATE_BENCH_BUILD=1 contains (next.config.ts).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");

/** Builds (with the baseline route) unless the current build already has it. */
export function ensureBenchBuild(distDir = process.env.NEXT_DIST_DIR ?? ".next"): void {
  if (fs.existsSync(path.join(root, distDir, "server/app/api/bench/baseline/route.js"))) return;
  execFileSync("npm", ["run", "-s", "build"], { cwd: root, stdio: "inherit", env: { ...process.env, SWEETDATE_BENCH_BUILD: "1" } });
}
