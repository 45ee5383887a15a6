// Retry, backoff, timeout and error mapping of the SDK's transport, against a real local HTTP
// server whose answers each test scripts (no mocks of our own code).
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { SweetDate } from "./client.ts";
import { AuthenticationError, ConflictError, ConnectionError, NotFoundError, PermissionError, PreconditionFailedError, RateLimitError, ServerError, SweetDateError, SyncTokenExpiredError, TimeoutError, ValidationError } from "./errors.ts";
import { parseRetryAfter, retryDelay } from "./http.ts";

type Reply = { status: number; body?: unknown; headers?: Record<string, string>; delayMs?: number };
interface Seen {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
  at: number;
}

let server: http.Server;
let baseUrl: string;
let script: Reply[] = [];
let seen: Seen[] = [];
let aborted = 0;

const CALENDAR = { id: "7f1c2a9e-3b4d-4c5e-8f6a-1b2c3d4e5f60", name: "Team", description: null, color: "#3b82f6", time_zone: "UTC", role: "owner", source_url: null, default_reminders: [], inserted_at: "2025-08-18T09:20:00Z", updated_at: "2025-08-19T10:15:00Z" };
const OK_CALENDAR: Reply = { status: 200, body: { status: "ok", calendar: CALENDAR } };
const error = (status: number, code: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}): Reply => ({ status, body: { status: "error", message: code.toLowerCase(), error_code: code, ...extra }, headers });

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
    req.on("end", () => {
      seen.push({ method: req.method!, url: req.url!, headers: req.headers, body, at: Date.now() });
      const reply = script.shift() ?? { status: 500, body: { status: "error", message: "unscripted request", error_code: "INTERNAL_ERROR" } };
      const send = () => {
        if (res.destroyed) return;
        res.writeHead(reply.status, { "content-type": "application/json", "x-request-id": `req-${seen.length}`, ...reply.headers });
        res.end(typeof reply.body === "string" ? reply.body : JSON.stringify(reply.body ?? {}));
      };
      if (reply.delayMs) setTimeout(send, reply.delayMs);
      else send();
    });
    res.on("close", () => {
      if (!res.writableFinished) aborted += 1;
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  script = [];
  seen = [];
  aborted = 0;
});

const client = (options: ConstructorParameters<typeof SweetDate>[0] = {}) => new SweetDate({ baseUrl, token: "sd_test", retryBaseDelayMs: 20, ...options });

async function failure(promise: Promise<unknown>): Promise<SweetDateError> {
  try {
    await promise;
  } catch (e) {
    expect(e).toBeInstanceOf(SweetDateError);
    return e as SweetDateError;
  }
  throw new Error("expected the call to fail");
}

describe("requests", () => {
  it("sends the token, JSON and the path under the base URL (a trailing /api/v1 is tolerated)", async () => {
    script = [{ status: 201, body: { status: "ok", calendar: CALENDAR } }];
    const calendar = await client({ baseUrl: `${baseUrl}/api/v1/` }).Calendar.create({ name: "Team" });
    expect(calendar.name).toBe("Team");
    expect(seen[0]).toMatchObject({ method: "POST", url: "/api/v1/calendars", body: '{"name":"Team"}' });
    expect(seen[0]!.headers.authorization).toBe("Bearer sd_test");
    expect(seen[0]!.headers["content-type"]).toBe("application/json");
  });

  it("encodes ids into the path and drops undefined query values", async () => {
    script = [OK_CALENDAR, { status: 200, body: { status: "ok", events: [], meta: { limit: 5, offset: 0, total: 0 } } }];
    const calendar = await client().Calendar.get("a/b c");
    expect(seen[0]!.url).toBe("/api/v1/calendars/a%2Fb%20c");
    await calendar.events({ limit: 5, q: undefined });
    expect(seen[1]!.url).toBe(`/api/v1/calendars/${CALENDAR.id}/events?limit=5`);
  });

  it("reads SWEETDATE_URL and SWEETDATE_API_TOKEN when not configured", async () => {
    const saved = { url: process.env.SWEETDATE_URL, token: process.env.SWEETDATE_API_TOKEN };
    process.env.SWEETDATE_URL = baseUrl;
    process.env.SWEETDATE_API_TOKEN = "sd_from_env";
    try {
      script = [OK_CALENDAR];
      const sd = new SweetDate();
      await sd.Calendar.get(CALENDAR.id);
      expect(seen[0]!.headers.authorization).toBe("Bearer sd_from_env");
      sd.configure({ token: "sd_explicit" });
      expect(sd.options.token).toBe("sd_explicit");
      sd.configure({ token: undefined });
      expect(sd.options.token).toBe("sd_from_env");
    } finally {
      for (const [key, value] of [["SWEETDATE_URL", saved.url], ["SWEETDATE_API_TOKEN", saved.token]] as const) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
    }
  });

  it("validates answers with the wire schemas", async () => {
    script = [{ status: 200, body: { status: "ok", calendar: { ...CALENDAR, role: "emperor" } } }];
    const e = await failure(client().Calendar.get(CALENDAR.id));
    expect(e.errorCode).toBe("INVALID_RESPONSE");
    expect(e.message).toContain("calendar.role");
    script = [{ status: 200, body: { status: "ok", calendar: { ...CALENDAR, role: "emperor" } } }];
    expect((await client({ validateResponses: false }).Calendar.get(CALENDAR.id)).role).toBe("emperor");
  });
});

