// route() with a query contract: parsed before the handler runs, a 422 (SweetDate) or 400 (Kona)
// naming each parameter in the dialect's shape, and the shared window rule in each dialect's words.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { EventListQuery as KonaEventListQuery, PageQuery as KonaPageQuery, UserListQuery } from "./kona/queries.ts";
import { kona } from "./kona/envelope.ts";
import { json, parseQuery, route } from "./route.ts";
import { sweetdate } from "./sweetdate/envelope.ts";
import { EventListQuery, ScopeQuery, UserQuery } from "./sweetdate/queries.ts";

const ctx = { params: Promise.resolve({}) };
const get = (query: string) => new Request(`http://localhost/api/v1/x?${query}`);

/** A public route echoing what its contract parsed; `calls` counts handler runs. */
function echo<Q extends z.ZodType>(dialect: typeof sweetdate, query: Q) {
  const seen = { calls: 0 };
  const handler = route(dialect, { query, public: true, rateLimit: false }, async (c) => {
    seen.calls++;
    return json({ query: c.query });
  });
  return { handler, seen };
}

describe("route() query contracts — SweetDate (422 VALIDATION_ERROR)", () => {
  it("hands the handler the parsed query: defaults, numbers, and the window as instants", async () => {
    const { handler } = echo(sweetdate, EventListQuery);
    const body = await (await handler(get("from=2025-08-01T00:00:00Z&to=2025-09-01&q=standup"), ctx)).json();
    expect(body.query).toEqual({ limit: 25, offset: 0, q: "standup", from: "2025-08-01T00:00:00Z", to: "2025-09-01", window: { from: "2025-08-01T00:00:00.000Z", to: "2025-09-01T00:00:00.000Z" } });
    expect((await (await handler(get("limit=5&offset=10"), ctx)).json()).query).toEqual({ limit: 5, offset: 10 });
  });

  it("answers 422 naming each bad parameter, without running the handler", async () => {
    const { handler, seen } = echo(sweetdate, EventListQuery);
    const cases: [string, Record<string, string[]>][] = [
      ["limit=0&offset=-1", { limit: ["must be greater than or equal to 1"], offset: ["must be greater than or equal to 0"] }],
      ["from=2025-08-01T00:00:00Z", { to: ["is required when the other end of the window is given"] }],
      ["to=2025-08-01T00:00:00Z", { from: ["is required when the other end of the window is given"] }],
      ["from=yesterday&to=2025-08-01T00:00:00Z", { from: ["is not a valid ISO 8601 date-time between 1900-01-01 and 9999-12-31 (e.g. 2025-08-21T09:00:00Z)"] }],
      ["from=1899-12-31T00:00:00Z&to=1900-01-02T00:00:00Z", { from: [expect.stringContaining("between 1900-01-01 and 9999-12-31")] as unknown as string[] }],
      ["from=2025-09-01T00:00:00Z&to=2025-08-01T00:00:00Z", { to: ["must be after from"] }],
      ["from=2025-01-01T00:00:00Z&to=2027-01-01T00:00:00Z", { to: ["the window may span at most 366 days"] }],
    ];
    for (const [query, fields] of cases) {
      const response = await handler(get(query), ctx);
      expect(response.status, query).toBe(422);
      expect(await response.json(), query).toEqual({ status: "error", message: "invalid input", error_code: "VALIDATION_ERROR", fields });
    }
    expect(seen.calls).toBe(0);
  });

  it("leaves the window to sync requests, which refuse it in their own words", async () => {
    const { handler } = echo(sweetdate, EventListQuery);
    const body = await (await handler(get("sync_token=&from=2025-08-01T00:00:00Z"), ctx)).json();
    expect(body.query).toMatchObject({ sync_token: "", from: "2025-08-01T00:00:00Z" });
    expect(body.query.window).toBeUndefined();
  });

  it("reads the first value of a repeated parameter, and checks scope and user search", async () => {
    expect((await (await echo(sweetdate, UserQuery).handler(get("q=a&q=b&limit=2"), ctx)).json()).query).toEqual({ q: "a", limit: 2, offset: 0 });
    const scope = await echo(sweetdate, ScopeQuery).handler(get("scope=some"), ctx);
    expect(scope.status).toBe(422);
    expect((await scope.json()).fields).toEqual({ scope: ["is invalid"] });
  });
});

