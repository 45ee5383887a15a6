// The Elixir SDK's own ExUnit suite (sdks/elixir/test: the seed's Elixir examples verbatim, errors,
// resources, windows and scopes, retries/timeouts, the JSON codec against jiffy, sync) against
// this test server, with Debian's elixir. No Hex: the project has no dependencies.
// Convention: e2e/sdk/runner.ts.
import { expect, test } from "@playwright/test";
import { expectSuitePasses } from "./runner.ts";

test("Elixir SDK – ExUnit suite passes against the live server", async () => {
  const run = await expectSuitePasses({ command: "mix", args: ["test", "--no-color"], cwd: "sdks/elixir", env: { MIX_ENV: "test", MIX_QUIET: "1" }, timeoutMs: 480_000 });
  // Every test ran: ExUnit's closing line counts them (a suite that found nothing must not pass).
  expect(run.output).toMatch(/\b\d{2,} tests, 0 failures/);
});
