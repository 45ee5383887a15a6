// The vocabulary tables of SPEC §7: every stored value maps in both dialects, and a value
// round-trips exactly through the dialect that wrote it. (Here, not in lib/domain: the domain
// imports no dialect.)
import { describe, expect, it } from "vitest";
import { konaDefaultRole, konaStakeholder, konaStatus, konaVisibility } from "./enums.ts";
import {
  DEFAULT_STATUS,
  DEFAULTS,
  KONA_STATUS_NAMES,
  PARTICIPANT_ROLE,
  PARTICIPANT_ROLES,
  STAKEHOLDER,
  STAKEHOLDERS,
  STATUS,
  SWEETDATE_STATUSES,
  VISIBILITIES,
  VISIBILITY,
  type StoredStatus,
} from "../../domain/enums.ts";

// The Kona codes exactly as seed 000 lists them.
const SEED = {
  status: { pending: 0, in_progress: 1, complete: 2, group_closed: 3, group_reopened: 4 },
  visibility: { participants_only: 1, public: 2 },
  stakeholder: { just_me: 0, group: 1, everyone: 2 },
  default_role: { editor: 1, viewer: 2, collaboration_complete: 3 },
} as const;

const kona = { status: konaStatus, visibility: konaVisibility, stakeholder: konaStakeholder, default_role: konaDefaultRole } as const;

describe("every stored value maps in both dialects (total)", () => {
  it("status: a Kona code of the seed and a SweetDate status name", () => {
    const konaCodes = Object.values(SEED.status) as number[];
    for (const stored of Object.keys(STATUS) as StoredStatus[]) {
      expect(konaCodes).toContain(konaStatus.code(stored));
      expect(SWEETDATE_STATUSES).toContain(STATUS[stored].sweetdate);
    }
  });

  it("visibility: a Kona code 1|2 and a SweetDate name", () => {
    for (const stored of VISIBILITIES) {
      expect([1, 2]).toContain(konaVisibility.code(stored));
      expect(Object.keys(SEED.visibility)).toContain(VISIBILITY[stored].konaName);
      expect(VISIBILITIES).toContain(VISIBILITY[stored].sweetdate);
    }
    expect(konaVisibility.code("busy")).toBe(1);
  });

  it("stakeholder and default_role: a Kona code and a SweetDate name (the stored key itself)", () => {
    for (const stored of STAKEHOLDERS) expect(Object.values(SEED.stakeholder) as number[]).toContain(konaStakeholder.code(stored));
    for (const stored of PARTICIPANT_ROLES) expect(Object.values(SEED.default_role) as number[]).toContain(konaDefaultRole.code(stored));
    expect(STAKEHOLDERS).toEqual(Object.keys(STAKEHOLDER));
    expect(PARTICIPANT_ROLES).toEqual(Object.keys(PARTICIPANT_ROLE));
  });

  it("every Kona code a client may send names a stored value", () => {
    for (const [vocabulary, codes] of Object.entries(SEED)) {
      const table = kona[vocabulary as keyof typeof kona];
      for (const code of Object.values(codes)) expect(table.parse(code), `${vocabulary} ${code}`).toBeDefined();
      expect([...table.codes].sort()).toEqual(Object.values(codes).sort());
    }
  });
});

describe("a value round-trips through the dialect that wrote it", () => {
  for (const [vocabulary, codes] of Object.entries(SEED)) {
    const table = kona[vocabulary as keyof typeof kona];
    it(`Kona ${vocabulary}: name → stored → code, code → stored → code, numeric string too`, () => {
      for (const [name, code] of Object.entries(codes)) {
        const byName = table.parse(name)!;
        const byCode = table.parse(code)!;
        expect(table.code(byName as never)).toBe(code);
        expect(table.code(byCode as never)).toBe(code);
        expect(byName).toBe(byCode);
        expect(table.code(table.parse(String(code))! as never)).toBe(code);
      }
    });
  }

  it("Kona status writes store the Kona name (0 → pending … 4 → group_reopened)", () => {
    for (const [name, code] of Object.entries(SEED.status)) expect(konaStatus.parse(code)).toBe(name);
    expect(KONA_STATUS_NAMES).toEqual(Object.keys(SEED.status));
  });

  it("Kona visibility writes store private (1) or public (2)", () => {
    expect(konaVisibility.parse(1)).toBe("private");
    expect(konaVisibility.parse("participants_only")).toBe("private");
    expect(konaVisibility.parse(2)).toBe("public");
    expect(konaVisibility.parse("public")).toBe("public");
  });

  it("SweetDate status: name → stored (as itself) → the same name", () => {
    for (const name of SWEETDATE_STATUSES) {
      expect(Object.keys(STATUS)).toContain(name);
      expect(STATUS[name as StoredStatus].sweetdate).toBe(name);
    }
  });

  it("SweetDate visibility, stakeholder, default_role: name → stored → the same name", () => {
    for (const name of VISIBILITIES) expect(VISIBILITY[name].sweetdate).toBe(name);
    for (const name of STAKEHOLDERS) expect(STAKEHOLDER[name]).toBeDefined();
    for (const name of PARTICIPANT_ROLES) expect(PARTICIPANT_ROLE[name]).toBeDefined();
  });

  it("SPEC §7 cross-dialect table: each stored status shows its Kona code and SweetDate name", () => {
    expect(Object.fromEntries(Object.entries(STATUS).map(([k, v]) => [k, [v.kona, v.sweetdate]]))).toEqual({
      pending: [0, "tentative"],
      in_progress: [1, "scheduled"],
      complete: [2, "completed"],
      group_closed: [3, "cancelled"],
      group_reopened: [4, "scheduled"],
      scheduled: [1, "scheduled"],
      tentative: [0, "tentative"],
      confirmed: [1, "confirmed"],
      postponed: [0, "postponed"],
      cancelled: [3, "cancelled"],
      completed: [2, "completed"],
    });
  });
});

describe("defaults and rejects", () => {
  it("each dialect's default status is its own", () => {
    expect(DEFAULT_STATUS).toEqual({ kona: "in_progress", sweetdate: "scheduled" });
    expect(konaStatus.code(DEFAULT_STATUS.kona)).toBe(1);
    expect(DEFAULTS).toEqual({ visibility: "public", stakeholder: "group", defaultRole: "editor" });
  });

  it("unknown Kona codes and names (and other dialects' names) name nothing", () => {
    expect(konaStatus.parse(5)).toBeUndefined();
    expect(konaStatus.parse(-1)).toBeUndefined();
    expect(konaStatus.parse("confirmed")).toBeUndefined();
    expect(konaStatus.parse("toString")).toBeUndefined();
    expect(konaVisibility.parse(0)).toBeUndefined();
    expect(konaVisibility.parse("busy")).toBeUndefined();
    expect(konaVisibility.parse("private")).toBeUndefined();
    expect(konaStakeholder.parse(3)).toBeUndefined();
    expect(konaDefaultRole.parse(0)).toBeUndefined();
    expect(konaDefaultRole.parse(1.5)).toBeUndefined();
  });
});
