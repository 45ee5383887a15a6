import { afterEach, describe, expect, it } from "vitest";
import { kona } from "./kona/envelope.ts";
import { json, route } from "./route.ts";
import { sweetdate } from "./sweetdate/envelope.ts";

// Anonymous requests are limited per client address: with TRUST_PROXY=1 each test uses its own
// forwarded address, so buckets do not leak between tests.
function request(ip: string) {
  return new Request("http://localhost/api/health", { headers: { "x-forwarded-for": ip } });
}

describe("rate limiting in the route wrapper", () => {
  afterEach(() => {
    delete process.env.RATE_LIMIT_PER_MINUTE;
    delete process.env.TRUST_PROXY;
  });

  it("answers 429 with Retry-After in the SweetDate shape once the limit is spent", async () => {
    process.env.RATE_LIMIT_PER_MINUTE = "2";
    process.env.TRUST_PROXY = "1";
    const handler = route(sweetdate, async () => json({ status: "ok" }), { public: true });
    const ctx = { params: Promise.resolve({}) };
    expect((await handler(request("198.51.100.1"), ctx)).status).toBe(200);
    expect((await handler(request("198.51.100.1"), ctx)).status).toBe(200);
    const limited = await handler(request("198.51.100.1"), ctx);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await limited.json()).toEqual({ status: "error", message: "too many requests; slow down", error_code: "RATE_LIMITED" });
    // Another client is not affected.
    expect((await handler(request("198.51.100.2"), ctx)).status).toBe(200);
  });

  it("answers 429 with Retry-After as a Kona problem", async () => {
    process.env.RATE_LIMIT_PER_MINUTE = "1";
    process.env.TRUST_PROXY = "1";
    const handler = route(kona, async () => json({}), { public: true });
    const ctx = { params: Promise.resolve({}) };
    expect((await handler(request("198.51.100.3"), ctx)).status).toBe(200);
    const limited = await handler(request("198.51.100.3"), ctx);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    const body = (await limited.json()) as { problemType: string; title: string; details: unknown };
    expect(body.problemType).toMatch(/#kona-errors-/);
    expect(typeof body.title).toBe("string");
  });

  it("ignores X-Forwarded-For unless TRUST_PROXY=1 (clients could forge it to dodge limits)", async () => {
    process.env.RATE_LIMIT_PER_MINUTE = "1";
    const handler = route(sweetdate, async () => json({ status: "ok" }), { public: true });
    const ctx = { params: Promise.resolve({}) };
    const first = await handler(request("203.0.113.1"), ctx);
    const second = await handler(request("203.0.113.2"), ctx);
    expect([first.status, second.status]).toContain(429);
  });
});
