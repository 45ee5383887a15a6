// On a real SQLite file: a query made outside a transaction while another request's transaction is
// open neither joins it (and vanishes with its rollback) nor sees its uncommitted rows.
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
