// Runs a non-JavaScript SDK's own test suite (minitest, PHPUnit, ExUnit, …) against the live e2e
// server, so it is part of `npm test` (SQLite) and of the PostgreSQL pass of `.ci/run`.
// Convention (docs/sdk.md, "Testing every SDK"): e2e/sdk/<lang>.spec.ts calls `expectSuitePasses`
// with the language's runner; the suite reads its server and users from the environment:
//   SWEETDATE_URL                    the e2e server's origin
//   SWEETDATE_API_TOKEN              API token of a fresh user (the SDK's own env configuration)
//   SWEETDATE_USER_ID                that user's id
//   SWEETDATE_OTHER_API_TOKEN        a second fresh user (members, permissions, "not yours" cases)
//   SWEETDATE_OTHER_USER_ID / SWEETDATE_OTHER_EMAIL
// The suite makes its own calendars and events with these users, so it runs in parallel with
// every other test on the same server.
import { spawn } from "node:child_process";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { BASE_URL, newUser } from "../helpers.ts";

export const REPO_ROOT = path.resolve(import.meta.dirname, "../..");

export interface SuiteRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  output: string;
  timedOut: boolean;
}

/** Spawns `command args` in `cwd` (relative to the repository) and collects stdout + stderr. */
export function runCommand(command: string, args: string[], opts: { cwd: string; env: Record<string, string>; timeoutMs: number }): Promise<SuiteRun> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: path.resolve(REPO_ROOT, opts.cwd), env: { ...process.env, ...opts.env }, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    let timedOut = false;
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGKILL");
    }, opts.timeoutMs);
    child.on("error", (error) => {
      clearTimeout(timer);
      resolve({ code: null, signal: null, output: `${output}\ncould not start ${command}: ${error.message}`, timedOut });
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, output, timedOut });
    });
  });
}

/**
 * One Playwright test = one language's whole suite: two fresh users, the runner spawned with the
 * environment above, exit code 0 expected (the runner's output is the failure message).
 */
export async function expectSuitePasses(opts: { command: string; args: string[]; cwd: string; env?: Record<string, string>; timeoutMs?: number }) {
  const timeoutMs = opts.timeoutMs ?? 240_000;
  test.setTimeout(timeoutMs + 60_000);
  const [user, other] = await Promise.all([newUser(null, { name: "SDK Suite" }), newUser(null, { name: "SDK Other" })]);
  const env = {
    SWEETDATE_URL: BASE_URL,
    SWEETDATE_API_TOKEN: user.token,
    SWEETDATE_USER_ID: user.id,
    SWEETDATE_OTHER_API_TOKEN: other.token,
    SWEETDATE_OTHER_USER_ID: other.id,
    SWEETDATE_OTHER_EMAIL: other.email,
    ...opts.env,
  };
  const run = await runCommand(opts.command, opts.args, { cwd: opts.cwd, env, timeoutMs });
  const header = `${opts.command} ${opts.args.join(" ")} (in ${opts.cwd})${run.timedOut ? ` timed out after ${timeoutMs} ms` : ""} exited with ${run.code ?? run.signal}`;
  await test.info().attach("runner output", { body: run.output, contentType: "text/plain" });
  expect(run.code, `${header}\n${run.output}`).toBe(0);
  return run;
}
