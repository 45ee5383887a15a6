// The DAV namespace. Every user sees their own tree; a calendar shared with them appears in their
// own calendar home:
//   /dav/                                         root (current-user-principal)
//   /dav/principals/<user uuid>/                  the principal
//   /dav/calendars/<user uuid>/                   calendar home
//   /dav/calendars/<user uuid>/<calendar uuid>/   one collection per calendar the user can see
//   /dav/calendars/<user uuid>/<calendar uuid>/<name>.ics   one resource per UID
export const DAV_ROOT = "/dav/";

export type DavPath =
  | { kind: "root" }
  | { kind: "principals" }
  | { kind: "principal"; user: string }
  | { kind: "calendars" }
  | { kind: "home"; user: string }
  | { kind: "calendar"; user: string; calendar: string }
  | { kind: "object"; user: string; calendar: string; name: string }
  | { kind: "unknown" };

/** Parses the path the client asked for (percent-decoded per segment; `..` never resolves). */
export function parseDavPath(pathname: string): DavPath {
  if (!pathname.startsWith("/dav")) return { kind: "unknown" };
  const segments = pathname
    .slice(4)
    .split("/")
    .filter((s) => s !== "");
  let parts: string[];
  try {
    parts = segments.map((s) => decodeURIComponent(s));
  } catch {
    return { kind: "unknown" };
  }
  if (parts.some((p) => p === "." || p === ".." || p.includes("/") || p.includes("\0"))) return { kind: "unknown" };
  const [area, user, calendar, name, ...rest] = parts;
  if (rest.length) return { kind: "unknown" };
  if (area === undefined) return { kind: "root" };
  if (area === "principals") {
    if (user === undefined) return { kind: "principals" };
    return calendar === undefined ? { kind: "principal", user } : { kind: "unknown" };
  }
  if (area === "calendars") {
    if (user === undefined) return { kind: "calendars" };
    if (calendar === undefined) return { kind: "home", user };
    if (name === undefined) return { kind: "calendar", user, calendar };
    return { kind: "object", user, calendar, name };
  }
  return { kind: "unknown" };
}

const seg = (s: string) => encodeURIComponent(s);
export const principalHref = (user: string) => `/dav/principals/${seg(user)}/`;
export const homeHref = (user: string) => `/dav/calendars/${seg(user)}/`;
export const calendarHref = (user: string, calendar: string) => `/dav/calendars/${seg(user)}/${seg(calendar)}/`;
export const objectHref = (user: string, calendar: string, name: string) => `${calendarHref(user, calendar)}${seg(name)}`;

/** The last path segment of an href in a REPORT body (multiget), or null when it is not in `collection`. */
export function nameInCollection(href: string, collection: string): string | null {
  let path = href;
  try {
    path = new URL(href, "http://x").pathname;
  } catch {
    return null;
  }
  if (!path.startsWith(collection)) {
    // Clients may send hrefs percent-encoded differently; compare decoded forms too.
    try {
      if (!decodeURIComponent(path).startsWith(decodeURIComponent(collection))) return null;
      path = decodeURIComponent(path);
      const name = path.slice(decodeURIComponent(collection).length);
      return name && !name.includes("/") ? name : null;
    } catch {
      return null;
    }
  }
  const rest = path.slice(collection.length);
  if (!rest || rest.includes("/")) return null;
  try {
    return decodeURIComponent(rest);
  } catch {
    return null;
  }
}
