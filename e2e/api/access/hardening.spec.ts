// Input that answered 500 (issue 15) and the smaller holes: every case here must be a 4xx in the
// dialect's shape, the same on SQLite and PostgreSQL. Also: `q` matches % and _ literally on every
// read path, dot-segment paths never reach the parent resource, padded emails share a throttle.
import { expect, test } from "@playwright/test";
import { CalendarEvents, Problem } from "../../../lib/api/kona/schemas.ts";
import { CalendarEnvelope, ErrorBody, EventEnvelope, EventsEnvelope, UserEnvelope, UsersEnvelope } from "../../../lib/api/sweetdate/schemas.ts";
import { httpRequest } from "../../server-process.ts";
import { BASE_URL, expectBody, expectError, newCalendar, newUser } from "../../helpers.ts";

const event = { title: "Probe", starts_at: "2031-03-01T09:00:00Z", ends_at: "2031-03-01T10:00:00Z" };

test("POST /api/v1/calendars/:cid/events, POST /api/calendar_events – reserved keys (constructor, __proto__, toString …) are 422 naming the key", async ({ request }) => {
  const user = await newUser(request);
  const calendar = await newCalendar(request, user);
  for (const key of ["constructor", "__proto__", "toString", "hasOwnProperty", "valueOf"]) {
    const body = `{"title":"x","starts_at":"2031-03-01T09:00:00Z","ends_at":"2031-03-01T10:00:00Z","${key}":{"a":1}}`;
    const response = await request.post(`/api/v1/calendars/${calendar.id}/events`, { headers: { ...user.auth, "content-type": "application/json" }, data: body });
    await expectError(response, 422, "VALIDATION_ERROR");
    // Read the raw JSON: a schema parse would turn an own "__proto__" key into a prototype.
    expect(Object.keys((JSON.parse(await response.text()) as { fields: object }).fields)).toEqual([key]);
    const kona = await request.post("/api/calendar_events", { headers: { ...user.auth, "content-type": "application/json" }, data: `{"calendar_events":[{"name":"x","${key}":1}]}` });
    expect(kona.status(), await kona.text()).toBe(422);
    Problem.parse(await kona.json());
  }
  for (const body of ['{"__proto__":{"x":1}}', '{"constructor":{"prototype":{"x":1}}}', '{"name":"x","toString":"boom"}']) {
    const response = await request.put(`/api/v1/calendars/${calendar.id}`, { headers: { ...user.auth, "content-type": "application/json" }, data: body });
    await expectError(response, 422, "VALIDATION_ERROR");
  }
});

test("a malformed sd_session cookie (%, %zz) is simply no session: 401 in both dialects, 200 on public routes", async () => {
  for (const cookie of ["sd_session=%", "sd_session=%zz", "sd_session=%E0%A4%A; other=%"]) {
    const sweet = await httpRequest(`${BASE_URL}/api/v1/calendars`, { headers: { cookie } });
    expect(sweet.status, sweet.body).toBe(401);
    ErrorBody.parse(JSON.parse(sweet.body));
    expect((await httpRequest(`${BASE_URL}/api/calendar_events`, { headers: { cookie } })).status).toBe(401);
    expect((await httpRequest(`${BASE_URL}/api/v1/auth/status`, { headers: { cookie } })).status).toBe(200);
    expect((await httpRequest(`${BASE_URL}/api/v1/auth/sign-out`, { method: "POST", headers: { cookie } })).status).toBe(200);
  }
});

