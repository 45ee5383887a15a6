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
  typedRoutes: false,
};

export default nextConfig;
