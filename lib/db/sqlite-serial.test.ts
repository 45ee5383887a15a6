// On a real SQLite file: a query made outside a transaction while another request's transaction is
// open neither joins it (and vanishes with its rollback) nor sees its uncommitted rows.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sweetdate-serial-"));
process.env.DATABASE_URL = `file:${path.join(dir, "test.db")}`;
const { migrate } = await import("./migrate.ts");
const { closeDb, db } = await import("./client.ts");
const { transaction } = await import("./transaction.ts");

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
let userId = 0;

beforeAll(async () => {
  await migrate();
  userId = (await db().user.create({ data: { uuid: "u-1", email: "a@example.test", name: "A", passwordHash: "x" } })).id;
});

afterAll(async () => {
  await closeDb();
  fs.rmSync(dir, { recursive: true, force: true });
});

const session = (n: number) => db().session.create({ data: { tokenHash: `hash-${n}`, userId, expiresAt: new Date(Date.now() + 3_600_000) } });

describe("SQLite: lone queries wait for the open transaction", () => {
  it("a write acknowledged while another transaction is open survives that transaction's rollback", async () => {
    const failing = transaction(async (tx) => {
      await tx.user.update({ where: { id: userId }, data: { name: "rolled back" } });
      await pause(100);
      throw new Error("rollback");
    }).catch((error: Error) => error.message);
    await pause(20);
    const written = await session(1);
    expect(await failing).toBe("rollback");
    expect(await db().session.findUnique({ where: { id: written.id } })).not.toBeNull();
    expect((await db().user.findUnique({ where: { id: userId } }))!.name).toBe("A");
  });

  it("a read made while another transaction is open does not see its uncommitted write", async () => {
    let seen = "";
    const slow = transaction(async (tx) => {
      await tx.user.update({ where: { id: userId }, data: { name: "uncommitted" } });
      await pause(100);
      throw new Error("rollback");
    }).catch(() => undefined);
    await pause(20);
    seen = (await db().user.findUnique({ where: { id: userId } }))!.name;
    await slow;
    expect(seen).toBe("A");
  });

  it("a query from inside the transaction's own work without its tx still runs (no deadlock)", async () => {
    const count = await transaction(async (tx) => {
      await tx.user.update({ where: { id: userId }, data: { name: "B" } });
      return db().user.count();
    });
    expect(count).toBe(1);
    expect((await db().user.findUnique({ where: { id: userId } }))!.name).toBe("B");
  });
});

describe("SQLite: another process writing the same file", () => {
  it("a transaction that reads, then writes after the other process tried to write, commits (no SQLITE_BUSY); both writes are kept", async () => {
    const file = process.env.DATABASE_URL!.replace(/^file:/, "");
    // The other process (a second instance, the CLI): announces its attempt, then inserts a session.
    const script = `
      const Database = require("better-sqlite3");
      const db = new Database(${JSON.stringify(file)}, { timeout: 10000 });
      console.log("trying");
      db.prepare("INSERT INTO sessions (token_hash, user_id, expires_at, created_at, last_used_at) VALUES ('other-process', ${userId}, '2100-01-01T00:00:00.000+00:00', '2026-01-01T00:00:00.000+00:00', '2026-01-01T00:00:00.000+00:00')").run();
      console.log("written");`;
    let output = "";
    let other: ReturnType<typeof spawn> | undefined;
    const otherDone = new Promise<number | null>((resolve) => {
      other = spawn(process.execPath, ["-e", script], { cwd: process.cwd(), stdio: ["ignore", "pipe", "pipe"] });
      other.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
      other.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
      other.on("exit", resolve);
    });
    await transaction(async (tx) => {
      await tx.user.findUnique({ where: { id: userId } });
      // The other process tries to write while this transaction is open (and has read).
      while (!output.includes("trying") && other!.exitCode === null) await pause(10);
      await pause(150);
      await tx.user.update({ where: { id: userId }, data: { name: "after the other process" } });
    });
    expect(await otherDone).toBe(0);
    expect(output).toContain("written");
    expect((await db().user.findUnique({ where: { id: userId } }))!.name).toBe("after the other process");
    expect(await db().session.count({ where: { tokenHash: "other-process" } })).toBe(1);
  });
});
