// The admin CLI as self-hosters run it: a real process against a real SQLite file.
import { execFile } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, "..");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sweetdate-cli-"));
const file = path.join(dir, "cli.db");
const env = { ...process.env, DATABASE_URL: `file:${file}` };

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ["--import", "tsx", "cli/index.ts", ...args], { cwd: root, env });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

// Each case starts real `tsx` processes (several seconds each on a loaded 2-core machine).
describe("npm run cli", { timeout: 180_000 }, () => {
  it("db:migrate creates the schema once and is idempotent", async () => {
    const first = await cli("db:migrate");
    expect(first.code).toBe(0);
    expect(first.stdout).toContain("applied:");
    const again = await cli("db:migrate");
    expect(again.stdout).toContain("up to date");
  });

  it("user:create then token:create prints a working token as the last line", async () => {
    const created = await cli("user:create", "--email", "Ops@Example.com", "--password", "long-enough-secret", "--name", "Ops");
    expect(created.code, created.stderr).toBe(0);
    expect(created.stdout).toContain("ops@example.com");
    const token = await cli("token:create", "--email", "ops@example.com", "--name", "deploy");
    expect(token.code, token.stderr).toBe(0);
    const secret = token.stdout.trim().split("\n").at(-1)!;
    expect(secret).toMatch(/^sdt_[A-Za-z0-9_-]{40,}$/);
    // Stored hashed, never in clear.
    const db = new Database(file, { readonly: true });
    const row = db.prepare("SELECT token_hash, name FROM api_tokens").get() as { token_hash: string; name: string };
    db.close();
    expect(row).toEqual({ token_hash: crypto.createHash("sha256").update(secret).digest("hex"), name: "deploy" });
  });

  it("fails with a clear message and a non-zero code on bad input", async () => {
    const duplicate = await cli("user:create", "--email", "ops@example.com", "--password", "long-enough-secret");
    expect(duplicate.code).toBe(1);
    expect(duplicate.stderr).toMatch(/error: .*sign/i);
    const short = await cli("user:create", "--email", "x@example.com", "--password", "short");
    expect(short.code).toBe(1);
    expect(short.stderr).toContain("password is too short");
    const missing = await cli("token:create");
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("usage:");
    const unknown = await cli("token:create", "--email", "nobody@example.com");
    expect(unknown.code).toBe(1);
    expect((await cli("frobnicate")).code).toBe(2);
  });

  it("db:seed --if-empty leaves a database with users alone; db:seed adds the demo", async () => {
    const skipped = await cli("db:seed", "--if-empty");
    expect(skipped.stdout).toContain("already has users");
    const seeded = await cli("db:seed");
    expect(seeded.code, seeded.stderr).toBe(0);
    expect(seeded.stdout).toContain("demo@sweetdate.local");
    const db = new Database(file, { readonly: true });
    const counts = db.prepare("SELECT (SELECT count(*) FROM calendars) AS calendars, (SELECT count(*) FROM events) AS events").get() as { calendars: number; events: number };
    db.close();
    expect(counts.calendars).toBe(2);
    expect(counts.events).toBeGreaterThan(10);
  });

  it("user:create normalises the email (padded, upper-case) once; the first account is the instance admin", async () => {
    const db = new Database(file, { readonly: true });
    const admins = db.prepare("SELECT email FROM users WHERE is_admin = 1").all();
    db.close();
    expect(admins).toEqual([{ email: "ops@example.com" }]);
    const padded = await cli("user:create", "--email", "  OPS@example.COM ", "--password", "long-enough-secret");
    expect(padded.code).toBe(1);
    const token = await cli("token:create", "--email", " Ops@EXAMPLE.com");
    expect(token.code, token.stderr).toBe(0);
  });

  it("invite:create prints a one-time sign-up link; signup:mode stores the mode (and refuses unknown ones)", async () => {
    const invite = await cli("invite:create", "--email", " Guest@Example.com", "--days", "3", "--base-url", "https://cal.example.org/");
    expect(invite.code, invite.stderr).toBe(0);
    const link = invite.stdout.trim().split("\n").at(-1)!;
    expect(link).toMatch(/^https:\/\/cal\.example\.org\/sign-up\?invitation=sdi_[A-Za-z0-9_-]{30,}$/);
    const db = new Database(file, { readonly: true });
    const row = db.prepare("SELECT email, token_hash, created_by_id FROM invitations").get() as { email: string; token_hash: string; created_by_id: number | null };
    expect(row).toEqual({ email: "guest@example.com", token_hash: crypto.createHash("sha256").update(new URL(link).searchParams.get("invitation")!).digest("hex"), created_by_id: null });
    db.close();
    expect((await cli("invite:create", "--days", "0")).code).toBe(1);
    const mode = await cli("signup:mode", "closed");
    expect(mode.code, mode.stderr).toBe(0);
    const check = new Database(file, { readonly: true });
    expect(check.prepare("SELECT value FROM instance_settings WHERE key = 'sign_up_mode'").get()).toEqual({ value: "closed" });
    check.close();
    expect((await cli("signup:mode", "everyone")).code).toBe(2);
  });
});
