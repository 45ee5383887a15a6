import type { NextConfig } from "next";

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
  // NEXT_DIST_DIR lets parallel checkouts/test runs build side by side (default .next).
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  // Type checking runs once over the whole repository (app, lib, tests, SDK) in `npm run typecheck`,
  // which `npm test` runs first; the build does not repeat it.
  typescript: { ignoreBuildErrors: true },
  typedRoutes: false,
};

export default nextConfig;
