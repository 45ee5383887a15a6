// Rate limits keyed on the socket's address (server.mjs), the health check outside them, the
// sign-in throttle per email + address, and — on PostgreSQL — one limit across instances.
// These tests start servers of their own (low limits) and speak from several loopback addresses.
import { expect, test } from "@playwright/test";
import { ErrorBody, UserEnvelope } from "../../../lib/api/sweetdate/schemas.ts";
import { freshDatabase, httpRequest, startServer, type ServerProcess, type TestDatabase } from "../../server-process.ts";

const PASSWORD = "correct-horse-battery";
const onPostgres = /^postgres/.test(process.env.TEST_DATABASE_URL ?? "");
const email = (label: string) => `${label}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}@example.test`;

test.describe.configure({ mode: "serial" });
test.setTimeout(240_000);

let database: TestDatabase;
let server: ServerProcess;

test.beforeAll(async () => {
  database = await freshDatabase();
  server = await startServer(database.url, { RATE_LIMIT_PER_MINUTE: "40" });
});

test.afterAll(async () => {
  await server?.stop();
  await database?.drop();
});

const signUp = (from: string, address: string) => httpRequest(`${server.baseURL}/api/v1/auth/sign-up`, { method: "POST", from, body: { email: address, password: PASSWORD } });
const signIn = (from: string, address: string, password: string, base = server.baseURL) => httpRequest(`${base}/api/v1/auth/sign-in`, { method: "POST", from, body: { email: address, password } });

test("one anonymous client flooding the API is limited alone: other addresses sign up and in, /api/health always answers", async () => {
  // Limits count per minute: a burst that straddles a minute boundary is tried again from a new address.
  let attacker = "";
  for (let attempt = 0; ; attempt++) {
    attacker = `127.0.0.${2 + 10 * attempt}`;
    const minute = Math.floor(Date.now() / 60_000);
    const statuses: number[] = [];
    // Forged forwarding headers and a forged address header do not give the attacker fresh buckets.
    for (let i = 0; i < 60; i++) {
      const forged = { "x-forwarded-for": `198.51.100.${i}`, "x-sd-remote-addr": `203.0.113.${i}`, "x-real-ip": `192.0.2.${i}` };
      statuses.push((await httpRequest(`${server.baseURL}/api/v1/auth/status`, { from: attacker, headers: forged })).status);
    }
    const limited = await httpRequest(`${server.baseURL}/api/v1/auth/status`, { from: attacker });
    if (Math.floor(Date.now() / 60_000) !== minute && attempt < 3) continue;
    expect(statuses.slice(0, 40)).toEqual(Array(40).fill(200));
    expect(statuses.slice(40)).toEqual(Array(20).fill(429));
    expect(limited.status).toBe(429);
    expect(Number(limited.headers["retry-after"])).toBeGreaterThan(0);
    expect(ErrorBody.parse(JSON.parse(limited.body)).error_code).toBe("RATE_LIMITED");
    break;
  }
  for (let i = 0; i < 50; i++) expect((await httpRequest(`${server.baseURL}/api/health`, { from: attacker })).status).toBe(200);

  const neighbour = "127.0.0.3";
  expect((await httpRequest(`${server.baseURL}/api/v1/auth/status`, { from: neighbour })).status).toBe(200);
  const address = email("neighbour");
  const created = await signUp(neighbour, address);
  expect(created.status, created.body).toBe(201);
  const signedIn = await signIn(neighbour, address, PASSWORD);
  expect(signedIn.status, signedIn.body).toBe(200);
  expect(UserEnvelope.parse(JSON.parse(signedIn.body)).user.email).toBe(address);
});

test("an attacker's sign-in lockout of one email binds only the attacker's address: the owner signs in from theirs", async () => {
  const owner = "127.0.0.4";
  const attacker = "127.0.0.5";
  const address = email("owner");
  expect((await signUp(owner, address)).status).toBe(201);
  const answers: number[] = [];
  for (let i = 0; i < 15; i++) answers.push((await signIn(attacker, ` ${address.toUpperCase()}`, `guess-${i}`)).status);
  expect(answers.slice(0, 10)).toEqual(Array(10).fill(401));
  expect(answers.slice(10)).toEqual(Array(5).fill(429));
  // Even the right password is refused to the attacker's address now …
  expect((await signIn(attacker, address, PASSWORD)).status).toBe(429);
  // … while the owner, elsewhere, signs in (again and again: successes do not count).
  for (let i = 0; i < 12; i++) {
    const response = await signIn(owner, address, PASSWORD);
    expect(response.status, response.body).toBe(200);
  }
});

