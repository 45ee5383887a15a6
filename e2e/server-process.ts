// For tests that need a server of their own (other settings, several instances, many client
// addresses): starts `server.mjs` — what `npm start` runs — on a free port, on a fresh database
// (SQLite file, or a new PostgreSQL database when TEST_DATABASE_URL is set) or a shared one.
import { spawn, type ChildProcess } from "node:child_process";
import http from "node:http";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { throwawayDatabase, type ThrowawayDatabase } from "../lib/db/testing/throwaway-database.ts";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export type TestDatabase = ThrowawayDatabase;

/** A fresh, empty database on the server the suite runs against (SQLite or PostgreSQL). */
export function freshDatabase(): Promise<TestDatabase> {
  return throwawayDatabase({ prefix: "sweetdate_test", postgres: process.env.TEST_DATABASE_URL, dir: path.join(root, "data") });
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

export interface ServerProcess {
  baseURL: string;
  port: number;
  stop(): Promise<void>;
}

/** Starts server.mjs with `env` on top of the test environment; resolves once /api/health answers. */
export async function startServer(databaseUrl: string, env: Record<string, string> = {}): Promise<ServerProcess> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [path.join(root, "server.mjs")], {
    cwd: root,
    stdio: ["ignore", "ignore", "pipe"],
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", PORT: String(port), HOST: "127.0.0.1", DATABASE_URL: databaseUrl, RATE_LIMIT_PER_MINUTE: "100000", SIGNUP_MODE: "open", ...env },
  });
  let stderr = "";
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<never>((_, reject) => child.once("exit", (code) => reject(new Error(`server exited (${code}): ${stderr}`))));
  const baseURL = `http://127.0.0.1:${port}`;
  const ready = (async () => {
    for (;;) {
      const status = await httpRequest(`${baseURL}/api/health`).then((r) => r.status, () => 0);
      if (status === 200) return;
      await new Promise((r) => setTimeout(r, 200));
    }
  })();
  await Promise.race([ready, exited]);
  return {
    baseURL,
    port,
    stop: async () => {
      if (child.exitCode !== null) return;
      const gone = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      await gone;
    },
  };
}

export interface PlainResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** One HTTP request from a chosen local address (any of 127.0.0.0/8 reaches a 127.0.0.1 listener). */
export function httpRequest(
  url: string,
  opts: { method?: string; headers?: Record<string, string>; body?: unknown; from?: string; timeoutMs?: number } = {},
): Promise<PlainResponse> {
  return new Promise((resolve, reject) => {
    const data = opts.body === undefined ? undefined : typeof opts.body === "string" ? opts.body : JSON.stringify(opts.body);
    // Parsed by hand: WHATWG URL parsing would resolve dot segments (`%2e%2e`) before sending.
    const m = /^http:\/\/([^/:]+):(\d+)(\/.*)?$/.exec(url);
    if (!m) throw new Error(`not an http://host:port/path URL: ${url}`);
    const req = http.request(
      {
        host: m[1],
        port: Number(m[2]),
        path: m[3] ?? "/",
        method: opts.method ?? "GET",
        localAddress: opts.from,
        agent: false,
        headers: { ...(data !== undefined ? { "content-type": "application/json" } : {}), ...opts.headers },
        timeout: opts.timeoutMs ?? 60_000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString("utf8") }));
        res.on("error", reject);
      },
    );
    req.on("timeout", () => req.destroy(new Error(`no answer within ${opts.timeoutMs ?? 60_000} ms: ${opts.method ?? "GET"} ${url}`)));
    req.on("error", reject);
    req.end(data);
  });
}
