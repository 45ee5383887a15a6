// The CalDAV entry point: one function from (method, path, request) to a response. It authenticates,
// resolves the path to a resource of the caller's own tree and dispatches on the method. Every
// read and write goes through lib/services, so the API's access rules, change log and live stream
// apply unchanged.
import { inRequestScope } from "../db/request-snapshot.ts";
import { databaseError } from "../db/errors.ts";
import { readBodyText } from "../api/body.ts";
import { AppError } from "../domain/errors.ts";
import type { UserRecord } from "../domain/types.ts";
import { davUser } from "./auth.ts";
import { deleteCollection, makeCalendar } from "./collections.ts";
import { DavError } from "./errors.ts";
import { parseDavPath } from "./paths.ts";
import { propfind, proppatch } from "./propfind.ts";
import { report } from "./report.ts";
import { deleteObject, getObject, putObject } from "./objects.ts";
import { resolve } from "./resources.ts";
import { NS, xmlDocument, el } from "./xml.ts";

export const DAV_METHODS = ["OPTIONS", "PROPFIND", "PROPPATCH", "REPORT", "GET", "HEAD", "PUT", "DELETE", "MKCOL", "MKCALENDAR", "COPY", "MOVE", "LOCK", "UNLOCK", "POST"];
const ALLOW = "OPTIONS, PROPFIND, PROPPATCH, REPORT, GET, HEAD, PUT, DELETE, MKCOL, MKCALENDAR";
export const MAX_BODY_BYTES = 10 * 1024 * 1024;

export interface DavRequest {
  method: string;
  /** The path the client asked for (with its trailing slash, not decoded). */
  path: string;
  req: Request;
  user: UserRecord;
  depth: "0" | "1" | "infinity";
  /** The request body as text (read once, size-limited). */
  body(): Promise<string>;
}

/** The route (app/dav): only requests that came through server.mjs carry the DAV headers. */
export async function davRoute(req: Request): Promise<Response> {
  const method = req.headers.get("x-sd-dav-method");
  const path = req.headers.get("x-sd-dav-path");
  if (!method || !path) return new Response("not found", { status: 404 });
  // One scope per request, as for the REST routes (lib/db/request-snapshot.ts).
  return inRequestScope(() => handleDav(method.toUpperCase(), path, req));
}

export async function handleDav(method: string, path: string, req: Request): Promise<Response> {
  try {
    if (path === "/.well-known/caldav" || path === "/.well-known/caldav/") {
      // RFC 6764 §5: the well-known URI points at the context path.
      return new Response(null, { status: 301, headers: { location: "/dav/" } });
    }
    if (method === "OPTIONS") return options();
    const user = await davUser(req);
    const depth = parseDepth(req.headers.get("depth"), method);
    let cached: Promise<string> | null = null;
    const ctx: DavRequest = { method, path, req, user, depth, body: () => (cached ??= readBody(req)) };
    const target = parseDavPath(path);
    // Deeper than a calendar object: creating there needs parents that cannot exist (RFC 4918 §9.3.1).
    if (target.kind === "unknown" && ["MKCOL", "MKCALENDAR", "PUT"].includes(method) && path.startsWith("/dav/calendars/")) {
      throw new DavError(409, "the parent collection does not exist");
    }
    const resource = await resolve(target, user);
    switch (method) {
      case "PROPFIND":
        return await propfind(ctx, resource);
      case "PROPPATCH":
        return await proppatch(ctx, resource);
      case "REPORT":
        return await report(ctx, resource);
      case "GET":
      case "HEAD":
        if (resource.kind === "new-calendar" || resource.kind === "orphan") throw new DavError(404, "not found");
        return await getObject(ctx, resource);
      case "PUT":
        if (resource.kind === "orphan") throw new DavError(409, "the calendar collection does not exist");
        return await putObject(ctx, resource);
      case "DELETE":
        if (resource.kind === "new-calendar" || resource.kind === "orphan") throw new DavError(404, "not found");
        return resource.kind === "calendar" ? await deleteCollection(ctx, resource) : await deleteObject(ctx, resource);
      case "MKCOL":
      case "MKCALENDAR":
        return await makeCalendar(ctx, resource);
      default:
        throw new DavError(405, `${method} is not supported here`, undefined, { allow: ALLOW });
    }
  } catch (error) {
    return errorResponse(error);
  }
}

function options(): Response {
  return new Response(null, {
    status: 200,
    headers: { dav: "1, 3, calendar-access", allow: ALLOW, "content-length": "0" },
  });
}

function parseDepth(header: string | null, method: string): "0" | "1" | "infinity" {
  const value = header?.trim().toLowerCase();
  if (value === "0" || value === "1") return value;
  if (value === "infinity") return "infinity";
  // RFC 4918: PROPFIND without Depth means infinity; REPORTs default to 0.
  return method === "PROPFIND" ? "infinity" : "0";
}

const readBody = (req: Request) => readBodyText(req, MAX_BODY_BYTES, () => new DavError(413, "the body is larger than 10 MiB"));

const APP_STATUS: Record<string, number> = { NOT_FOUND: 404, FORBIDDEN: 403, CONFLICT: 409, PRECONDITION_FAILED: 412, RATE_LIMITED: 429, UNAUTHORIZED: 401, PAYLOAD_TOO_LARGE: 413 };

export function errorResponse(error: unknown): Response {
  // A row deleted meanwhile, a key taken, a busy lock: the API's 404 / 409, not a 500.
  error = databaseError(error) ?? error;
  if (error instanceof DavError) {
    const body = error.condition ? xmlDocument(el(NS.DAV, "error", [el(error.condition[0], error.condition[1])])) : error.message;
    return new Response(body, {
      status: error.status,
      headers: { "content-type": error.condition ? "application/xml; charset=utf-8" : "text/plain; charset=utf-8", ...error.headers },
    });
  }
  if (error instanceof AppError) {
    const status = APP_STATUS[error.code] ?? (error.status >= 500 ? 500 : 400);
    const headers: Record<string, string> = { "content-type": "text/plain; charset=utf-8" };
    if (error.retryAfterSeconds) headers["retry-after"] = String(error.retryAfterSeconds);
    const detail = error.fields ? `${error.message}: ${Object.entries(error.fields).map(([k, v]) => `${k} ${v.join(", ")}`).join("; ")}` : error.message;
    if (status === 403) {
      return new Response(xmlDocument(el(NS.DAV, "error", [el(NS.DAV, "need-privileges")])), { status, headers: { "content-type": "application/xml; charset=utf-8" } });
    }
    return new Response(detail, { status, headers });
  }
  const requestId = crypto.randomUUID();
  console.error(`[dav ${requestId}]`, error);
  return new Response(`internal error (request id ${requestId})`, { status: 500, headers: { "content-type": "text/plain; charset=utf-8" } });
}
