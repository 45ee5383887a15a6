// `npm start`: one process, one port. Next serves everything as `next start` would, except that
// CalDAV requests (/dav/*, /.well-known/caldav) — whose methods Next's route handlers refuse
// (PROPFIND, REPORT, …) — are handed to the DAV route (app/dav) as a POST carrying the original
// method and path in trusted headers. The server also passes the socket's remote address on, so
// per-client limits key on something a client cannot forge.
//   node server.mjs [-p PORT] [-H HOST]      (PORT / HOST from the environment otherwise)
import http from "node:http";
import path from "node:path";
import next from "next";

const args = process.argv.slice(2);
const flag = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const port = Number(flag("-p") ?? process.env.PORT ?? 3000);
const hostname = flag("-H") ?? process.env.HOST ?? "0.0.0.0";
const dir = path.dirname(new URL(import.meta.url).pathname);

/** Headers only this server may set: anything a client sends under these names is dropped. */
export const TRUSTED_HEADERS = ["x-sd-remote-addr", "x-sd-dav-method", "x-sd-dav-path"];
const DAV_PATH = /^\/(dav(\/.*)?|\.well-known\/caldav\/?)$/;

const app = next({ dev: false, dir, hostname, port, customServer: true });
const handle = app.getRequestHandler();
await app.prepare();

const server = http.createServer((req, res) => {
  for (const name of TRUSTED_HEADERS) delete req.headers[name];
  req.headers["x-sd-remote-addr"] = req.socket.remoteAddress ?? "";
  const url = req.url ?? "/";
  const queryAt = url.indexOf("?");
  const pathname = queryAt >= 0 ? url.slice(0, queryAt) : url;
  if (DAV_PATH.test(pathname)) {
    req.headers["x-sd-dav-method"] = req.method ?? "GET";
    req.headers["x-sd-dav-path"] = pathname;
    req.method = "POST";
    // The DAV route lives at app/dav; no trailing slash on the internal path (Next would 308 it).
    const rest = pathname.startsWith("/.well-known") ? "" : pathname.slice(4).replace(/\/+$/, "");
    req.url = `/dav${rest}${queryAt >= 0 ? url.slice(queryAt) : ""}`;
  }
  handle(req, res);
});
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
