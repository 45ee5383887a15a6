// Fetching a subscribed iCalendar URL: http(s) only, conditional (ETag / If-Modified-Since), size and
// time limits, and an SSRF guard — every address a name resolves to (checked at connect time, so
// DNS rebinding cannot slip past) must be public unless SUBSCRIPTIONS_ALLOW_PRIVATE=1.
import dns from "node:dns";
import http from "node:http";
import https from "node:https";
import net from "node:net";
import { env } from "../env.ts";

export const FEED_MAX_BYTES = 20 * 1024 * 1024;
export const FEED_TIMEOUT_MS = 30_000;
const MAX_REDIRECTS = 5;

export class FeedError extends Error {}

export type FeedResponse = { status: 304 } | { status: 200; text: string; etag: string | null; lastModified: string | null };

const allowPrivate = () => env().SUBSCRIPTIONS_ALLOW_PRIVATE;

/** Loopback, private, link-local, CGNAT, multicast, unspecified and other non-public ranges. */
export function isPrivateAddress(address: string): boolean {
  if (net.isIPv4(address)) {
    const [a, b] = address.split(".").map(Number) as [number, number];
    return (
      a === 0 || a === 10 || a === 127 || a >= 224 ||
      (a === 100 && b >= 64 && b <= 127) ||
      (a === 169 && b === 254) ||
      (a === 172 && b >= 16 && b <= 31) ||
      (a === 192 && b === 168) ||
      (a === 192 && b === 0) ||
      (a === 198 && (b === 18 || b === 19))
    );
  }
  const v6 = address.toLowerCase();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(v6);
  if (mapped) return isPrivateAddress(mapped[1]!);
  return v6 === "::" || v6 === "::1" || /^f[cd]/.test(v6) || /^fe[89ab]/.test(v6) || v6.startsWith("ff") || v6.startsWith("64:ff9b:") || v6.startsWith("2001:db8");
}

/** Checks a URL's form (422-worthy problems): http(s), a host, no credentials. */
export function checkFeedUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text.trim().replace(/^webcals?:\/\//i, (m) => (m.toLowerCase() === "webcals://" ? "https://" : "http://")));
  } catch {
    throw new FeedError("is not a valid URL");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new FeedError("must be an http(s) URL");
  if (url.username || url.password) throw new FeedError("must not contain credentials");
  if (!url.hostname) throw new FeedError("must name a host");
  return url;
}

/** Resolves the host and refuses non-public addresses (the guard's first check, before fetching). */
export async function checkFeedHost(url: URL): Promise<void> {
  if (allowPrivate()) return;
  const host = url.hostname.replace(/^\[|\]$/g, "");
  const addresses = net.isIP(host) ? [host] : (await dns.promises.lookup(host, { all: true }).catch(() => [])).map((a) => a.address);
  if (addresses.length === 0) throw new FeedError(`cannot resolve ${host}`);
  if (addresses.some(isPrivateAddress)) throw new FeedError("points at a private, loopback or link-local address");
}

const guardedLookup: net.LookupFunction = (hostname, options, callback) => {
  dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, "", 4);
    const list = addresses as dns.LookupAddress[];
    const bad = !allowPrivate() && list.some((a) => isPrivateAddress(a.address));
    if (bad || list.length === 0) return callback(new FeedError("points at a private, loopback or link-local address"), "", 4);
    if ((options as { all?: boolean }).all) return (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, list);
    callback(null, list[0]!.address, list[0]!.family);
  });
};

function get(url: URL, headers: Record<string, string>): Promise<http.IncomingMessage> {
  return new Promise((resolve, reject) => {
    const host = url.hostname.replace(/^\[|\]$/g, "");
    if (net.isIP(host) && !allowPrivate() && isPrivateAddress(host)) return reject(new FeedError("points at a private, loopback or link-local address"));
    const client = url.protocol === "https:" ? https : http;
    const req = client.get(url, { headers, lookup: guardedLookup, timeout: FEED_TIMEOUT_MS }, resolve);
    req.on("timeout", () => req.destroy(new FeedError("the feed did not answer in time")));
    req.on("error", reject);
  });
}

/** Fetches the feed (following a few redirects); 304 when the validators still match. */
export async function fetchFeed(source: string, validators: { etag: string | null; lastModified: string | null }): Promise<FeedResponse> {
  let url = checkFeedUrl(source);
  const started = Date.now();
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    const headers: Record<string, string> = { accept: "text/calendar, */*;q=0.5", "user-agent": "SweetDate calendar subscription" };
    if (validators.etag) headers["if-none-match"] = validators.etag;
    if (validators.lastModified) headers["if-modified-since"] = validators.lastModified;
    const res = await get(url, headers);
    const status = res.statusCode ?? 0;
    if (status >= 300 && status < 400 && status !== 304 && res.headers.location) {
      res.resume();
      url = checkFeedUrl(new URL(res.headers.location, url).toString());
      continue;
    }
    if (status === 304) {
      res.resume();
      return { status: 304 };
    }
    if (status !== 200) {
      res.resume();
      throw new FeedError(`the feed answered HTTP ${status}`);
    }
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of res) {
      size += (chunk as Buffer).length;
      if (size > FEED_MAX_BYTES) {
        res.destroy();
        throw new FeedError(`the feed is larger than ${FEED_MAX_BYTES / 1024 / 1024} MiB`);
      }
      if (Date.now() - started > FEED_TIMEOUT_MS) {
        res.destroy();
        throw new FeedError("the feed did not arrive in time");
      }
      chunks.push(chunk as Buffer);
    }
    const header = (name: string) => {
      const v = res.headers[name];
      return typeof v === "string" ? v : null;
    };
    return { status: 200, text: Buffer.concat(chunks).toString("utf8"), etag: header("etag"), lastModified: header("last-modified") };
  }
  throw new FeedError("too many redirects");
}
