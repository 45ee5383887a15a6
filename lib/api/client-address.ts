// Who is on the other end of the socket. Route handlers never see the socket, so SweetDate's own
// server (server.mjs) writes the peer address into a request header it always overwrites; the
// header counts only in a process that server started (a flag on globalThis, which no client can
// set). Forwarding headers count only when the operator says a proxy sets them (TRUST_PROXY=1).
import net from "node:net";
import { env } from "../env.ts";

export const PEER_HEADER = "x-sd-remote-addr";
const SERVED_BY_US = Symbol.for("sweetdate.peerHeader");

/** The client's address for per-client limits: IPv4 as is, IPv6 by its /64 (one host's usual share). */
export function clientAddress(req: Request): string {
  if (env().TRUST_PROXY) {
    const forwarded = req.headers.get("x-forwarded-for")?.split(",");
    const hop = forwarded?.[forwarded.length - 1]?.trim() || req.headers.get("x-real-ip")?.trim();
    if (hop) return addressKey(hop);
  }
  if ((globalThis as Record<symbol, unknown>)[SERVED_BY_US] === true) {
    const peer = req.headers.get(PEER_HEADER);
    if (peer) return addressKey(peer);
  }
  // `next dev` or a bare `next start`: no trustworthy address, so anonymous clients share one.
  return "unknown";
}

/** `::ffff:1.2.3.4` → `1.2.3.4`; an IPv6 address → its /64 prefix; anything else as sent (bounded). */
export function addressKey(text: string): string {
  const address = text.trim().replace(/^\[|\]$/g, "");
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1]!;
  if (net.isIPv4(address)) return address;
  if (net.isIPv6(address)) return `${expandIPv6(address).slice(0, 4).join(":")}::/64`;
  return `other:${address.slice(0, 64)}`;
}

function expandIPv6(address: string): string[] {
  const [head, tail] = address.split("::") as [string, string | undefined];
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const groups = tail === undefined ? left : [...left, ...Array<string>(8 - left.length - right.length).fill("0"), ...right];
  return groups.map((g) => (g.includes(".") ? g : parseInt(g, 16).toString(16)));
}