test("NUL bytes and lone UTF-16 surrogates in bodies and queries are 4xx on both databases", async ({ request }) => {
  const user = await newUser(request);
  const calendar = await newCalendar(request, user);
  const url = `/api/v1/calendars/${calendar.id}/events`;
  for (const title of ["nul\\u0000here", "lone \\ud800 high", "lone \\udc00 low"]) {
    const response = await request.post(url, { headers: { ...user.auth, "content-type": "application/json" }, data: `{"title":"${title}","starts_at":"2031-03-01T09:00:00Z","ends_at":"2031-03-01T10:00:00Z"}` });
    expect((await expectError(response, 422, "VALIDATION_ERROR")).fields).toHaveProperty("title");
  }
  await expectError(await request.post("/api/v1/calendars", { headers: { ...user.auth, "content-type": "application/json" }, data: '{"name":"x\\u0000"}' }), 422, "VALIDATION_ERROR");
  const kona = await request.post("/api/calendar_events", { headers: { ...user.auth, "content-type": "application/json" }, data: '{"calendar_events":[{"name":"\\ud83d"}]}' });
  expect(kona.status()).toBe(422);
  for (const query of ["q=a%00b", "from=2031-01-01T00:00:00Z%00&to=2031-02-01T00:00:00Z"]) await expectError(await request.get(`${url}?${query}`, { headers: user.auth }), 400, "BAD_REQUEST");
  expect((await request.get(`/api/calendar_events?date_range_start=0%00`, { headers: user.auth })).status()).toBe(400);
  await expectError(await request.get(`/api/v1/users?q=%00`, { headers: user.auth }), 400, "BAD_REQUEST");
  // A NUL in a path id (PostgreSQL refuses it as text) names nothing: 404 in the dialect's shape.
  for (const [method, path] of [["DELETE", "/api/v1/tokens/a%00b"], ["GET", `/api/v1/calendars/${calendar.id}/events/a%00b`], ["PUT", `/api/v1/calendars/a%00b`], ["DELETE", `/api/v1/invitations/a%00b`]] as const) {
    await expectError(await request.fetch(path, { method, headers: user.auth, ...(method === "PUT" ? { data: { name: "x" } } : {}) }), 404, "NOT_FOUND");
  }
  const konaNul = await request.get("/api/spaces/1%00", { headers: user.auth });
  expect(konaNul.status()).toBe(404);
  Problem.parse(await konaNul.json());
  // An emoji (a proper surrogate pair) is fine.
  const ok = await expectBody(await request.post(url, { headers: user.auth, data: { ...event, title: "Party 🎉" } }), 201, EventEnvelope);
  expect(ok.event.title).toBe("Party 🎉");
});

test("dates outside 1900-01-01 … 9999-12-31 (year 0, 1899, 10000, UNTIL there) are 422 on both databases; the edges are accepted", async ({ request }) => {
  const user = await newUser(request);
  const calendar = await newCalendar(request, user);
  const url = `/api/v1/calendars/${calendar.id}/events`;
  for (const [starts_at, ends_at] of [["0000-01-01T09:00:00Z", "0000-01-01T10:00:00Z"], ["1899-12-31T23:00:00Z", "1900-01-01T10:00:00Z"], ["9999-12-31T23:00:00Z", "+010000-01-01T00:00:00Z"]]) {
    const error = await expectError(await request.post(url, { headers: user.auth, data: { title: "x", starts_at, ends_at } }), 422, "VALIDATION_ERROR");
    expect(error.fields!.starts_at ?? error.fields!.ends_at).toBeDefined();
  }
  // An all-day event on the last day would end on 10000-01-01.
  await expectError(await request.post(url, { headers: user.auth, data: { title: "x", starts_at: "9999-12-31", ends_at: "9999-12-31", all_day: true } }), 422, "VALIDATION_ERROR");
  const rrule = await request.post(url, { headers: user.auth, data: { ...event, rrule: "FREQ=DAILY;UNTIL=00001231T000000Z" } });
  expect((await expectError(rrule, 422, "VALIDATION_ERROR")).fields).toHaveProperty("rrule");
  // The edges: a series running up to the last instant lists fine at the very end of the range.
  const edge = await expectBody(await request.post(url, { headers: user.auth, data: { title: "Edge", starts_at: "9999-12-30T22:00:00Z", ends_at: "9999-12-30T23:00:00Z", rrule: "FREQ=DAILY;UNTIL=99991231T235959Z" } }), 201, EventEnvelope);
  const listed = await expectBody(await request.get(`${url}?from=9999-12-01T00:00:00Z&to=9999-12-31T23:59:59Z`, { headers: user.auth }), 200, EventsEnvelope);
  expect(listed.events.map((e) => e.starts_at)).toEqual(["9999-12-30T22:00:00Z", "9999-12-31T22:00:00Z"]);
  expect(listed.events[0]!.recurring_event_id).toBe(edge.event.id);
  await expectBody(await request.post(url, { headers: user.auth, data: { title: "First", starts_at: "1900-01-01T00:00:00Z", ends_at: "1900-01-01T01:00:00Z" } }), 201, EventEnvelope);
  for (const window of ["from=0000-01-01T00:00:00Z&to=2031-01-01T00:00:00Z", "from=2031-01-01T00:00:00Z&to=10000-01-01T00:00:00Z"]) {
    await expectError(await request.get(`${url}?${window}`, { headers: user.auth }), 422, "VALIDATION_ERROR");
  }
  for (const start of ["-62167219200000", "253402300800000"]) {
    expect((await request.get(`/api/calendar_events?date_range_start=${start}&date_range_end=253402300799000`, { headers: user.auth })).status()).toBe(400);
  }
  const kona = await request.post("/api/calendar_events", { headers: user.auth, data: { calendar_events: [{ name: "x", start_at: -62167219200000, end_at: -62167215600000 }] } });
  expect(kona.status(), await kona.text()).toBe(422);
});

