// Calendar collections made and removed over DAV: MKCALENDAR (RFC 4791 §5.3.1) or extended MKCOL
// (RFC 5689) in the caller's home creates a SweetDate calendar they own, kept at the name the client
// chose; DELETE of a collection deletes the calendar (owners only, as in the API).
import { AppError } from "../domain/errors.ts";
import { createCalendar, deleteCalendar } from "../services/manage-calendars.ts";
import { DavError } from "./errors.ts";
import type { DavRequest } from "./handler.ts";
import type { Resource } from "./resources.ts";
import { child, NS, parseXml } from "./xml.ts";

export async function makeCalendar(ctx: DavRequest, r: Resource): Promise<Response> {
  const text = await ctx.body();
  let root = null;
  if (text.trim() !== "") {
    try {
      root = parseXml(text);
    } catch {
      throw new DavError(415, "the request body is not an MKCALENDAR or extended MKCOL document");
    }
  }
  const expected = ctx.method === "MKCALENDAR" ? [NS.CALDAV, "mkcalendar"] : [NS.DAV, "mkcol"];
  if (root && (root.ns !== expected[0] || root.name !== expected[1])) throw new DavError(415, `expected a ${expected[1]} body`);
  if (r.kind === "calendar") throw new DavError(405, "a calendar already exists at this address", undefined, { allow: "OPTIONS, PROPFIND, PROPPATCH, REPORT, DELETE" });
  if (r.kind === "orphan") throw new DavError(409, "the parent collection does not exist");
  if (r.kind !== "new-calendar") throw new DavError(403, "calendars can only be made in your own calendar home", [NS.DAV, "resource-must-be-null"]);
  if (r.segment.length > 100) throw new DavError(403, "the collection name is longer than 100 characters");
  const props = child(child(root, NS.DAV, "set"), NS.DAV, "prop");
  const resourcetype = child(props, NS.DAV, "resourcetype");
  // Extended MKCOL may ask for something other than a calendar: we only make calendars.
  if (ctx.method === "MKCOL" && resourcetype && !child(resourcetype, NS.CALDAV, "calendar")) throw new DavError(403, "only calendar collections can be made here", [NS.DAV, "valid-resourcetype"]);
  const name = child(props, NS.DAV, "displayname")?.text.trim() || r.segment;
  const color = child(props, NS.APPLE, "calendar-color")?.text.trim().slice(0, 7);
  const description = child(props, NS.CALDAV, "calendar-description")?.text.trim();
  // One transaction: the calendar and the name the client chose for it, or neither.
  await createCalendar(
    ctx.user.id,
    { name: name.slice(0, 200), ...(color && /^#[0-9a-fA-F]{6}$/.test(color) ? { color } : {}), ...(description ? { description } : {}) },
    ctx.user.timeZone,
    r.segment,
  );
  return new Response(null, { status: 201, headers: { "cache-control": "no-store" } });
}

export async function deleteCollection(ctx: DavRequest, r: Extract<Resource, { kind: "calendar" }>): Promise<Response> {
  if (ctx.req.headers.get("if-match")) throw new DavError(412, "collections have no ETag");
  try {
    await deleteCalendar({ id: r.calendar.id }, ctx.user.id);
  } catch (error) {
    if (error instanceof AppError && error.code === "FORBIDDEN") throw new DavError(403, "only the calendar's owners may delete it", [NS.DAV, "need-privileges"]);
    throw error;
  }
  return new Response(null, { status: 204 });
}