describe("errors", () => {
  const cases = [
    [401, "UNAUTHORIZED", AuthenticationError],
    [403, "FORBIDDEN", PermissionError],
    [404, "NOT_FOUND", NotFoundError],
    [409, "CONFLICT", ConflictError],
    [412, "PRECONDITION_FAILED", PreconditionFailedError],
    [500, "INTERNAL_ERROR", ServerError],
  ] as const;
  for (const [status, code, Class] of cases) {
    it(`${status} ${code} → ${Class.name}`, async () => {
      script = [error(status, code)];
      const e = await failure(client().Calendar.get(CALENDAR.id));
      expect(e).toBeInstanceOf(Class);
      expect(e).toMatchObject({ status, errorCode: code, error_code: code, message: code.toLowerCase(), requestId: "req-1" });
    });
  }

  it("422 → ValidationError with fields", async () => {
    script = [error(422, "VALIDATION_ERROR", { fields: { starts_at: ["can't be blank"] } })];
    const e = await failure(client().Calendar.create({ name: "" }));
    expect(e).toBeInstanceOf(ValidationError);
    expect(e.fields).toEqual({ starts_at: ["can't be blank"] });
  });

  it("a non-JSON error page still maps by status", async () => {
    script = [{ status: 404, body: "<html>nope</html>", headers: { "content-type": "text/html" } }];
    const e = await failure(client().Calendar.get(CALENDAR.id));
    expect(e).toBeInstanceOf(NotFoundError);
    expect(e.body).toBe("<html>nope</html>");
  });

  it("an unreachable server → ConnectionError", async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const e = await failure(client({ baseUrl: `http://127.0.0.1:${port}` }).Calendar.get(CALENDAR.id));
    expect(e).toBeInstanceOf(ConnectionError);
    expect(e.status).toBe(0);
  });
});

