// The Ruby SDK's own minitest suite (sdks/ruby/test) against this run's server — SQLite in
// `npm test`, PostgreSQL in `.ci/run`'s second pass. Convention: docs/sdk.md, e2e/sdk/runner.ts.
import { test } from "@playwright/test";
import { expectSuitePasses } from "./runner.ts";

test("Ruby SDK (sdks/ruby): minitest suite, the seed's Ruby examples verbatim included", async () => {
  const run = await expectSuitePasses({ command: "ruby", args: ["-Ilib", "-Itest", "test/all.rb", "--verbose"], cwd: "sdks/ruby" });
  // Print minitest's summary line into the Playwright report (skips show up here, e.g. sync on an older server).
  console.log(run.output.split("\n").filter((line) => /\d+ runs, \d+ assertions/.test(line)).join("\n"));
});