test("GET …/events?q=, GET /api/v1/users?q= – % and _ match literally on every read path (stored list and window)", async ({ request }) => {
  const user = await newUser(request, { name: "Percent_Owner" });
  const calendar = await newCalendar(request, user);
  const url = `/api/v1/calendars/${calendar.id}/events`;
  for (const title of ["50% off", "500 off", "a_b", "axb", "back\\slash"]) await expectBody(await request.post(url, { headers: user.auth, data: { ...event, title } }), 201, EventEnvelope);
  const titles = async (q: string, window: boolean) => {
    const query = new URLSearchParams({ q, ...(window ? { from: "2031-03-01T00:00:00Z", to: "2031-03-02T00:00:00Z" } : {}) });
    return (await expectBody(await request.get(`${url}?${query}`, { headers: user.auth }), 200, EventsEnvelope)).events.map((e) => e.title).sort();
  };
  for (const window of [false, true]) {
    expect(await titles("%", window)).toEqual(["50% off"]);
    expect(await titles("0%", window)).toEqual(["50% off"]);
    expect(await titles("_", window)).toEqual(["a_b"]);
    expect(await titles("A_B", window)).toEqual(["a_b"]);
    expect(await titles("\\", window)).toEqual(["back\\slash"]);
    expect(await titles("off", window)).toEqual(["50% off", "500 off"]);
  }
  const users = await expectBody(await request.get(`/api/v1/users?q=_`, { headers: user.auth }), 200, UsersEnvelope);
  expect(users.users.map((u) => u.id)).toEqual([user.id]);
  expect((await expectBody(await request.get(`/api/v1/users?q=%25`, { headers: user.auth }), 200, UsersEnvelope)).users).toEqual([]);
});

test("DELETE …/events/%2e%2e (and other dot segments) is 404 in the dialect's shape; the calendar survives", async ({ request }) => {
  const user = await newUser(request);
  const calendar = await newCalendar(request, user);
  const base = `${BASE_URL}/api/v1/calendars/${calendar.id}/events`;
  for (const tail of ["%2e%2e", "%2E%2e", ".%2e", "..", "%2e", ".", "%2e%2e/", "%2e%2e?scope=all", "%2e%2e%2f", "/", "x//", "\\..", "%5c"]) {
    for (const method of ["DELETE", "PUT", "GET"]) {
      const response = await httpRequest(`${base}/${tail}`, { method, headers: user.auth, ...(method === "PUT" ? { body: { name: "Hijacked" } } : {}) });
      expect(response.status, `${method} ${tail}: ${response.body}`).toBe(404);
      expect(ErrorBody.parse(JSON.parse(response.body)).error_code).toBe("NOT_FOUND");
    }
  }
  // An empty segment would 308 onto the calendar itself.
  const empty = await httpRequest(`${BASE_URL}/api/v1/calendars/${calendar.id}//`, { method: "DELETE", headers: user.auth });
  expect(empty.status, empty.body).toBe(404);
  const kona = await httpRequest(`${BASE_URL}/api/spaces/%2e%2e`, { method: "DELETE", headers: user.auth });
  expect(kona.status).toBe(404);
  Problem.parse(JSON.parse(kona.body));
  const still = await expectBody(await request.get(`/api/v1/calendars/${calendar.id}`, { headers: user.auth }), 200, CalendarEnvelope);
  expect(still.calendar.name).toBe(calendar.name);
  // Percent-encoding that is not UTF-8 (a lone surrogate's bytes) is an unknown resource too, not a router 500.
  for (const [url, shape] of [[`${base}/%ED%A0%80`, ErrorBody], [`${BASE_URL}/api/calendar_events/%ED%A0%80`, Problem], [`${BASE_URL}/api/v1/calendars/%C0%AF`, ErrorBody]] as const) {
    const response = await httpRequest(url, { method: "DELETE", headers: user.auth });
    expect(response.status, response.body).toBe(404);
    shape.parse(JSON.parse(response.body));
  }
  // Ordinary ids with dots are untouched (404 for not being ids, not for the dots).
  expect((await httpRequest(`${base}/a..b`, { headers: user.auth })).status).toBe(404);
  expect((await expectBody(await request.get("/api/calendar_events", { headers: user.auth }), 200, CalendarEvents)).calendar_events).toEqual([]);
});