describe("retries", () => {
  it("retries a GET answered 503, then succeeds", async () => {
    script = [error(503, "INTERNAL_ERROR"), error(503, "INTERNAL_ERROR"), OK_CALENDAR];
    const calendar = await client().Calendar.get(CALENDAR.id);
    expect(calendar.id).toBe(CALENDAR.id);
    expect(seen.map((s) => s.method)).toEqual(["GET", "GET", "GET"]);
  });

  it("retries PUT and DELETE answered 429", async () => {
    script = [OK_CALENDAR, error(429, "RATE_LIMITED", {}, { "retry-after": "0" }), OK_CALENDAR, error(429, "RATE_LIMITED", {}, { "retry-after": "0" }), { status: 200, body: { status: "ok" } }];
    const calendar = await client().Calendar.get(CALENDAR.id);
    await calendar.update({ name: "Renamed" });
    expect(await calendar.delete()).toEqual({ status: "ok" });
    expect(seen.map((s) => s.method)).toEqual(["GET", "PUT", "PUT", "DELETE", "DELETE"]);
    expect(seen[2]!.body).toBe('{"name":"Renamed"}');
  });

  it("never retries a POST", async () => {
    script = [error(503, "INTERNAL_ERROR"), OK_CALENDAR];
    const e = await failure(client().Calendar.create({ name: "Team" }));
    expect(e.status).toBe(503);
    expect(seen).toHaveLength(1);
    script = [error(429, "RATE_LIMITED", {}, { "retry-after": "0" })];
    expect(await failure(client().Calendar.create({ name: "Team" }))).toBeInstanceOf(RateLimitError);
    expect(seen).toHaveLength(2);
  });

  it("does not retry other statuses", async () => {
    script = [error(500, "INTERNAL_ERROR"), OK_CALENDAR];
    expect(await failure(client().Calendar.get(CALENDAR.id))).toBeInstanceOf(ServerError);
    expect(seen).toHaveLength(1);
  });

  it("gives up after maxRetries with a RateLimitError carrying retryAfter", async () => {
    script = [1, 2, 3, 4].map(() => error(429, "RATE_LIMITED", {}, { "retry-after": "0" }));
    const e = await failure(client({ maxRetries: 2 }).Calendar.get(CALENDAR.id));
    expect(e).toBeInstanceOf(RateLimitError);
    expect((e as RateLimitError).retryAfter).toBe(0);
    expect(seen).toHaveLength(3);
  });

  it("maxRetries 0 disables retries", async () => {
    script = [error(503, "INTERNAL_ERROR"), OK_CALENDAR];
    await failure(client({ maxRetries: 0 }).Calendar.get(CALENDAR.id));
    expect(seen).toHaveLength(1);
  });

  it("waits as long as Retry-After says", async () => {
    script = [error(429, "RATE_LIMITED", {}, { "retry-after": "1" }), OK_CALENDAR];
    await client().Calendar.get(CALENDAR.id);
    expect(seen[1]!.at - seen[0]!.at).toBeGreaterThanOrEqual(950);
  });

  it("fails at once when Retry-After exceeds the cap", async () => {
    script = [error(429, "RATE_LIMITED", {}, { "retry-after": "60" }), OK_CALENDAR];
    const started = Date.now();
    const e = (await failure(client({ retryMaxDelayMs: 5_000 }).Calendar.get(CALENDAR.id))) as RateLimitError;
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(e.retryAfter).toBe(60);
    expect(seen).toHaveLength(1);
  });

  it("backs off exponentially without Retry-After", async () => {
    script = [error(503, "INTERNAL_ERROR"), error(503, "INTERNAL_ERROR"), error(503, "INTERNAL_ERROR"), OK_CALENDAR];
    await client({ maxRetries: 3, retryBaseDelayMs: 100 }).Calendar.get(CALENDAR.id);
    const gaps = seen.slice(1).map((s, i) => s.at - seen[i]!.at);
    // Equal jitter: retry n waits between half and all of base · 2^n.
    expect(gaps[0]).toBeGreaterThanOrEqual(45);
    expect(gaps[1]).toBeGreaterThanOrEqual(95);
    expect(gaps[2]).toBeGreaterThanOrEqual(195);
    expect(gaps[2]).toBeLessThan(800);
  });
});

describe("backoff arithmetic", () => {
  const options = { retryBaseDelayMs: 100, retryMaxDelayMs: 1_000 };
  it("doubles per attempt, within [half, full], capped", () => {
    expect(retryDelay(0, undefined, options, () => 0)).toBe(50);
    expect(retryDelay(0, undefined, options, () => 1)).toBe(100);
    expect(retryDelay(3, undefined, options, () => 1)).toBe(800);
    expect(retryDelay(10, undefined, options, () => 1)).toBe(1_000);
  });
  it("prefers Retry-After, and gives up beyond the cap", () => {
    expect(retryDelay(0, 1, options)).toBe(1_000);
    expect(retryDelay(0, 2, options)).toBeNull();
  });
  it("parses Retry-After as seconds or an HTTP date", () => {
    const now = Date.parse("2025-08-21T09:00:00Z");
    expect(parseRetryAfter("7", now)).toBe(7);
    expect(parseRetryAfter("Thu, 21 Aug 2025 09:00:30 GMT", now)).toBe(30);
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(parseRetryAfter("soon", now)).toBeUndefined();
  });
});

