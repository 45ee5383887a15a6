import type { NextConfig } from "next";

// Security headers on every page and API response (docs/access.md). Next's bootstrap scripts are
// inline, hence 'unsafe-inline' for scripts (no nonces); `next dev` also needs 'unsafe-eval'.
const scriptSrc = `script-src 'self' 'unsafe-inline'${process.env.NODE_ENV === "development" ? " 'unsafe-eval'" : ""}`;
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  scriptSrc,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "object-src 'none'",
].join("; ");

const securityHeaders = [
  { key: "Content-Security-Policy", value: CONTENT_SECURITY_POLICY },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()" },
];

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
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default nextConfig;
