// PROPFIND and PROPPATCH (RFC 4918 §9.1–9.2) over the resources of lib/dav/resources.ts, with the
// CalDAV (RFC 4791), sync (RFC 6578) and de-facto calendar-server properties clients ask first.
import { roleAtLeast } from "../domain/enums.ts";
import { AppError } from "../domain/errors.ts";
import { updateCalendar } from "../services/manage-calendars.ts";
import { DavError } from "./errors.ts";
import type { DavRequest } from "./handler.ts";
import { listObjects, objectEtag, objectText, type DavObject } from "./objects.ts";
import { calendarHref, DAV_ROOT, homeHref, objectHref, principalHref } from "./paths.ts";
import { calendarsOf, segmentsOf, type Resource } from "./resources.ts";
import { collectionSyncToken } from "./sync.ts";
import { child, clark, clarkOf, el, NS, parseXml, xmlDocument, type Clark, type XmlNode, type XmlValue } from "./xml.ts";

type Prop = (r: Resource, ctx: DavRequest) => XmlValue | undefined | Promise<XmlValue | undefined>;

const href = (h: string) => [el(NS.DAV, "href", h)];
const privileges = (names: string[]) => names.map((n) => el(NS.DAV, "privilege", [el(NS.DAV, n)]));
const reports = (names: [string, string][]) =>
  names.map(([ns, n]) => el(NS.DAV, "supported-report", [el(NS.DAV, "report", [el(ns, n)])]));

const user = (r: Resource) => ("user" in r ? r.user : null);

/** Who may do what in a calendar, in WebDAV ACL terms (the API's rules decide each request). */
function calendarPrivileges(r: Resource): string[] {
  if (r.kind !== "calendar" && r.kind !== "object") return ["read", "read-current-user-privilege-set"];
  const role = r.calendar.role;
  if (!role || !roleAtLeast(role, "member")) return ["read", "read-current-user-privilege-set"];
  const base = ["read", "read-current-user-privilege-set", "write-content", "bind", "unbind"];
  return roleAtLeast(role, "admin") ? [...base, "write-properties"] : base;
}

const COMMON: Record<Clark, Prop> = {
  [clark(NS.DAV, "current-user-principal")]: (_r, ctx) => href(principalHref(ctx.user.uuid)),
  [clark(NS.DAV, "principal-collection-set")]: () => href("/dav/principals/"),
  [clark(NS.DAV, "current-user-privilege-set")]: (r) => privileges(calendarPrivileges(r)),
  [clark(NS.DAV, "owner")]: (r, ctx) => (r.kind === "root" ? undefined : href(principalHref((user(r) ?? ctx.user).uuid))),
};

