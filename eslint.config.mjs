import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// Layers (ARCHITECTURE.md): route handlers → lib/api → lib/services → lib/domain, lib/recurrence
// → lib/db. Imports point inward only; each rule below names what a directory may not import.
// A specifier reaches lib/<dir> as `@/lib/<dir>/…`, `../<dir>/…` (inside lib) or `../lib/<dir>/…`.
// `env` is the one file among them (lib/env.ts).
const into = (...dirs) => `^(?:@/lib/|\\./|(?:\\.\\./)+(?:lib/)?)(?:${dirs.map((d) => (d === "env" ? "env\\.ts$" : `${d}(?:/|$)`)).join("|")})`;
const intoApp = "^(?:@/|(?:\\.\\./)+)app(?:/|$)";
const DATABASE_DRIVERS = "^(?:@prisma/|better-sqlite3$|pg$|pg/|prisma$)|/generated/";

const layer = (files, message, ...regexes) => ({ files, message, regexes });
const LAYERS = [
  layer(["lib/domain/**", "lib/recurrence/**"], "lib/domain and lib/recurrence are pure: they import no dialect, service, database or client code.", into("api", "services", "db", "client", "dav", "env")),
  layer(["lib/services/**"], "lib/services serves every dialect: it never imports lib/api, lib/dav or a route.", into("api", "dav", "client"), intoApp),
  layer(["lib/db/**"], "lib/db is the innermost layer: it never imports services, dialects or routes.", into("services", "api", "dav", "client"), intoApp),
  layer(["components/**", "lib/client/**"], "Browser code reaches the server through the public API only: no lib/db, lib/services or server environment.", into("db", "services", "dav", "env")),
];

/** Every file gets one no-restricted-imports rule: its layer's patterns plus the database drivers (outside lib/db). */
function layerRules() {
  const driverRule = { regex: DATABASE_DRIVERS, message: "Only lib/db talks to the database (Prisma client, adapters, drivers)." };
  const configs = LAYERS.map(({ files, message, regexes }) => ({
    files,
    rules: {
      "no-restricted-imports": ["error", { patterns: [...regexes.map((regex) => ({ regex, message })), ...(files[0] === "lib/db/**" ? [] : [driverRule])] }],
    },
  }));
  // Everything else in the app's source (routes, dialects, CalDAV, iCalendar) keeps to the driver rule.
  configs.unshift({ files: ["app/**", "lib/**", "components/**"], ignores: ["lib/db/**"], rules: { "no-restricted-imports": ["error", { patterns: [driverRule] }] } });
  return configs;
}

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [".next/**", ".next-*/**", "node_modules/**", "lib/db/generated/**", "sdks/js/dist/**", "test-results/**", "playwright-report/**", "next-env.d.ts", "docs/**"],
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  ...layerRules(),
];

export default config;
