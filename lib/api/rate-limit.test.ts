import { afterEach, describe, expect, it } from "vitest";
import { useEnv } from "../env.ts";
import { AppError } from "../domain/errors.ts";
import { addressKey, clientAddress, PEER_HEADER } from "./client-address.ts";
import { kona } from "./kona/envelope.ts";
import { memoryStore, SIGN_IN, signInAttempt, useLimitStore } from "./rate-limit.ts";
import { json, route } from "./route.ts";
import { sweetdate } from "./sweetdate/envelope.ts";

const SERVED_BY_US = Symbol.for("sweetdate.peerHeader");
const flags = globalThis as Record<symbol, unknown>;

// Each test gets a fresh in-memory store; TRUST_PROXY=1 lets a test pick the client address.
function request(ip: string, path = "/api/v1/auth/status") {
  return new Request(`http://localhost${path}`, { headers: { "x-forwarded-for": ip } });
}
const ctx = { params: Promise.resolve({}) };

afterEach(() => {
  useEnv();
  delete flags[SERVED_BY_US];
  useLimitStore(undefined);
});

describe("memoryStore", () => {
  it("counts hits in fixed windows aligned on the clock and takes one back on undo", async () => {
    let now = 120_000;
    const store = memoryStore(() => now);
    expect(await store.hit("k", 60_000)).toEqual({ hits: 1, msLeft: 60_000 });
    now += 59_999;
    expect((await store.hit("k", 60_000)).hits).toBe(2);
    await store.undo("k", 60_000);
    expect((await store.hit("k", 60_000)).hits).toBe(2);
    now += 1; // the next window
    expect(await store.hit("k", 60_000)).toEqual({ hits: 1, msLeft: 60_000 });
  });
});

describe("rate limiting in the route wrapper", () => {
  it("answers 429 with Retry-After in the SweetDate shape once the limit is spent; other addresses are unaffected", async () => {
    useLimitStore(memoryStore());
    useEnv({ RATE_LIMIT_PER_MINUTE: "2", TRUST_PROXY: "1" });
    const handler = route(sweetdate, async () => json({ status: "ok" }), { public: true });
    expect((await handler(request("198.51.100.1"), ctx)).status).toBe(200);
    expect((await handler(request("198.51.100.1"), ctx)).status).toBe(200);
    const limited = await handler(request("198.51.100.1"), ctx);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await limited.json()).toEqual({ status: "error", message: "too many requests; slow down", error_code: "RATE_LIMITED" });
    expect((await handler(request("198.51.100.2"), ctx)).status).toBe(200);
  });

  it("answers 429 with Retry-After as a Kona problem", async () => {
    useLimitStore(memoryStore());
    useEnv({ RATE_LIMIT_PER_MINUTE: "1", TRUST_PROXY: "1" });
    const handler = route(kona, async () => json({}), { public: true });
    expect((await handler(request("198.51.100.3"), ctx)).status).toBe(200);
    const limited = await handler(request("198.51.100.3"), ctx);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    const body = (await limited.json()) as { problemType: string; title: string; details: unknown };
    expect(body.problemType).toMatch(/#kona-errors-/);
    expect(typeof body.title).toBe("string");
  });

  it("keeps routes marked rateLimit: false (the health check) out of limiting", async () => {
    useLimitStore(memoryStore());
    useEnv({ RATE_LIMIT_PER_MINUTE: "1" });
    const limitedRoute = route(sweetdate, async () => json({ status: "ok" }), { public: true });
    const health = route(sweetdate, async () => json({ status: "ok" }), { public: true, rateLimit: false });
    await limitedRoute(request("x"), ctx);
    expect((await limitedRoute(request("x"), ctx)).status).toBe(429);
    for (let i = 0; i < 20; i++) expect((await health(request("x", "/api/health"), ctx)).status).toBe(200);
  });

  it("counts a request with a bad credential against the address (401, then 429)", async () => {
    useLimitStore(memoryStore());
    useEnv({ RATE_LIMIT_PER_MINUTE: "2", TRUST_PROXY: "1" });
    const handler = route(sweetdate, async () => json({ status: "ok" }));
    const bad = () => new Request("http://localhost/api/v1/me", { headers: { "x-forwarded-for": "192.0.2.9", authorization: "Basic x" } });
    expect((await handler(bad(), ctx)).status).toBe(401);
    expect((await handler(bad(), ctx)).status).toBe(401);
    expect((await handler(bad(), ctx)).status).toBe(429);
  });
});

