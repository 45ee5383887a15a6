import { describe, expect, it } from "vitest";
import { databaseError } from "./errors.ts";

const fail = (code: string) => Object.assign(new Error(`database said ${code}`), { code });

describe("databaseError", () => {
  it("a row deleted meanwhile is a 404, a taken key or a busy lock a 409 (with Retry-After for a lock), anything else unknown", () => {
    expect(databaseError(fail("P2003"))).toMatchObject({ code: "NOT_FOUND", message: "not found: it was deleted meanwhile" });
    expect(databaseError(fail("P2025"))).toMatchObject({ code: "NOT_FOUND" });
    expect(databaseError(fail("P2002"))).toMatchObject({ code: "CONFLICT", message: "that already exists" });
    expect(databaseError(fail("SQLITE_BUSY"))).toMatchObject({ code: "CONFLICT" });
    expect(databaseError(fail("P2028"))).toMatchObject({ code: "CONFLICT", retryAfterSeconds: 1 });
    expect(databaseError(fail("P9999"))).toBeNull();
    expect(databaseError(new Error("plain"))).toBeNull();
    expect(databaseError(null)).toBeNull();
  });
});