test("two instances on one PostgreSQL database enforce one request limit and one sign-in throttle", async () => {
  test.skip(!onPostgres, "SQLite installations are one process: their counters live in memory (README)");
  const second = await startServer(database.url, { RATE_LIMIT_PER_MINUTE: "40" });
  try {
    const servers = [server.baseURL, second.baseURL];
    // The sign-in throttle: 10 wrong guesses spread over both instances, then both refuse.
    const address = email("shared");
    expect((await signUp("127.0.0.6", address)).status).toBe(201);
    for (let i = 0; i < 10; i++) expect((await signIn("127.0.0.7", address, `guess-${i}`, servers[i % 2])).status).toBe(401);
    for (const base of servers) expect((await signIn("127.0.0.7", address, PASSWORD, base)).status).toBe(429);

    // The request limit: 40 a minute per address, counted together (retried if the burst straddles a minute).
    for (let attempt = 0; ; attempt++) {
      const from = `127.0.0.${20 + attempt}`;
      const minute = Math.floor(Date.now() / 60_000);
      const statuses: number[] = [];
      for (let i = 0; i < 60; i++) statuses.push((await httpRequest(`${servers[i % 2]}/api/v1/auth/status`, { from })).status);
      if (Math.floor(Date.now() / 60_000) !== minute && attempt < 3) continue;
      expect(statuses.filter((s) => s === 200)).toHaveLength(40);
      expect(statuses.slice(40)).toEqual(Array(20).fill(429));
      break;
    }

    // With a token: 40 a minute per user, whichever instance and address — each request counted
    // exactly once (the credentials lookup counts it in the same statement: lib/db/user-repository.ts).
    const owner = email("token-owner");
    const signedUp = await signUp("127.0.0.40", owner);
    expect(signedUp.status).toBe(201);
    const cookie = String(signedUp.headers["set-cookie"]).split(";")[0]!;
    const tokenMinute = Math.floor(Date.now() / 60_000);
    const created = await httpRequest(`${server.baseURL}/api/v1/tokens`, { method: "POST", from: "127.0.0.40", body: { name: "limits" }, headers: { cookie, origin: server.baseURL } });
    expect(created.status).toBe(201);
    const token = (JSON.parse(created.body) as { token: { token: string } }).token.token;
    for (let attempt = 0; ; attempt++) {
      const minute = Math.floor(Date.now() / 60_000);
      const statuses: number[] = [];
      for (let i = 0; i < 60; i++) {
        statuses.push((await httpRequest(`${servers[i % 2]}/api/v1/me`, { from: `127.0.0.${41 + (i % 3)}`, headers: { authorization: `Bearer ${token}` } })).status);
      }
      if (Math.floor(Date.now() / 60_000) !== minute && attempt < 3) continue;
      // Creating the token (signed in) was that user's request too, when it fell in this minute.
      const ok = minute === tokenMinute && Math.floor(Date.now() / 60_000) === tokenMinute ? 39 : 40;
      expect(statuses.filter((s) => s === 200)).toHaveLength(ok);
      expect(statuses.slice(ok)).toEqual(Array(60 - ok).fill(429));
      break;
    }

    // Signed in (a session cookie, as the web app is): the same 40 a minute per user, each counted once.
    const member = await signUp("127.0.0.50", email("session-user"));
    expect(member.status).toBe(201);
    const session = String(member.headers["set-cookie"]).split(";")[0]!;
    for (let attempt = 0; ; attempt++) {
      const minute = Math.floor(Date.now() / 60_000);
      const statuses: number[] = [];
      for (let i = 0; i < 60; i++) statuses.push((await httpRequest(`${servers[i % 2]}/api/v1/me`, { from: `127.0.0.${51 + (i % 3)}`, headers: { cookie: session } })).status);
      if (Math.floor(Date.now() / 60_000) !== minute && attempt < 3) continue;
      expect(statuses.filter((s) => s === 200)).toHaveLength(40);
      expect(statuses.slice(40)).toEqual(Array(20).fill(429));
      break;
    }
  } finally {
    await second.stop();
  }
});