describe("clientAddress", () => {
  const withHeaders = (headers: Record<string, string>) => new Request("http://localhost/", { headers });

  it("ignores X-Forwarded-For and the peer header unless they come from a trusted source", () => {
    expect(clientAddress(withHeaders({ "x-forwarded-for": "203.0.113.1", [PEER_HEADER]: "203.0.113.2" }))).toBe("unknown");
  });

  it("uses the peer header only in a process our server started, which no header can claim", () => {
    flags[SERVED_BY_US] = true;
    expect(clientAddress(withHeaders({ "x-forwarded-for": "203.0.113.1", [PEER_HEADER]: "203.0.113.2" }))).toBe("203.0.113.2");
  });

  it("uses the proxy's hop (the last X-Forwarded-For entry) with TRUST_PROXY=1", () => {
    useEnv({ TRUST_PROXY: "1" });
    flags[SERVED_BY_US] = true;
    expect(clientAddress(withHeaders({ "x-forwarded-for": "10.9.9.9, 198.51.100.7", [PEER_HEADER]: "127.0.0.1" }))).toBe("198.51.100.7");
  });

  it("keys IPv4-mapped addresses as IPv4 and IPv6 addresses by their /64", () => {
    expect(addressKey("::ffff:192.0.2.1")).toBe("192.0.2.1");
    expect(addressKey("2001:db8:1:2:aaaa::1")).toBe(addressKey("2001:0db8:0001:0002:ffff:1:2:3"));
    expect(addressKey("2001:db8:1:2::1")).not.toBe(addressKey("2001:db8:1:3::1"));
    expect(addressKey("::1")).toBe("0:0:0:0::/64");
  });
});

describe("signInAttempt", () => {
  const from = (ip: string) => request(ip, "/api/v1/auth/sign-in");
  const attempt = async (ip: string, email: string) => {
    try {
      return await signInAttempt(from(ip), email);
    } catch (error) {
      if (error instanceof AppError && error.code === "RATE_LIMITED") return "limited" as const;
      throw error;
    }
  };

  it("locks one address out of one email after 10 attempts; the owner elsewhere still gets in", async () => {
    useLimitStore(memoryStore());
    useEnv({ TRUST_PROXY: "1" });
    for (let i = 0; i < SIGN_IN.perAddress; i++) expect(await attempt("203.0.113.66", "ann@example.com")).not.toBe("limited");
    // The attacker keeps hammering: refused, and the refusals do not count against the email.
    for (let i = 0; i < 200; i++) expect(await attempt("203.0.113.66", "ann@example.com")).toBe("limited");
    expect(await attempt("198.51.100.10", "ann@example.com")).not.toBe("limited");
    expect(await attempt("203.0.113.66", "bob@example.com")).not.toBe("limited");
  });

  it("has a softer per-email limit across addresses, and successful sign-ins do not count", async () => {
    useLimitStore(memoryStore());
    useEnv({ TRUST_PROXY: "1" });
    const owner = await attempt("198.51.100.1", "cy@example.com");
    for (let i = 0; i < 30; i++) {
      const ok = await attempt("198.51.100.1", "cy@example.com");
      expect(ok).not.toBe("limited");
      if (ok !== "limited") await ok.succeeded();
    }
    expect(owner).not.toBe("limited");
    let spent = 1;
    for (let a = 0; spent < SIGN_IN.perEmail; a++) {
      for (let i = 0; i < SIGN_IN.perAddress && spent < SIGN_IN.perEmail; i++, spent++) expect(await attempt(`192.0.2.${a}`, "cy@example.com")).not.toBe("limited");
    }
    expect(await attempt("203.0.113.200", "cy@example.com")).toBe("limited");
  });
});
