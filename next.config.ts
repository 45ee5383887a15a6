import type { NextConfig } from "next";
import { securityHeaders } from "./security-headers.mjs";

const nextConfig: NextConfig = {
  // Native drivers and Prisma adapters stay outside the bundle (loaded by Node at run time).
  serverExternalPackages: [
    "better-sqlite3",
    "pg",
    "@prisma/adapter-better-sqlite3",
    "@prisma/adapter-pg",
    "@node-rs/argon2",
  ],
  poweredByHeader: false,
  // The benchmark's baseline route (app/api/bench/baseline/route.bench.ts) is built only for
  // `npm run bench` (SWEETDATE_BENCH_BUILD=1); a production build has no such route.
  pageExtensions: ["tsx", "ts", "jsx", "js", ...(process.env.SWEETDATE_BENCH_BUILD === "1" ? ["bench.ts"] : [])],
  // NEXT_DIST_DIR lets parallel checkouts/test runs build side by side (default .next).
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  // Type checking runs once over the whole repository (app, lib, tests, SDK) in `npm run typecheck`,
  // which `npm test` runs first; the build does not repeat it.
  typescript: { ignoreBuildErrors: true },
  typedRoutes: false,
  // `npm start` (server.mjs) sets the security headers itself; `next dev` gets them from here.
  async headers() {
    if (process.env.NODE_ENV !== "development") return [];
    return [{ source: "/:path*", headers: securityHeaders(true).map(([key, value]) => ({ key, value })) }];
  },
};

export default nextConfig;