const PROPS: Record<Resource["kind"], Record<Clark, Prop>> = {
  root: {
    [clark(NS.DAV, "resourcetype")]: () => [el(NS.DAV, "collection")],
    [clark(NS.DAV, "displayname")]: () => "SweetDate",
  },
  principals: { [clark(NS.DAV, "resourcetype")]: () => [el(NS.DAV, "collection")] },
  calendars: { [clark(NS.DAV, "resourcetype")]: () => [el(NS.DAV, "collection")] },
  principal: {
    [clark(NS.DAV, "resourcetype")]: () => [el(NS.DAV, "collection"), el(NS.DAV, "principal")],
    [clark(NS.DAV, "displayname")]: (r) => user(r)!.name,
    [clark(NS.DAV, "principal-URL")]: (r) => href(principalHref(user(r)!.uuid)),
    [clark(NS.CALDAV, "calendar-home-set")]: (r) => href(homeHref(user(r)!.uuid)),
    [clark(NS.CALDAV, "calendar-user-address-set")]: (r) => href(`mailto:${user(r)!.email}`),
    [clark(NS.CALDAV, "calendar-user-type")]: () => "INDIVIDUAL",
    [clark(NS.DAV, "supported-report-set")]: () => [],
  },
  home: {
    [clark(NS.DAV, "resourcetype")]: () => [el(NS.DAV, "collection")],
    [clark(NS.DAV, "displayname")]: (r) => `${user(r)!.name}'s calendars`,
    [clark(NS.DAV, "supported-report-set")]: () => reports([[NS.DAV, "sync-collection"]]),
  },
  calendar: {
    [clark(NS.DAV, "resourcetype")]: () => [el(NS.DAV, "collection"), el(NS.CALDAV, "calendar")],
    [clark(NS.DAV, "displayname")]: (r) => (r.kind === "calendar" ? r.calendar.name : undefined),
    [clark(NS.CALDAV, "calendar-description")]: (r) => (r.kind === "calendar" ? (r.calendar.description ?? "") : undefined),
    [clark(NS.APPLE, "calendar-color")]: (r) => (r.kind === "calendar" ? r.calendar.color.toUpperCase() : undefined),
    [clark(NS.CALDAV, "calendar-timezone-id")]: (r) => (r.kind === "calendar" ? r.calendar.timeZone : undefined),
    [clark(NS.CALDAV, "supported-calendar-component-set")]: () => [el(NS.CALDAV, "comp", null, { name: "VEVENT" })],
    [clark(NS.CALDAV, "supported-calendar-data")]: () => [el(NS.CALDAV, "calendar-data", null, { "content-type": "text/calendar", version: "2.0" })],
    [clark(NS.CALDAV, "max-resource-size")]: () => String(10 * 1024 * 1024),
    [clark(NS.DAV, "supported-report-set")]: () =>
      reports([
        [NS.CALDAV, "calendar-query"],
        [NS.CALDAV, "calendar-multiget"],
        [NS.DAV, "sync-collection"],
      ]),
    [clark(NS.CS, "getctag")]: (r) => (r.kind === "calendar" ? collectionSyncToken(r.calendar) : undefined),
    [clark(NS.DAV, "sync-token")]: (r) => (r.kind === "calendar" ? collectionSyncToken(r.calendar) : undefined),
  },
  "new-calendar": {},
  orphan: {},
  object: {
    [clark(NS.DAV, "resourcetype")]: () => [],
    [clark(NS.DAV, "getcontenttype")]: () => "text/calendar; charset=utf-8; component=VEVENT",
    [clark(NS.DAV, "getetag")]: (r) => (r.kind === "object" && r.object ? objectEtag(r.object) : undefined),
    [clark(NS.DAV, "getlastmodified")]: (r) => (r.kind === "object" && r.object ? r.object.lastModified.toUTCString() : undefined),
    [clark(NS.CALDAV, "calendar-data")]: (r, ctx) => (r.kind === "object" && r.object ? objectText(r.object, ctx) : undefined),
  },
};

/** Properties an `allprop` request returns (calendar-data only when asked by name). */
const ALLPROP_SKIP = new Set([clark(NS.CALDAV, "calendar-data")]);

export type PropRequest = { kind: "allprop" } | { kind: "propname" } | { kind: "prop"; names: { ns: string; name: string }[] };

export function propRequestOf(root: ReturnType<typeof parseXml>): PropRequest {
  if (!root || child(root, NS.DAV, "allprop")) return { kind: "allprop" };
  if (child(root, NS.DAV, "propname")) return { kind: "propname" };
  const prop = child(root, NS.DAV, "prop");
  if (!prop) return { kind: "allprop" };
  return { kind: "prop", names: prop.children.map((c) => ({ ns: c.ns, name: c.name })) };
}

/** One `<d:response>` for a resource: found properties under 200, unknown ones under 404. */
export async function propResponse(resourceHref: string, r: Resource, ctx: DavRequest, request: PropRequest): Promise<XmlNode> {
  const table = { ...COMMON, ...PROPS[r.kind] };
  const found: XmlNode[] = [];
  const missing: XmlNode[] = [];
  if (request.kind === "propname") {
    for (const key of Object.keys(table)) {
      const [, ns, name] = /^\{(.*)\}(.*)$/.exec(key)!;
      found.push(el(ns!, name!));
    }
  } else {
    const names =
      request.kind === "allprop"
        ? Object.keys(table)
            .filter((k) => !ALLPROP_SKIP.has(k))
            .map((k) => {
              const [, ns, name] = /^\{(.*)\}(.*)$/.exec(k)!;
              return { ns: ns!, name: name! };
            })
        : request.names;
    for (const { ns, name } of names) {
      const provider = table[clark(ns, name)];
      const value = provider ? await provider(r, ctx) : undefined;
      if (value === undefined) {
        if (request.kind === "prop") missing.push(el(ns, name));
      } else found.push(el(ns, name, value));
    }
  }
  const propstats: XmlNode[] = [];
  if (found.length || !missing.length) propstats.push(propstat(found, "HTTP/1.1 200 OK"));
  if (missing.length) propstats.push(propstat(missing, "HTTP/1.1 404 Not Found"));
  return el(NS.DAV, "response", [el(NS.DAV, "href", resourceHref), ...propstats]);
}

const propstat = (props: XmlNode[], status: string) => el(NS.DAV, "propstat", [el(NS.DAV, "prop", props), el(NS.DAV, "status", status)]);