describe("route() query contracts — Kona (400 problem with invalid_params)", () => {
  it("parses page/per_page into one page and refuses anything else, never clamping", async () => {
    const { handler, seen } = echo(kona, KonaPageQuery);
    expect((await (await handler(get("page=3&per_page=10"), ctx)).json()).query).toEqual({ page: { page: 3, perPage: 10, limit: 10, offset: 20 } });
    const bad = await handler(get("page=0&per_page=500"), ctx);
    expect(bad.status).toBe(400);
    expect(bad.headers.get("content-type")).toContain("application/problem+json");
    const problem = await bad.json();
    expect(problem).toMatchObject({ title: "Bad request", invalid_params: [{ name: "page", reason: "must be an integer of at least 1" }, { name: "per_page", reason: "must be an integer between 1 and 100" }] });
    expect(problem.problemType).toMatch(/#kona-errors-bad-request$/);
    expect(seen.calls).toBe(1);
  });

  it("checks the window with the same rule in Kona's names and words", () => {
    const url = (query: string) => new URL(`http://localhost/api/calendar_events?${query}`);
    const fieldsOf = (query: string) => {
      try {
        parseQuery(kona, KonaEventListQuery, url(query));
        return null;
      } catch (error) {
        expect((error as { status: number }).status).toBe(400);
        return (error as { fields: Record<string, string[]> }).fields;
      }
    };
    expect(fieldsOf("date_range_start=1755766800000")).toEqual({ date_range_end: ["is required with date_range_start"] });
    expect(fieldsOf("date_range_start=1755766800000&date_range_end=1755766800000")).toEqual({ date_range_end: ["must be after date_range_start"] });
    expect(fieldsOf("date_range_start=2025-01-01&date_range_end=2027-01-01")).toEqual({ date_range_end: ["must be at most 366 days after date_range_start"] });
    expect(fieldsOf("date_range_start=soon&date_range_end=later")!.date_range_start![0]).toMatch(/^is not a valid datetime between 1900-01-01 and 9999-12-31/);
    expect(fieldsOf("space_id=x&order_by=name")).toEqual({ space_id: ["must be an integer id"], order_by: ["must be created_at or updated_at (default: by start)"] });
    const ok = parseQuery(kona, KonaEventListQuery, url("date_range_start=2025-08-01 00:00:00.000&date_range_end=1756684800&space_id=7&order_by=start_at"));
    expect(ok).toMatchObject({ space_id: 7, order_by: undefined, window: { from: new Date("2025-08-01T00:00:00Z"), to: new Date("2025-09-01T00:00:00Z") } });
  });

  it("user search: trimmed like (≤ 200 characters), integer space_id, paged", () => {
    const url = (query: string) => new URL(`http://localhost/api/users?${query}`);
    expect(parseQuery(kona, UserListQuery, url("like=%20an%20&space_id=3"))).toEqual({ like: "an", space_id: 3, page: { page: 1, perPage: 25, limit: 25, offset: 0 } });
    expect(parseQuery(kona, UserListQuery, url("like=%20"))).toMatchObject({ like: undefined });
    expect(() => parseQuery(kona, UserListQuery, url(`like=${"a".repeat(201)}`))).toThrow(expect.objectContaining({ fields: { like: ["is too long (maximum is 200 characters)"] } }));
  });
});

describe("route() body contracts — SweetDate", () => {
  const post = (body: string) => new Request("http://localhost/api/v1/x", { method: "POST", body, headers: { "content-type": "application/json" } });
  const Input = z.strictObject({ name: z.string().min(1).max(5), size: z.number().int().optional() });
  const handler = route(sweetdate, { body: { schema: Input, readOnly: ["id"] }, public: true, rateLimit: false }, async (c) => json({ input: c.input }));

  it("hands the handler the parsed body, read-only fields dropped", async () => {
    expect(await (await handler(post('{"id":"x","name":"Ann","size":2}'), ctx)).json()).toEqual({ input: { name: "Ann", size: 2 } });
  });

  it("answers 422 naming each field: blank, too long, wrong type, not allowed, not an object", async () => {
    const fields = async (body: string) => {
      const response = await handler(post(body), ctx);
      expect(response.status, body).toBe(422);
      return (await response.json()).fields;
    };
    expect(await fields('{"size":1.5}')).toEqual({ name: ["can't be blank"], size: ["must be an integer"] });
    expect(await fields('{"name":"Annabel","extra":1}')).toEqual({ name: ["is too long (maximum is 5 characters)"], extra: ["is not allowed"] });
    expect(await fields("[1]")).toEqual({ body: ["must be a JSON object"] });
  });

  it("keeps the body's transport errors: 415 without JSON, 400 for unparsable JSON", async () => {
    expect((await handler(new Request("http://localhost/api/v1/x", { method: "POST", body: "name=a" }), ctx)).status).toBe(415);
    expect((await handler(post("{"), ctx)).status).toBe(400);
  });
});
