// A small closed-loop HTTP load generator: N keep-alive connections, each sending the next request
// as soon as the previous answer arrives, for a fixed time. Reports throughput and latency percentiles.
import http from "node:http";

export interface LoadResult {
  requests: number;
  seconds: number;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

export interface LoadOptions {
  connections: number;
  seconds: number;
  headers?: Record<string, string>;
  /** POSTs the JSON this returns (connection number, request number on it) instead of GETting. */
  body?: (connection: number, request: number) => unknown;
  /** The status a request should answer (200). */
  expect?: number;
}

export async function load(url: string, opts: LoadOptions): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: opts.connections });
  const latencies: number[] = [];
  let errors = 0;
  const deadline = performance.now() + opts.seconds * 1000;
  const started = performance.now();
  const expected = opts.expect ?? 200;
  const one = (connection: number, request: number) =>
    new Promise<void>((resolve) => {
      const t0 = performance.now();
      const payload = opts.body ? JSON.stringify(opts.body(connection, request)) : null;
      const headers = payload === null ? opts.headers : { ...opts.headers, "content-type": "application/json", "content-length": String(Buffer.byteLength(payload)) };
      const req = http.request(url, { agent, headers, method: payload === null ? "GET" : "POST" }, (res) => {
        res.on("data", () => undefined);
        res.on("end", () => {
          if (res.statusCode !== expected) errors += 1;
          latencies.push(performance.now() - t0);
          resolve();
        });
      });
      req.on("error", () => {
        errors += 1;
        resolve();
      });
      req.end(payload ?? undefined);
    });
  await Promise.all(
    Array.from({ length: opts.connections }, async (_, connection) => {
      for (let request = 0; performance.now() < deadline; request++) await one(connection, request);
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))] ?? 0;
  return { requests: latencies.length, seconds, rps: latencies.length / seconds, p50: pct(0.5), p99: pct(0.99), errors };
}
