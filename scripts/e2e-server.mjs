// Serves the built app for the end-to-end tests on a throw-away database, removed afterwards:
// a SQLite file under data/, or — when TEST_DATABASE_URL is postgres://… — a fresh database
// `sweetdate_test_<random>` created on that server.
import { spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";

const port = process.argv[2] ?? "3999";
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const suffix = crypto.randomBytes(4).toString("hex");
const admin = process.env.TEST_DATABASE_URL;
let databaseUrl;
let cleanup = async () => {};

if (admin && /^postgres(ql)?:\/\//.test(admin)) {
  const name = `sweetdate_test_${suffix}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  const url = new URL(admin);
  url.pathname = `/${name}`;
  databaseUrl = url.toString();
  cleanup = async () => {
    const c = new pg.Client({ connectionString: admin });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await c.end();
  };
} else {
  const file = path.join(root, "data", `e2e-${suffix}.db`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  databaseUrl = `file:${file}`;
  cleanup = async () => {
    for (const ext of ["", "-wal", "-shm", "-journal"]) fs.rmSync(file + ext, { force: true });
  };
}

// Specs that start a second instance on the same database (e2e/api/feed) read the URL here.
const handoff = path.join(root, "data", `e2e-server-${port}.json`);
fs.mkdirSync(path.dirname(handoff), { recursive: true });
fs.writeFileSync(handoff, JSON.stringify({ databaseUrl }));
const previousCleanup = cleanup;
cleanup = async () => {
  fs.rmSync(handoff, { force: true });
  await previousCleanup();
};

// The same server as `npm start` (server.mjs). The suite signs users up freely, hence
// SIGNUP_MODE=open (e2e/api/access/sign-up-modes.spec.ts starts its own servers for the other modes).
const server = spawn(process.execPath, [path.join(root, "server.mjs")], {
  cwd: root,
  stdio: "inherit",
  env: {
    ...process.env,
    PORT: port,
    HOST: "127.0.0.1",
    DATABASE_URL: databaseUrl,
    NEXT_TELEMETRY_DISABLED: "1",
    RATE_LIMIT_PER_MINUTE: process.env.RATE_LIMIT_PER_MINUTE ?? "100000",
    SIGNUP_MODE: process.env.SIGNUP_MODE ?? "open",
    SUBSCRIPTIONS_ALLOW_PRIVATE: "1",
  },
});

let stopping = false;
async function stop(code) {
  if (stopping) return;
  stopping = true;
  server.kill("SIGTERM");
  await new Promise((r) => setTimeout(r, 300));
  await cleanup().catch((e) => console.error("cleanup failed:", e.message));
  process.exit(code);
}
process.on("SIGTERM", () => stop(0));
process.on("SIGINT", () => stop(0));
server.on("exit", (code) => stop(code ?? 0));