test("GET /api/health – answers 200 whatever credentials come along (a malformed Authorization header included)", async () => {
  for (const headers of [{ authorization: "Bearer a b" }, { authorization: "Basic Zm9vOmJhcg==" }, { cookie: "sd_session=%" }, { authorization: "Bearer sdt_revoked" }] as Record<string, string>[]) {
    const response = await httpRequest(`${BASE_URL}/api/health`, { headers });
    expect(response.status, response.body).toBe(200);
  }
});

test("POST with a session cookie – a forged X-Forwarded-Host does not pass the CSRF origin check (no TRUST_PROXY)", async () => {
  const email = `csrf-${Date.now()}-${Math.random().toString(36).slice(2)}@example.test`;
  const signUp = await httpRequest(`${BASE_URL}/api/v1/auth/sign-up`, { method: "POST", body: { email, password: "correct-horse-battery" } });
  expect(signUp.status, signUp.body).toBe(201);
  const cookie = String(signUp.headers["set-cookie"]).split(";")[0]!;
  const forged = await httpRequest(`${BASE_URL}/api/v1/calendars`, { method: "POST", body: { name: "x" }, headers: { cookie, origin: "https://evil.example", "x-forwarded-host": "evil.example" } });
  expect(forged.status, forged.body).toBe(403);
  expect(ErrorBody.parse(JSON.parse(forged.body)).error_code).toBe("FORBIDDEN");
  const same = await httpRequest(`${BASE_URL}/api/v1/calendars`, { method: "POST", body: { name: "x" }, headers: { cookie, origin: BASE_URL } });
  expect(same.status, same.body).toBe(201);
});

test("POST /api/v1/auth/sign-in – padded or re-cased spellings of one email share one throttle and sign in as the same account", async ({ request }) => {
  const user = await newUser(request);
  const spellings = [` ${user.email}`, `${user.email} `, user.email.toUpperCase(), `\t${user.email}\n`, `  ${user.email.replace(/^./, (c) => c.toUpperCase())}`];
  for (let i = 0; i < 10; i++) await expectError(await request.post("/api/v1/auth/sign-in", { data: { email: spellings[i % spellings.length], password: `wrong-${i}` } }), 401, "UNAUTHORIZED");
  for (const email of spellings) await expectError(await request.post("/api/v1/auth/sign-in", { data: { email, password: user.password } }), 429, "RATE_LIMITED");

  const other = await newUser(request);
  const signedIn = await httpRequest(`${BASE_URL}/api/v1/auth/sign-in`, { method: "POST", body: { email: `  ${other.email.toUpperCase()} `, password: other.password } });
  expect(signedIn.status).toBe(200);
  expect(UserEnvelope.parse(JSON.parse(signedIn.body)).user.id).toBe(other.id);
  const again = await httpRequest(`${BASE_URL}/api/v1/auth/sign-up`, { method: "POST", body: { email: ` ${other.email.toUpperCase()}`, password: "another-password-1" } });
  expect(again.status).toBe(409);
});

test("headers over 16 KiB – 431 in the dialect of the path (Node's parser refuses them before any handler)", async () => {
  const big = { "x-padding": "x".repeat(20_000) };
  const sweet = await httpRequest(`${BASE_URL}/api/v1/me`, { headers: big });
  expect(sweet.status).toBe(431);
  expect(ErrorBody.parse(JSON.parse(sweet.body)).error_code).toBe("BAD_REQUEST");
  const kona = await httpRequest(`${BASE_URL}/api/spaces`, { headers: big });
  expect(kona.status).toBe(431);
  expect(Problem.parse(JSON.parse(kona.body)).problemType).toMatch(/#kona-errors-bad-request$/);
  // The server goes on answering.
  expect((await httpRequest(`${BASE_URL}/api/health`)).status).toBe(200);
});