export const multistatus = (responses: XmlNode[], extra: XmlNode[] = []) =>
  new Response(xmlDocument(el(NS.DAV, "multistatus", [...responses, ...extra])), {
    status: 207,
    headers: { "content-type": "application/xml; charset=utf-8" },
  });

export function hrefOf(r: Resource): string {
  switch (r.kind) {
    case "root":
      return DAV_ROOT;
    case "principals":
      return "/dav/principals/";
    case "calendars":
      return "/dav/calendars/";
    case "principal":
      return principalHref(r.user.uuid);
    case "home":
      return homeHref(r.user.uuid);
    case "calendar":
      return calendarHref(r.user.uuid, r.segment);
    case "new-calendar":
      return calendarHref(r.user.uuid, r.segment);
    case "object":
      return objectHref(r.user.uuid, r.segment, r.name);
    case "orphan":
      return "/dav/";
  }
}

export async function propfind(ctx: DavRequest, r: Resource): Promise<Response> {
  if ((r.kind === "object" && !r.object) || r.kind === "new-calendar" || r.kind === "orphan") throw new DavError(404, "not found");
  const request = propRequestOf(parseXml(await ctx.body()));
  const responses = [await propResponse(hrefOf(r), r, ctx, request)];
  if (ctx.depth !== "0") {
    for (const member of await membersOf(r, ctx)) responses.push(await propResponse(hrefOf(member), member, ctx, request));
  }
  return multistatus(responses);
}

async function membersOf(r: Resource, ctx: DavRequest): Promise<Resource[]> {
  switch (r.kind) {
    case "root":
      return [
        { kind: "principal", user: ctx.user },
        { kind: "home", user: ctx.user },
      ];
    case "principals":
      return [{ kind: "principal", user: ctx.user }];
    case "calendars":
      return [{ kind: "home", user: ctx.user }];
    case "home": {
      const calendars = await calendarsOf(r.user);
      const segments = await segmentsOf(calendars);
      return calendars.map((calendar) => ({ kind: "calendar", user: r.user, calendar, segment: segments.get(calendar.id)! }));
    }
    case "calendar":
      return (await listObjects(r.calendar, r.user)).map((object: DavObject) => ({ kind: "object", user: r.user, calendar: r.calendar, segment: r.segment, name: object.name, object }));
    default:
      return [];
  }
}

/** PROPPATCH: a calendar's name, colour and description are its API fields (owners/admins);
 * everything else is refused property by property (we keep no dead properties). */
export async function proppatch(ctx: DavRequest, r: Resource): Promise<Response> {
  const root = parseXml(await ctx.body());
  if (!root || root.ns !== NS.DAV || root.name !== "propertyupdate") throw new DavError(400, "expected a DAV:propertyupdate body");
  const settable: Record<Clark, "name" | "color" | "description"> = {
    [clark(NS.DAV, "displayname")]: "name",
    [clark(NS.APPLE, "calendar-color")]: "color",
    [clark(NS.CALDAV, "calendar-description")]: "description",
  };
  const changes: { name?: string; color?: string; description?: string | null } = {};
  const names: { ns: string; name: string }[] = [];
  let refused = false;
  for (const op of root.children) {
    const prop = child(op, NS.DAV, "prop");
    for (const p of prop?.children ?? []) {
      names.push({ ns: p.ns, name: p.name });
      const field = r.kind === "calendar" ? settable[clarkOf(p)] : undefined;
      if (!field) {
        refused = true;
        continue;
      }
      const value = op.name === "remove" ? "" : p.text.trim();
      if (field === "color") changes.color = /^#[0-9a-fA-F]{6}/.test(value) ? value.slice(0, 7) : value;
      else if (field === "description") changes.description = value || null;
      else changes.name = value;
    }
  }
  let status = "HTTP/1.1 200 OK";
  if (refused) status = "HTTP/1.1 424 Failed Dependency";
  else if (r.kind === "calendar" && Object.keys(changes).length) {
    try {
      await updateCalendar({ uuid: r.calendar.uuid }, ctx.user.id, changes);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      status = error.code === "FORBIDDEN" ? "HTTP/1.1 403 Forbidden" : "HTTP/1.1 409 Conflict";
    }
  }
  const stats = names.map((n) => {
    const ok = r.kind === "calendar" && settable[clark(n.ns, n.name)];
    const s = refused ? (ok ? "HTTP/1.1 424 Failed Dependency" : "HTTP/1.1 403 Forbidden") : status;
    return el(NS.DAV, "propstat", [el(NS.DAV, "prop", [el(n.ns, n.name)]), el(NS.DAV, "status", s)]);
  });
  return multistatus([el(NS.DAV, "response", [el(NS.DAV, "href", hrefOf(r)), ...stats])]);
}
