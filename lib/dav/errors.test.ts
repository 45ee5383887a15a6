import { describe, expect, it, vi } from "vitest";
import { errorResponse } from "./handler.ts";

const fail = (code: string) => Object.assign(new Error(`database said ${code}`), { code });

describe("errorResponse", () => {
  it("CalDAV answers them like the API: 404 and 409, not a 500", async () => {
    const gone = errorResponse(fail("P2003"));
    expect(gone.status).toBe(404);
    expect(await gone.text()).toBe("not found: it was deleted meanwhile");
    const busy = errorResponse(fail("P2024"));
    expect(busy.status).toBe(409);
    expect(busy.headers.get("retry-after")).toBe("1");
    const log = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const bug = errorResponse(new Error("secret detail"));
    expect(bug.status).toBe(500);
    expect(await bug.text()).toMatch(/^internal error \(request id [0-9a-f-]{36}\)$/);
    log.mockRestore();
  });
});
