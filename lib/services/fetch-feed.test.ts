import http from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { useEnv } from "../env.ts";
import { checkFeedHost, checkFeedUrl, fetchFeed, FeedError, isPrivateAddress } from "./fetch-feed.ts";

describe("subscription fetch guard (SSRF)", () => {
  afterEach(() => {
    useEnv();
  });

  it("classifies loopback, private, link-local, CGNAT, multicast and mapped addresses as non-public", () => {
    for (const a of ["127.0.0.1", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1", "169.254.169.254", "100.64.0.1", "0.0.0.0", "224.0.0.1", "::1", "::", "fe80::1", "fc00::1", "fd12::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1"]) {
      expect(isPrivateAddress(a), a).toBe(true);
    }
    for (const a of ["8.8.8.8", "1.1.1.1", "172.32.0.1", "192.169.0.1", "2606:4700::1111", "::ffff:8.8.8.8"]) expect(isPrivateAddress(a), a).toBe(false);
  });

  it("accepts http(s) and webcal URLs only, without credentials", () => {
    expect(checkFeedUrl("webcal://example.com/a.ics").toString()).toBe("http://example.com/a.ics");
    expect(checkFeedUrl("webcals://example.com/a.ics").protocol).toBe("https:");
    for (const bad of ["ftp://example.com/x.ics", "file:///etc/passwd", "javascript:alert(1)", "not a url", "http://user:pw@example.com/x.ics"]) {
      expect(() => checkFeedUrl(bad), bad).toThrow(FeedError);
    }
  });

  it("refuses names and literals that resolve to non-public addresses, before and while fetching", async () => {
    await expect(checkFeedHost(new URL("http://127.0.0.1/x.ics"))).rejects.toThrow(/private/);
    await expect(checkFeedHost(new URL("http://localhost/x.ics"))).rejects.toThrow(/private/);
    await expect(checkFeedHost(new URL("http://[::1]/x.ics"))).rejects.toThrow(/private/);
    const server = http.createServer((_req, res) => res.end("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n"));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const port = (server.address() as { port: number }).port;
    try {
      await expect(fetchFeed(`http://localhost:${port}/x.ics`, { etag: null, lastModified: null })).rejects.toThrow(/private/);
      useEnv({ SUBSCRIPTIONS_ALLOW_PRIVATE: "1" });
      const ok = await fetchFeed(`http://localhost:${port}/x.ics`, { etag: null, lastModified: null });
      expect(ok.status).toBe(200);
    } finally {
      server.close();
    }
  });
});