describe("timeouts", () => {
  it("aborts a request that takes longer than timeoutMs → TimeoutError", async () => {
    script = [{ ...OK_CALENDAR, delayMs: 2_000 }];
    const started = Date.now();
    const e = await failure(client({ timeoutMs: 200 }).Calendar.get(CALENDAR.id));
    expect(e).toBeInstanceOf(TimeoutError);
    expect(e).toMatchObject({ status: 0, errorCode: "TIMEOUT" });
    expect(Date.now() - started).toBeLessThan(1_500);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(aborted).toBe(1); // the connection was really closed, not left hanging
  });

  it("applies per attempt, so a slow first answer does not eat the retries' budget", async () => {
    script = [{ ...error(503, "INTERNAL_ERROR"), delayMs: 150 }, { ...OK_CALENDAR, delayMs: 150 }];
    const calendar = await client({ timeoutMs: 250 }).Calendar.get(CALENDAR.id);
    expect(calendar.id).toBe(CALENDAR.id);
  });

  it("a caller's AbortSignal cancels the request and the backoff", async () => {
    script = [error(503, "INTERNAL_ERROR", {}, { "retry-after": "5" }), OK_CALENDAR];
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error("cancelled by caller")), 100);
    const started = Date.now();
    await expect(client().request({ method: "GET", path: "/api/v1/me", schema: (await import("./generated/schemas.ts")).UserEnvelope, signal: controller.signal })).rejects.toThrow("cancelled by caller");
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});

describe("sync (the client side of SPEC §11; e2e/sdk/sync.spec.ts checks it against the server)", () => {
  const EVENT = {
    id: "0b9d8f7e-6c5b-4a39-8271-605f4e3d2c1b", calendar_id: CALENDAR.id, title: "Sprint Planning", description: null, location: null,
    starts_at: "2025-08-21T09:00:00Z", ends_at: "2025-08-21T10:00:00Z", all_day: false, time_zone: "UTC", status: "scheduled", visibility: "public",
    recurrence_rule: "none", inserted_at: "2025-08-18T09:20:00Z", updated_at: "2025-08-18T09:20:00Z", stakeholder: "group", default_role: "viewer",
    tags: [], rrule: null, recurring_event_id: null, original_starts_at: null, sequence: 0, editable: true, rsvp: null, rdates: [], exdates: [], ics_feed_id: null, reminders: [],
  };
  const page = (events: unknown[], meta: Record<string, unknown>): Reply => ({ status: 200, body: { status: "ok", events, meta } });

  it("fetches every page of the round and splits changes from deletions", async () => {
    script = [OK_CALENDAR];
    const calendar = await client().Calendar.get(CALENDAR.id);
    // The middle page holds nothing the caller may see: the round goes on a whole page later.
    script = [
      page([EVENT, { id: "gone-1", deleted: true }], { limit: 2, offset: 0, total: 5 }),
      page([], { limit: 2, offset: 2, total: 5 }),
      page([{ ...EVENT, id: "second" }], { limit: 2, offset: 4, total: 5, next_sync_token: "tok-2" }),
    ];
    const result = await calendar.sync("tok-1", { limit: 2 });
    expect(seen.slice(1).map((s) => s.url)).toEqual([0, 2, 4].map((offset) => `/api/v1/calendars/${CALENDAR.id}/events?sync_token=tok-1&limit=2&offset=${offset}`));
    expect(result.events.map((e) => e.id)).toEqual([EVENT.id, "second"]);
    expect(result.deleted).toEqual(["gone-1"]);
    expect(result.changes.map((c) => c.id)).toEqual([EVENT.id, "gone-1", "second"]);
    expect(result).toMatchObject({ nextSyncToken: "tok-2", full: false });

    script = [page([], { limit: 100, offset: 0, total: 0, next_sync_token: "tok-0" })];
    expect(await calendar.sync()).toMatchObject({ changes: [], nextSyncToken: "tok-0", full: true });
    expect(seen.at(-1)!.url).toBe(`/api/v1/calendars/${CALENDAR.id}/events?sync_token=&limit=100&offset=0`);
  });

  it("410 → SyncTokenExpiredError; a round that ends without a token is an invalid answer", async () => {
    script = [OK_CALENDAR];
    const calendar = await client().Calendar.get(CALENDAR.id);
    script = [error(410, "SYNC_TOKEN_EXPIRED")];
    const expired = await failure(calendar.sync("old"));
    expect(expired).toBeInstanceOf(SyncTokenExpiredError);
    expect(expired).toMatchObject({ status: 410, errorCode: "SYNC_TOKEN_EXPIRED" });
    script = [page([], { limit: 100, offset: 0, total: 0 })];
    expect((await failure(calendar.sync())).errorCode).toBe("INVALID_RESPONSE");
  });
});
