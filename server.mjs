// `npm start`: SweetDate's HTTP server — Next's request handler behind node:http, so the app can
// learn things only the socket knows. Route handlers never see the socket; here we
//   - record the peer address in `x-sweetdate-peer`, always overwriting whatever a client sent
//     (lib/api/client-address.ts trusts it only in a process this file started);
//   - answer 404 for paths with dot segments (`/events/%2e%2e`), which Next would otherwise
//     resolve and 308-redirect onto the parent resource — a DELETE must never land there — and
//     for paths whose percent-encoding is not UTF-8 (Next's router would answer 500);
// Protocols Next cannot route (CalDAV methods such as PROPFIND) are dispatched here too, before Next.
// Environment: PORT (default 3000), HOST (default 0.0.0.0). `next start` still works, without the above.
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import next from "next";

const root = path.dirname(fileURLToPath(import.meta.url));
const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOST ?? "0.0.0.0";

export const PEER_HEADER = "x-sweetdate-peer";
// Read by lib/api/client-address.ts: the peer header is ours in this process.
globalThis[Symbol.for("sweetdate.peerHeader")] = true;

/** Does the path (before `?`) hold a `.` or `..` segment, literally or percent-encoded? */
export function hasDotSegment(url = "/") {
  const pathname = url.split("?", 1)[0] ?? "";
  return pathname.split(/\/|%2f|%5c|\\/i).some((segment) => /^(\.|%2e){1,2}$/i.test(segment));
}

/** Does the path's percent-encoding decode to text? (`%ED%A0%80`, a lone surrogate, does not: Next would answer 500.) */
export function hasBadEncoding(url = "/") {
  try {
    decodeURIComponent(url.split("?", 1)[0] ?? "");
    return false;
  } catch {
    return true;
  }
}

const SECURITY_HEADERS = { "x-content-type-options": "nosniff", "referrer-policy": "strict-origin-when-cross-origin", "x-frame-options": "DENY" };

/** 404 in the dialect the path belongs to (SweetDate /api/v1, Kona /api), plain text elsewhere. */
function notFound(req, res) {
  const pathname = (req.url ?? "/").split("?", 1)[0];
  const host = req.headers.host ?? "localhost";
  let type = "text/plain; charset=utf-8";
  let body = "Not found";
  if (/^\/api\/v1\/(?!calendar_events)/.test(pathname)) {
    type = "application/json; charset=utf-8";
    body = JSON.stringify({ status: "error", message: "not found", error_code: "NOT_FOUND" });
  } else if (pathname.startsWith("/api/")) {
    type = "application/problem+json; charset=utf-8";
    body = JSON.stringify({ problemType: `http://${host}/docs/api#kona-errors-not-found`, title: "Not found", details: "not found" });
  }
  res.writeHead(404, { ...SECURITY_HEADERS, "content-type": type, "content-length": Buffer.byteLength(body) });
  res.end(req.method === "HEAD" ? undefined : body);
}

export async function startServer({ port: listenPort = port, host = hostname } = {}) {
  const app = next({ dev: false, dir: root, hostname: host, port: listenPort });
  const handle = app.getRequestHandler();
  await app.prepare();
  const server = http.createServer((req, res) => {
    req.headers[PEER_HEADER] = req.socket.remoteAddress ?? "";
    // Both are unknown resources, never 308s onto a parent or 500s from the router.
    if (hasDotSegment(req.url) || hasBadEncoding(req.url)) return notFound(req, res);
    handle(req, res).catch((error) => {
      console.error(error);
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  await new Promise((resolve) => server.listen(listenPort, host, resolve));
  return server;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const server = await startServer();
  console.log(`sweetdate: listening on http://${hostname}:${port}`);
  const stop = () => {
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 5_000).unref();
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}
