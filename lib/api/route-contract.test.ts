// route() with a query contract: parsed before the handler runs, a 422 (SweetDate) or 400 (Kona)
// naming each parameter in the dialect's shape, and the shared window rule in each dialect's words.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { EventListQuery as KonaEventListQuery, PageQuery as KonaPageQuery, UserListQuery } from "./kona/queries.ts";
import { AppError, invalid } from "../domain/errors.ts";
import { kona, konaResource } from "./kona/envelope.ts";
import { IdPath } from "./kona/input.ts";
import { CalendarEventInput } from "./kona/schemas.ts";
import { json, parseQuery, route } from "./route.ts";
import { sweetdate } from "./sweetdate/envelope.ts";
import { CalendarPath, EventBody, EventUserPath } from "./sweetdate/input.ts";
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

describe("route() path parameters — parsed by the contract, 404 in the dialect's shape", () => {
  const at = (params: Record<string, string>) => ({ params: Promise.resolve(params) });
  const open = { public: true, rateLimit: false } as const;

  it("SweetDate: a malformed calendar id is a 404 naming the calendar, without running the handler", async () => {
    let calls = 0;
    const handler = route(sweetdate, { ...open, params: CalendarPath }, async (c) => {
      calls++;
      return json({ params: c.params });
    });
    const bad = await handler(get(""), at({ calendar_id: "not-a-uuid" }));
    expect(bad.status).toBe(404);
    expect(await bad.json()).toEqual({ status: "error", message: "calendar not found", error_code: "NOT_FOUND" });
    expect(calls).toBe(0);
    const good = await handler(get(""), at({ calendar_id: "6F1C2D0E-0000-4000-8000-00000000000A" }));
    expect((await good.json()).params).toEqual({ calendar_id: "6f1c2d0e-0000-4000-8000-00000000000a" });
  });

  it("SweetDate: an event id parses to the occurrence it names; a member path names the user", async () => {
    const handler = route(sweetdate, { ...open, params: EventUserPath }, async (c) => json({ params: c.params }));
    const calendar = "6f1c2d0e-0000-4000-8000-00000000000a";
    const series = "7a2b3c4d-0000-4000-8000-00000000000b";
    const parsed = await (await handler(get(""), at({ calendar_id: calendar, id: `${series}_20250821T090000Z`, user_id: series }))).json();
    expect(parsed.params).toEqual({ calendar_id: calendar, id: { uuid: series, originalStart: "2025-08-21T09:00:00.000Z" }, user_id: series });
    const badEvent = await handler(get(""), at({ calendar_id: calendar, id: `${series}_tomorrow`, user_id: series }));
    expect(await badEvent.json()).toEqual({ status: "error", message: "not found", error_code: "NOT_FOUND" });
    const badUser = await handler(get(""), at({ calendar_id: calendar, id: series, user_id: "ann" }));
    expect(await badUser.json()).toEqual({ status: "error", message: "user not found", error_code: "NOT_FOUND" });
  });

  it("Kona: a malformed integer id is a 404 problem", async () => {
    const handler = route(kona, { ...open, params: IdPath }, async (c) => json({ params: c.params }));
    for (const id of ["abc", "0", "2147483648", "1e3", " 7"]) {
      const response = await handler(get(""), at({ id }));
      expect(response.status, id).toBe(404);
      expect(response.headers.get("content-type")).toContain("application/problem+json");
      expect(await response.json()).toMatchObject({ title: "Not found", details: "not found", problemType: expect.stringMatching(/#kona-errors-not-found$/) });
    }
    expect(await (await handler(get(""), at({ id: "42" }))).json()).toEqual({ params: { id: 42 } });
  });
});

describe("route() bodies and field names — one place for every route", () => {
  const post = (body: unknown) => new Request("http://localhost/api/x", { method: "POST", body: JSON.stringify(body), headers: { "content-type": "application/json" } });
  const open = { public: true, rateLimit: false } as const;
  const konaEvents = konaResource("calendar_events", "calendar_event", { title: "name", description: "details", starts_at: "start_at", ends_at: "end_at", calendar_id: "space_id" });

  it("Kona: an error from the core naming `title` reaches the client as `name` (keys and messages), calendar as space", async () => {
    const handler = route(konaEvents, open, async () => {
      throw invalid({ title: ["can't be blank"], ends_at: ["must be after starts_at"] }, "invalid input for this calendar");
    });
    const problem = await (await handler(post({}), ctx)).json();
    expect(problem.invalid_params).toEqual([{ name: "name", reason: "can't be blank" }, { name: "end_at", reason: "must be after start_at" }]);
    expect(problem.details).toBe("name can't be blank; end_at must be after start_at");
    const notFound = route(konaEvents, open, async () => {
      throw new AppError("NOT_FOUND", "calendar not found");
    });
    expect((await (await notFound(post({}), ctx)).json()).details).toBe("space not found");
  });

  it("Kona: each resource renames its own fields only (a space keeps `description`)", async () => {
    const handler = route(konaResource("spaces", "space"), open, async () => {
      throw invalid({ description: ["is too long (maximum is 10000 characters)"] });
    });
    expect((await (await handler(post({}), ctx)).json()).invalid_params).toEqual([{ name: "description", reason: "is too long (maximum is 10000 characters)" }]);
  });

  it("Kona: a body contract unwraps the resource (plural array, singular key or bare), drops read-only fields, and names Kona's fields", async () => {
    const handler = route(konaEvents, { ...open, body: { schema: CalendarEventInput, readOnly: ["id", "href"] } }, async (c) => json({ input: c.input }));
    for (const body of [{ calendar_events: [{ id: 3, name: "Standup" }] }, { calendar_event: { href: "x", name: "Standup" } }, { name: "Standup" }]) {
      expect(await (await handler(post(body), ctx)).json()).toEqual({ input: { name: "Standup" } });
    }
    const bad = await handler(post({ calendar_events: [{ name: 7, start_at: true }] }), ctx);
    expect(bad.status).toBe(422);
    expect((await bad.json()).invalid_params).toEqual([
      { name: "name", reason: "must be a string" },
      { name: "start_at", reason: expect.stringMatching(/^must be epoch seconds or milliseconds/) },
    ]);
    // What the client sent keeps its own names: Kona's `title` is an unknown field, not renamed to `name`.
    const unknown = await handler(post({ name: "x", title: "x" }), ctx);
    expect((await unknown.json()).invalid_params).toEqual([{ name: "title", reason: "is not allowed" }]);
    const two = await handler(post({ calendar_events: [{}, {}] }), ctx);
    expect((await two.json()).invalid_params).toEqual([{ name: "calendar_events", reason: "must be an array holding exactly one calendar_event object" }]);
    expect((await handler(post([1]), ctx)).status).toBe(400);
  });

  it("SweetDate: the event body arrives as the core's input; date problems are 422 fields like the schema's", async () => {
    const handler = route(sweetdate, { ...open, body: { schema: EventBody, readOnly: ["id", "sequence"] } }, async (c) => json({ input: c.input }));
    const parsed = await (await handler(post({ id: "x", sequence: 3, title: "Offsite", starts_at: "2025-08-21", ends_at: "2025-08-22", recurrence_rule: "weekly" }), ctx)).json();
    expect(parsed.input).toEqual({ title: "Offsite", startsAt: "2025-08-21T00:00:00.000Z", endsAt: "2025-08-22T00:00:00.000Z", allDay: true, rrule: "FREQ=WEEKLY" });
    const bad = await handler(post({ title: 5, starts_at: "soon", ends_at: "2025-08-22", all_day: false, rrule: "FREQ=SOMETIMES" }), ctx);
    expect(bad.status).toBe(422);
    const { fields } = await bad.json();
    expect(Object.keys(fields)).toEqual(["title"]);
    const dates = await (await handler(post({ starts_at: "soon", ends_at: "2025-08-22", all_day: false, rrule: "FREQ=SOMETIMES" }), ctx)).json();
    expect(Object.keys(dates.fields)).toEqual(["starts_at", "ends_at", "rrule"]);
    expect(dates.fields.ends_at).toEqual(["must be a date-time like 2025-08-21T09:00:00Z unless all_day is true"]);
  });
});
