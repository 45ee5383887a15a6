import { defineConfig } from "vitest/config";

// Unit tests live beside the code (lib/**/*.test.ts) and run in UTC; other zones are tested on purpose.
export default defineConfig({
  test: {
    include: ["lib/**/*.test.ts", "cli/**/*.test.ts", "sdks/js/src/**/*.test.ts"],
    environment: "node",
    env: { TZ: "UTC" },
    testTimeout: 30_000,
  },
  resolve: { alias: { "@": new URL(".", import.meta.url).pathname } },
});
