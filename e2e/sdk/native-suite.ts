// Runs an SDK's own test suite (PHPUnit, ExUnit, …) as a child process against the test server:
// a fresh user and API token (plus two peers for sharing tests) in SWEETDATE_URL,
// SWEETDATE_API_TOKEN and SWEETDATE_TEST_PEERS. The runner's output is returned for the
// assertion message, so a failure shows exactly what the suite printed.
import { spawn } from "node:child_process";
import path from "node:path";
import type { APIRequestContext } from "@playwright/test";
import { BASE_URL, newUser } from "../helpers.ts";

export const REPO_ROOT = path.resolve(import.meta.dirname, "../..");

export interface SuiteRun {
  code: number | null;
  output: string;
}

/** Environment for a native suite: the server, a fresh user's token and two peers. */
export async function suiteEnv(request: APIRequestContext): Promise<Record<string, string>> {
  const user = await newUser(request, { name: "SDK Owner" });
  const peers = [await newUser(request, { name: "SDK Peer One" }), await newUser(request, { name: "SDK Peer Two" })];
  return {
    SWEETDATE_URL: BASE_URL,
    SWEETDATE_API_TOKEN: user.token,
    SWEETDATE_TEST_PEERS: JSON.stringify(peers.map(({ id, email, token }) => ({ id, email, token }))),
  };
}

/** Spawns `command` in `cwd` (relative to the repository) and collects stdout+stderr. */
export function runSuite(command: string, args: string[], cwd: string, env: Record<string, string>): Promise<SuiteRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: path.join(REPO_ROOT, cwd), env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, output }));
  });
}
