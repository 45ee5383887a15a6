// The PHP SDK's own PHPUnit suite (sdks/php/tests: the seed's PHP examples verbatim, errors,
// resources, retries/timeouts, sync) against this test server, in Debian's phpunit.
import { expect, test } from "@playwright/test";
import { runSuite, suiteEnv } from "./native-suite.ts";

test("PHP SDK – PHPUnit suite passes against the live server", async ({ request }) => {
  test.setTimeout(15 * 60_000);
  const env = await suiteEnv(request);
  const { code, output } = await runSuite("phpunit", ["--colors=never"], "sdks/php", env);
  if (code !== 0) console.log(output);
  expect(code, output).toBe(0);
  // Every test ran (a suite that found nothing to run must not pass silently).
  expect(output).toMatch(/OK(, but incomplete, skipped, or risky tests!)?\s*\n?\s*(\(|Tests: )\d+/);
});
