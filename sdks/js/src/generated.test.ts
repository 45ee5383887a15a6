// sdks/js/src/generated/ holds copies of the server's wire schemas (see sdks/js/scripts/sync-schemas.mjs):
// fail when they drift from lib/, so the SDK never ships types the server no longer speaks.
import { describe, expect, it } from "vitest";
import { generatedFiles, staleFiles } from "../scripts/sync-schemas.mjs";
import * as copy from "./generated/schemas.ts";
import * as server from "../../../lib/api/sweetdate/schemas.ts";

describe("sdks/js/src/generated", () => {
  it("copies lib/api/sweetdate/schemas.ts and the modules it imports", () => {
    expect([...generatedFiles().keys()].sort()).toEqual(["enums.ts", "reminders.ts", "schemas.ts", "types.ts"]); // types.ts: lib/recurrence/types.ts (MAX_RDATES); reminders.ts: lib/domain/reminders.ts (limits)
  });

  it("is up to date with lib/ (run `npm run build -w @sweetdate/sdk` to refresh)", () => {
    expect(staleFiles()).toEqual([]);
  });

  it("exports the same schemas as the server", () => {
    expect(Object.keys(copy).sort()).toEqual(Object.keys(server).sort());
  });
});
