// REPORTs: calendar-query (RFC 4791 §7.8; time ranges match expanded occurrences),
// calendar-multiget (§7.9) and sync-collection (RFC 6578 §3.2).
import { DavError } from "./errors.ts";
import type { DavRequest } from "./handler.ts";
import { findObject, listObjects, objectsInRange, type DavObject } from "./objects.ts";
import { nameInCollection } from "./paths.ts";
import { hrefOf, multistatus, propRequestOf, propResponse } from "./propfind.ts";
import type { Resource } from "./resources.ts";
import { changedObjects, collectionSyncToken } from "./sync.ts";
import { child, children, el, NS, parseXml, type XmlElement, type XmlNode } from "./xml.ts";

type CalendarResource = Extract<Resource, { kind: "calendar" }>;

export async function report(ctx: DavRequest, r: Resource): Promise<Response> {
  const root = parseXml(await ctx.body());
  if (!root) throw new DavError(400, "a REPORT needs a body");
  const kind = `${root.ns}|${root.name}`;
  if (r.kind !== "calendar") {
    // Only calendar collections hold objects; a multiget addressed to an object's parent is common.
    if (kind === `${NS.DAV}|sync-collection` && r.kind === "home") throw new DavError(403, "sync the calendar collections one by one", [NS.DAV, "valid-sync-token"]);
    throw new DavError(403, "this report is only supported on calendar collections", [NS.DAV, "supported-report"]);
  }
  switch (kind) {
    case `${NS.CALDAV}|calendar-query`:
      return calendarQuery(ctx, r, root);
    case `${NS.CALDAV}|calendar-multiget`:
      return multiget(ctx, r, root);
    case `${NS.DAV}|sync-collection`:
      return syncCollection(ctx, r, root);
    default:
      throw new DavError(403, `the ${root.name} report is not supported`, [NS.DAV, "supported-report"]);
  }
}

const objectResource = (r: CalendarResource, object: DavObject): Resource => ({ kind: "object", user: r.user, calendar: r.calendar, segment: r.segment, name: object.name, object });

async function calendarQuery(ctx: DavRequest, r: CalendarResource, root: XmlElement): Promise<Response> {
  const props = propRequestOf(root);
  const filter = child(root, NS.CALDAV, "filter");
  const calendarFilter = child(filter, NS.CALDAV, "comp-filter");
  if (calendarFilter && calendarFilter.attrs.name?.toUpperCase() !== "VCALENDAR") return multistatus([]);
  const componentFilter = children(calendarFilter, NS.CALDAV, "comp-filter")[0];
  // We store events only: a query for to-dos or journals matches nothing.
  if (componentFilter && componentFilter.attrs.name?.toUpperCase() !== "VEVENT") return multistatus([]);
  const range = child(componentFilter, NS.CALDAV, "time-range");
  let objects: DavObject[];
  if (range) {
    const from = range.attrs.start ? parseIcalUtc(range.attrs.start) : null;
    const to = range.attrs.end ? parseIcalUtc(range.attrs.end) : null;
    if ((range.attrs.start && !from) || (range.attrs.end && !to)) throw new DavError(400, "time-range start/end must be UTC date-times like 20260101T000000Z", [NS.CALDAV, "valid-filter"]);
    objects = await objectsInRange(r.calendar, r.user, from, to);
  } else {
    objects = await listObjects(r.calendar, r.user);
  }
  // A UID text-match (clients look one event up this way); other property filters are not applied.
  for (const propFilter of children(componentFilter, NS.CALDAV, "prop-filter")) {
    const match = child(propFilter, NS.CALDAV, "text-match");
    if (propFilter.attrs.name?.toUpperCase() !== "UID" || !match) continue;
    const needle = match.text.trim().toLowerCase();
    const negate = match.attrs["negate-condition"] === "yes";
    objects = objects.filter((o) => o.uid.toLowerCase().includes(needle) !== negate);
  }
  const responses: XmlNode[] = [];
  for (const object of objects) responses.push(await propResponse(hrefOf(objectResource(r, object)), objectResource(r, object), ctx, props));
  return multistatus(responses);
}

async function multiget(ctx: DavRequest, r: CalendarResource, root: XmlElement): Promise<Response> {
  const props = propRequestOf(root);
  const collection = hrefOf(r);
  const responses: XmlNode[] = [];
  for (const h of children(root, NS.DAV, "href")) {
    const href = h.text.trim();
    const name = nameInCollection(href, collection);
    const object = name ? await findObject(r.calendar, name, r.user) : null;
    if (!object) {
      responses.push(el(NS.DAV, "response", [el(NS.DAV, "href", href), el(NS.DAV, "status", "HTTP/1.1 404 Not Found")]));
      continue;
    }
    responses.push(await propResponse(href, objectResource(r, object), ctx, props));
  }
  return multistatus(responses);
}

async function syncCollection(ctx: DavRequest, r: CalendarResource, root: XmlElement): Promise<Response> {
  const props = propRequestOf(root);
  const token = child(root, NS.DAV, "sync-token")?.text.trim() ?? "";
  const level = child(root, NS.DAV, "sync-level")?.text.trim() ?? "1";
  if (level !== "1") throw new DavError(403, "only sync-level 1 is supported", [NS.DAV, "supported-report"]);
  const limitText = child(child(root, NS.DAV, "limit"), NS.DAV, "nresults")?.text.trim();
  if (limitText !== undefined) throw new DavError(507, "result truncation is not supported; omit DAV:limit", [NS.DAV, "number-of-matches-within-limits"]);
  const responses: XmlNode[] = [];
  const collection = hrefOf(r);
  if (token === "") {
    for (const object of await listObjects(r.calendar, r.user)) responses.push(await propResponse(hrefOf(objectResource(r, object)), objectResource(r, object), ctx, props));
    return multistatus(responses, [el(NS.DAV, "sync-token", await collectionSyncToken(r.calendar))]);
  }
  const delta = await changedObjects(r.calendar, r.user, token);
  for (const object of delta.present) responses.push(await propResponse(hrefOf(objectResource(r, object)), objectResource(r, object), ctx, props));
  for (const name of delta.gone) {
    responses.push(el(NS.DAV, "response", [el(NS.DAV, "href", `${collection}${encodeURIComponent(name)}`), el(NS.DAV, "status", "HTTP/1.1 404 Not Found")]));
  }
  return multistatus(responses, [el(NS.DAV, "sync-token", delta.token)]);
}

/** `20260101T000000Z` (the only form RFC 4791 allows in time-range) → Date. */
export function parseIcalUtc(text: string): Date | null {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(text.trim());
  if (!m) return null;
  const d = new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!));
  return Number.isNaN(d.getTime()) ? null : d;
}
