// CalDAV over real HTTP: Basic auth with email + API token, raw methods, and a namespace-aware
// reading of multistatus answers (the same parser the server uses, so prefixes don't matter).
import { expect, type APIRequestContext, type APIResponse } from "@playwright/test";
import { child, children, NS, parseXml, type XmlElement } from "../../../lib/dav/xml.ts";
import type { TestUser } from "../../helpers.ts";

export { NS };

export const basic = (user: TestUser, password = user.token) => ({ Authorization: `Basic ${Buffer.from(`${user.email}:${password}`).toString("base64")}` });

export async function dav(request: APIRequestContext, user: TestUser | null, method: string, url: string, opts: { body?: string; headers?: Record<string, string> } = {}) {
  return request.fetch(url, {
    method,
    headers: { ...(user ? basic(user) : {}), ...(opts.body !== undefined ? { "content-type": method === "PUT" ? "text/calendar; charset=utf-8" : "application/xml; charset=utf-8" } : {}), ...opts.headers },
    ...(opts.body !== undefined ? { data: opts.body } : {}),
    maxRedirects: 0,
  });
}

export interface DavResponseEntry {
  href: string;
  status: string | null;
  props: Map<string, XmlElement>;
  missing: string[];
}

/** Parses a 207 multistatus into one entry per href: the 200 properties by `{ns}name`, and the names answered 404. */
export async function multistatus(response: APIResponse): Promise<{ entries: DavResponseEntry[]; syncToken: string | null }> {
  const text = await response.text();
  expect(response.status(), text).toBe(207);
  const root = parseXml(text)!;
  expect(`${root.ns}${root.name}`).toBe(`${NS.DAV}multistatus`);
  const entries = children(root, NS.DAV, "response").map((r) => {
    const props = new Map<string, XmlElement>();
    const missing: string[] = [];
    for (const ps of children(r, NS.DAV, "propstat")) {
      const status = child(ps, NS.DAV, "status")?.text ?? "";
      for (const p of child(ps, NS.DAV, "prop")?.children ?? []) {
        if (/ 200 /.test(status)) props.set(`{${p.ns}}${p.name}`, p);
        else missing.push(`{${p.ns}}${p.name}`);
      }
    }
    return { href: child(r, NS.DAV, "href")!.text.trim(), status: child(r, NS.DAV, "status")?.text.trim() ?? null, props, missing };
  });
  return { entries, syncToken: child(root, NS.DAV, "sync-token")?.text.trim() ?? null };
}

export const propfindBody = (props: [string, string][]) =>
  `<?xml version="1.0" encoding="utf-8"?><A:propfind xmlns:A="DAV:" xmlns:B="urn:ietf:params:xml:ns:caldav" xmlns:C="http://calendarserver.org/ns/" xmlns:D="http://apple.com/ns/ical/"><A:prop>${props
    .map(([ns, name]) => `<${{ "DAV:": "A", "urn:ietf:params:xml:ns:caldav": "B", "http://calendarserver.org/ns/": "C", "http://apple.com/ns/ical/": "D" }[ns]}:${name}/>`)
    .join("")}</A:prop></A:propfind>`;

export const hrefText = (el: XmlElement | undefined) => child(el, NS.DAV, "href")?.text.trim();

export function vcalendar(...vevents: string[]): string {
  return ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//SweetDate tests//EN", ...vevents, "END:VCALENDAR", ""].join("\r\n");
}

export function vevent(lines: Record<string, string>): string {
  return ["BEGIN:VEVENT", "DTSTAMP:20260101T000000Z", ...Object.entries(lines).map(([k, v]) => `${k}:${v}`), "END:VEVENT"].join("\r\n");
}
