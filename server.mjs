// `npm start`: one process, one port. Next serves everything as `next start` would, except that
//   - CalDAV requests (/dav/*, /.well-known/caldav) — whose methods Next's route handlers refuse
//     (PROPFIND, REPORT, …) — are handed to the DAV route (app/dav) as a POST carrying the original
//     method and path in trusted headers;
//   - the socket's remote address is passed on in a trusted header, so per-client limits key on
//     something a client cannot forge (lib/api/client-address.ts; it trusts the header only in a
//     process this file started, marked on globalThis);
//   - paths with a `.`/`..` segment, literal or percent-encoded (`/events/%2e%2e`), API paths with
//     an empty segment or a backslash (`/calendars/X//`), and percent-encoding that is not UTF-8
//     are a 404 in the dialect's shape: Next would resolve the first two and 308-redirect onto
//     another (parent) resource — a DELETE must never land there — and answer 500 to the third.
//   node server.mjs [-p PORT] [-H HOST]      (PORT / HOST from the environment otherwise)
import http from "node:http";
import path from "node:path";
import next from "next";
import { securityHeaders } from "./security-headers.mjs";

const args = process.argv.slice(2);
const flag = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const port = Number(flag("-p") ?? process.env.PORT ?? 3000);
const hostname = flag("-H") ?? process.env.HOST ?? "0.0.0.0";
const dir = path.dirname(new URL(import.meta.url).pathname);

/** Headers only this server may set: anything a client sends under these names is dropped. */
const TRUSTED_HEADERS = ["x-sd-remote-addr", "x-sd-dav-method", "x-sd-dav-path"];
const DAV_PATH = /^\/(dav(\/.*)?|\.well-known\/caldav\/?)$/;
// Read by lib/api/client-address.ts: in this process x-sd-remote-addr is ours.
globalThis[Symbol.for("sweetdate.peerHeader")] = true;

/** A `.` or `..` segment, literally or percent-encoded (also behind an encoded slash)? */
function hasDotSegment(pathname) {
  return pathname.split(/\/|%2f|%5c|\\/i).some((segment) => /^(\.|%2e){1,2}$/i.test(segment));
}

/** An empty segment or a backslash in an API path (`/calendars/X//`): Next would 308 it onto another resource. */
function hasEmptySegment(pathname) {
  return pathname.startsWith("/api/") && /\/\/|\\|%5c/i.test(pathname);
}

/** Percent-encoding that does not decode to text (`%ED%A0%80`, a lone surrogate's bytes)? */
function hasBadEncoding(pathname) {
  try {
    decodeURIComponent(pathname);
    return false;
  } catch {
    return true;
  }
}

/** Every response gets these (security-headers.mjs; next.config.ts leaves them to this file). */
const SECURITY_HEADER_LIST = securityHeaders(false);
const SECURITY_HEADERS = Object.fromEntries(SECURITY_HEADER_LIST);

/** An error body in the dialect the path belongs to (SweetDate /api/v1 and /feeds, Kona /api), plain text elsewhere. */
function errorBody(pathname, host, { code, kona, title, message }) {
  if (/^\/(api\/(v1\/(?!calendar_events)|health)|feeds\/)/.test(pathname)) {
    return { type: "application/json; charset=utf-8", body: JSON.stringify({ status: "error", message, error_code: code }) };
  }
  if (pathname.startsWith("/api/")) {
    const origin = /^[A-Za-z0-9.:[\]-]+$/.test(host ?? "") ? host : "localhost";
    return { type: "application/problem+json; charset=utf-8", body: JSON.stringify({ problemType: `http://${origin}/docs/api#kona-errors-${kona}`, title, details: message }) };
  }
  return { type: "text/plain; charset=utf-8", body: title };
}

function notFound(req, res, pathname) {
  const { type, body } = errorBody(pathname, req.headers.host, { code: "NOT_FOUND", kona: "not-found", title: "Not found", message: "not found" });
  res.writeHead(404, { ...SECURITY_HEADERS, "content-type": type, "content-length": Buffer.byteLength(body) });
  res.end(req.method === "HEAD" ? undefined : body);
}

/**
 * Requests Node's parser refuses before any handler runs (headers over 16 KiB → 431, malformed → 400):
 * answered in the dialect of the path on the request line, like every other error, then closed.
 */
function onClientError(error, socket) {
  if (error.code === "ECONNRESET" || !socket.writable) return socket.destroy();
  const tooLarge = error.code === "HPE_HEADER_OVERFLOW";
  const head = error.rawPacket ? error.rawPacket.toString("latin1", 0, 8192) : "";
  const pathname = (head.split("\r\n")[0]?.split(" ")[1] ?? "").split("?")[0];
  const host = /\r\nhost:\s*([^\r\n]*)/i.exec(head)?.[1]?.trim();
  const { type, body } = errorBody(pathname, host, {
    code: "BAD_REQUEST",
    kona: "bad-request",
    title: tooLarge ? "Request header fields too large" : "Bad request",
    message: tooLarge ? "the request's headers are larger than 16 KiB" : "the request is not valid HTTP",
  });
  const status = tooLarge ? "431 Request Header Fields Too Large" : "400 Bad Request";
  const headers = Object.entries({ ...SECURITY_HEADERS, "content-type": type, "content-length": Buffer.byteLength(body), connection: "close" }).map(([k, v]) => `${k}: ${v}\r\n`).join("");
  socket.end(`HTTP/1.1 ${status}\r\n${headers}\r\n${body}`);
}

const app = next({ dev: false, dir, hostname, port, customServer: true });
const handle = app.getRequestHandler();
await app.prepare();

const server = http.createServer((req, res) => {
  for (const name of TRUSTED_HEADERS) delete req.headers[name];
  req.headers["x-sd-remote-addr"] = req.socket.remoteAddress ?? "";
  const url = req.url ?? "/";
  const queryAt = url.indexOf("?");
  const pathname = queryAt >= 0 ? url.slice(0, queryAt) : url;
  if (hasDotSegment(pathname) || hasEmptySegment(pathname) || hasBadEncoding(pathname)) return notFound(req, res, pathname);
  if (DAV_PATH.test(pathname)) {
    req.headers["x-sd-dav-method"] = req.method ?? "GET";
    req.headers["x-sd-dav-path"] = pathname;
    req.method = "POST";
    // The DAV route lives at app/dav; no trailing slash on the internal path (Next would 308 it).
    const rest = pathname.startsWith("/.well-known") ? "" : pathname.slice(4).replace(/\/+$/, "");
    req.url = `/dav${rest}${queryAt >= 0 ? url.slice(queryAt) : ""}`;
  }
  for (const [name, value] of SECURITY_HEADER_LIST) res.setHeader(name, value);
  handle(req, res);
});
server.on("clientError", onClientError);
server.keepAliveTimeout = 65_000;
server.listen(port, hostname, () => {
  console.log(`sweetdate: ready on http://${hostname === "0.0.0.0" ? "localhost" : hostname}:${port}`);
});

// Open streams (SSE) would hold a graceful close forever: give them a moment, then go.
const stop = () => {
  server.close(() => process.exit(0));
  server.closeIdleConnections();
  setTimeout(() => process.exit(0), 3000).unref();
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
