// Input that once answered 500: reserved keys in bodies, malformed cookies, NUL and lone
// surrogates, and the CSRF check's trust in X-Forwarded-Host. Each must be a 4xx (or harmless).
import { afterEach, describe, expect, it } from "vitest";
import { useEnv } from "../env.ts";
import { addError, type FieldErrors } from "../domain/errors.ts";
import { authenticate, checkCsrf, sessionSecret, type Caller } from "./auth.ts";
import { kona } from "./kona/envelope.ts";
import { isStorableText, json, parseBody, route } from "./route.ts";
import { sweetdate } from "./sweetdate/envelope.ts";
import { SignInInput } from "./sweetdate/schemas.ts";

const ctx = { params: Promise.resolve({}) };
const post = (body: string, headers: Record<string, string> = {}) =>
  new Request("http://localhost/api/v1/x", { method: "POST", body, headers: { "content-type": "application/json", ...headers } });

afterEach(() => {
  useEnv();
});

describe("field errors keyed by client input", () => {
  it("collects messages under Object.prototype's names as own properties", () => {
    const errors: FieldErrors = {};
    for (const field of ["constructor", "__proto__", "toString", "hasOwnProperty", "valueOf"]) addError(errors, field, "is not allowed");
    addError(errors, "constructor", "again");
    expect(Object.keys(errors)).toEqual(["constructor", "__proto__", "toString", "hasOwnProperty", "valueOf"]);
    expect(errors.constructor).toEqual(["is not allowed", "again"]);
    expect(JSON.parse(JSON.stringify(errors))).toHaveProperty(["__proto__"]);
    expect(({} as Record<string, unknown>).constructor).toBe(Object); // the prototype is untouched
  });

  it("a strict wire schema reports reserved keys as 422 fields", async () => {
    for (const key of ["constructor", "__proto__", "toString"]) {
      const body = JSON.parse(`{"email":"a@b.co","password":"x","${key}":1}`) as unknown;
      try {
        await parseBody(sweetdate, { schema: SignInInput }, body);
        expect.unreachable();
      } catch (error) {
        expect((error as { status: number }).status).toBe(422);
        expect(Object.keys((error as { fields: FieldErrors }).fields)).toEqual([key]);
      }
    }
  });
});

describe("text no database stores alike", () => {
  it("NUL and unpaired surrogates are refused; paired surrogates (emoji) pass", () => {
    expect(isStorableText("plain")).toBe(true);
    expect(isStorableText("party 🎉")).toBe(true);
    for (const bad of ["a\u0000b", "\ud800", "x\udc00", "\udc00\ud800", "🎉\ud83d"]) expect(isStorableText(bad)).toBe(false);
  });

  it("a JSON body with one in a value or key is 422 naming the field, in either dialect", async () => {
    const echo = route(sweetdate, async (c) => json(await c.body()), { public: true });
    const response = await echo(post('{"title":"a\\u0000b","tags":["ok","\\ud800"],"nested":{"\\udc00":1}}'), ctx);
    expect(response.status).toBe(422);
    const body = (await response.json()) as { fields: Record<string, string[]> };
    expect(Object.keys(body.fields).sort()).toEqual(["nested", "tags", "title"]);
    const konaEcho = route(kona, async (c) => json(await c.body()), { public: true });
    expect((await konaEcho(post('{"name":"\\ud83d"}'), ctx)).status).toBe(422);
  });

  it("a query parameter with NUL is 400", async () => {
    const list = route(sweetdate, async () => json({}), { public: true });
    const response = await list(new Request("http://localhost/api/v1/x?q=a%00b"), ctx);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { fields: object }).fields).toHaveProperty("q");
  });
});

describe("the session cookie", () => {
  it("a malformed value (%, %zz) is no session: the caller is anonymous, not a 500", async () => {
    for (const value of ["%", "%zz", "abc%", "%E0%A4%A"]) {
      const req = new Request("http://localhost/api/v1/me", { headers: { cookie: `other=1; sd_session=${value}` } });
      expect(sessionSecret(req)).toBeNull();
      expect(await authenticate(req)).toBeNull();
    }
    const me = route(sweetdate, async () => json({}));
    expect((await me(new Request("http://localhost/api/v1/me", { headers: { cookie: "sd_session=%" } }), ctx)).status).toBe(401);
  });
});

describe("the CSRF origin check", () => {
  const caller = { via: "session" } as Caller;
  const write = (headers: Record<string, string>) => new Request("http://localhost/api/v1/calendars", { method: "POST", headers });

  it("compares the Origin with Host: a client-sent X-Forwarded-Host does not make a foreign Origin same-site", () => {
    expect(() => checkCsrf(write({ host: "cal.example.org", origin: "https://evil.example", "x-forwarded-host": "evil.example" }), caller)).toThrow(/cross-site/);
    expect(() => checkCsrf(write({ host: "cal.example.org", origin: "https://cal.example.org" }), caller)).not.toThrow();
  });

  it("trusts X-Forwarded-Host when a proxy sets it (TRUST_PROXY=1)", () => {
    useEnv({ TRUST_PROXY: "1" });
    expect(() => checkCsrf(write({ host: "app:3000", origin: "https://cal.example.org", "x-forwarded-host": "cal.example.org" }), caller)).not.toThrow();
    expect(() => checkCsrf(write({ host: "app:3000", origin: "https://evil.example", "x-forwarded-host": "cal.example.org" }), caller)).toThrow(/cross-site/);
  });
});
