// The PHP SDK's own PHPUnit suite (sdks/php/tests: the seed's PHP examples verbatim, errors,
// resources, windows and scopes, retries/timeouts, sync) against this test server, in Debian's
// phpunit. Convention: e2e/sdk/runner.ts.
import { expect, test } from "@playwright/test";
import { expectSuitePasses } from "./runner.ts";

test("PHP SDK – PHPUnit suite passes against the live server", async () => {
  const run = await expectSuitePasses({ command: "phpunit", args: ["--colors=never"], cwd: "sdks/php", timeoutMs: 480_000 });
  // Every test ran: PHPUnit's closing line counts them (a suite that found nothing must not pass).
  expect(run.output).toMatch(/Tests: \d{2,}|OK \(\d{2,} tests/);
});
