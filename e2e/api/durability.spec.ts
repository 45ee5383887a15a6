// kill -9 during a burst of writes: every write the server acknowledged is there after a restart,
// and the database is intact. Starts its own server (not the Playwright webServer) on a database of
// its own: a SQLite file, or a fresh PostgreSQL database when TEST_DATABASE_URL is set.
import { spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { expect, request as playwrightRequest, test, type APIRequestContext } from "@playwright/test";
import pg from "pg";
import { EventEnvelope, TokenEnvelope, UserEnvelope } from "../../lib/api/sweetdate/schemas.ts";
import { expectBody } from "../helpers.ts";

const root = process.cwd();
const port = Number(process.env.E2E_PORT ?? 3999) + 1000;
const baseURL = `http://127.0.0.1:${port}`;
const admin = process.env.TEST_DATABASE_URL;
const postgres = !!admin && /^postgres(ql)?:\/\//.test(admin);

test.describe.configure({ timeout: 180_000 });

function startServer(databaseUrl: string): ChildProcess {
  // Detached: its own process group, so kill -9 reaches every process of the server at once.
  return spawn(process.execPath, [path.join(root, "server.mjs"), "-p", String(port), "-H", "127.0.0.1"], {
    cwd: root,
    detached: true,
    stdio: "ignore",
    env: { ...process.env, DATABASE_URL: databaseUrl, NEXT_TELEMETRY_DISABLED: "1", RATE_LIMIT_PER_MINUTE: "100000" },
  });
}

async function waitForHealth(api: APIRequestContext, server: ChildProcess) {
  for (;;) {
    if (server.exitCode !== null) throw new Error(`server exited with ${server.exitCode}`);
    const ok = await api.get("/api/health", { timeout: 5_000 }).then((r) => r.ok(), () => false);
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

function kill9(server: ChildProcess) {
  try {
    process.kill(-server.pid!, "SIGKILL");
  } catch {
    /* already gone */
  }
  return new Promise<void>((resolve) => (server.exitCode !== null || server.signalCode !== null ? resolve() : server.once("exit", () => resolve())));
}

async function database(): Promise<{ url: string; check: () => Promise<void>; drop: () => Promise<void> }> {
  const suffix = crypto.randomBytes(4).toString("hex");
  if (postgres) {
    const name = `sweetdate_durability_${suffix}`;
    const run = async (sql: string, db = admin!) => {
      const client = new pg.Client({ connectionString: db });
      await client.connect();
      try {
        return await client.query(sql);
      } finally {
        await client.end();
      }
    };
    await run(`CREATE DATABASE ${name}`);
    const url = new URL(admin!);
    url.pathname = `/${name}`;
    return {
      url: url.toString(),
      // amcheck: every B-tree index of the schema is well-formed and matches its table.
      check: async () => {
        await run(`CREATE EXTENSION IF NOT EXISTS amcheck`, url.toString());
        const checked = await run(
          `SELECT count(bt_index_check(c.oid, true)) AS n FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am am ON am.oid = c.relam WHERE am.amname = 'btree' AND c.relnamespace = 'public'::regnamespace`,
          url.toString(),
        );
        expect(Number(checked.rows[0].n)).toBeGreaterThan(0);
      },
      drop: async () => void (await run(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)),
    };
  }
  const file = path.join(root, "data", `durability-${suffix}.db`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  return {
    url: `file:${file}`,
    check: async () => {
      const { default: Database } = await import("better-sqlite3");
      const db = new Database(file, { readonly: true });
      try {
        expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
        expect(db.pragma("foreign_key_check")).toEqual([]);
      } finally {
        db.close();
      }
    },
    drop: async () => {
      for (const ext of ["", "-wal", "-shm", "-journal"]) fs.rmSync(file + ext, { force: true });
    },
  };
}

test(`kill -9 mid-burst on ${postgres ? "PostgreSQL" : "SQLite"} – every acknowledged write survives the restart`, async () => {
  const db = await database();
  const api = await playwrightRequest.newContext({ baseURL });
  let server = startServer(db.url);
  try {
    await waitForHealth(api, server);
    const signUp = await api.post("/api/v1/auth/sign-up", { data: { email: `durable-${crypto.randomUUID()}@example.test`, password: "correct-horse-battery", name: "Durable" } });
    const cookie = signUp.headers()["set-cookie"]!.split(";")[0]!;
    expect(UserEnvelope.parse(await signUp.json()).user.id).toBeTruthy();
    const token = TokenEnvelope.parse(await (await api.post("/api/v1/tokens", { data: { name: "t" }, headers: { cookie, origin: baseURL } })).json()).token.token!;
    const auth = { Authorization: `Bearer ${token}` };
    const calendar = (await (await api.post("/api/v1/calendars", { headers: auth, data: { name: "Durable" } })).json()) as { calendar: { id: string } };
    const base = `/api/v1/calendars/${calendar.calendar.id}/events`;
    const { event: series } = await expectBody(
      await api.post(base, { headers: auth, data: { title: "Daily", starts_at: "2030-01-01T09:00:00Z", ends_at: "2030-01-01T10:00:00Z", time_zone: "UTC", rrule: "FREQ=DAILY" } }),
      201,
      EventEnvelope,
    );

    // The burst: eight writers, each creating events and overriding occurrences of the series (a
    // multi-statement transaction), until the server dies under them.
    const acknowledged = new Map<string, { title: string; sequence: number }>();
    let sent = 0;
    let dead = false;
    const writer = async (w: number) => {
      for (let i = 0; !dead; i++) {
        const n = sent++;
        const write =
          n % 2 === 0
            ? api.post(base, { headers: auth, data: { title: `burst ${n}`, starts_at: "2030-02-01T09:00:00Z", ends_at: "2030-02-01T10:00:00Z" } })
            : api.put(`${base}/${series.id}_${new Date(Date.UTC(2030, 0, 1 + n, 9)).toISOString().replace(/[-:]|\.000/g, "")}?scope=this`, { headers: auth, data: { title: `burst ${n}` } });
        const response = await write.catch(() => null);
        if (!response) continue; // the server died before answering: not acknowledged
        if (response.status() === 200 || response.status() === 201) {
          const { event } = EventEnvelope.parse(await response.json());
          acknowledged.set(event.id, { title: event.title, sequence: event.sequence });
        } else expect([200, 201], `writer ${w}: ${await response.text()}`).toContain(response.status());
      }
    };
    const writers = Array.from({ length: 8 }, (_, w) => writer(w));
    // Kill once a good number of writes are acknowledged, while the others are in flight.
    while (acknowledged.size < 60) await new Promise((resolve) => setTimeout(resolve, 20));
    await kill9(server);
    dead = true;
    await Promise.all(writers);
    expect(acknowledged.size).toBeGreaterThanOrEqual(60);

    server = startServer(db.url);
    await waitForHealth(api, server);
    for (const [id, ack] of acknowledged) {
      const { event } = await expectBody(await api.get(`${base}/${id}`, { headers: auth }), 200, EventEnvelope);
      expect(event.title).toBe(ack.title);
      expect(event.sequence).toBeGreaterThanOrEqual(ack.sequence);
    }
    await kill9(server);
    await db.check();
  } finally {
    await kill9(server);
    await api.dispose();
    await db.drop();
  }
});
