// eventAccess() against the matrix of SPEC §3 and docs/decisions.md, written out by hand (not
// recomputed): relation × (stakeholder, visibility) → what the viewer sees and whether they may write.
// docs/access.md shows the same table.
import { describe, expect, it } from "vitest";
import { BUSY_TITLE, canCreateIn, eventAccess, redactBusy } from "./access.ts";
import type { MemberRole, ParticipantRole, Stakeholder, Visibility } from "./enums.ts";
import type { EventAccess, EventRecord, Viewer } from "./types.ts";

const CALENDAR = 1;
const OTHER_CALENDAR = 2;
const CREATOR = 10;

/** FW = full + write · F = full, read-only · B = "Busy" block, read-only · - = nothing (404). */
type Cell = "FW" | "F" | "B" | "-";
const CELL: Record<Cell, EventAccess> = {
  FW: { see: "full", write: true },
  F: { see: "full", write: false },
  B: { see: "busy", write: false },
  "-": { see: "none", write: false },
};

interface Relation {
  /** The viewer's calendar memberships. */
  roles: [number, MemberRole][];
  /** The viewer's participant role on the event, if any. */
  participant?: ParticipantRole;
  /** Is the viewer the event's creator? */
  creator?: boolean;
}

const COLUMNS: [Stakeholder, Visibility][] = [
  ["just_me", "public"], ["just_me", "busy"], ["just_me", "private"],
  ["group", "public"], ["group", "busy"], ["group", "private"],
  ["everyone", "public"], ["everyone", "busy"], ["everyone", "private"],
];

// prettier-ignore
const MATRIX: [string, Relation, Cell[]][] = [
  //                                                                             just_me             group               everyone
  //                                                                             pub   busy  priv    pub   busy  priv    pub   busy  priv
  ["creator",                     { creator: true, roles: [[CALENDAR, "member"]] },   ["FW", "FW", "FW",  "FW", "FW", "FW",  "FW", "FW", "FW"]],
  ["editor participant",          { participant: "editor", roles: [] },               ["FW", "FW", "FW",  "FW", "FW", "FW",  "FW", "FW", "FW"]],
  ["viewer participant",          { participant: "viewer", roles: [] },               ["F",  "F",  "F",   "F",  "F",  "F",   "F",  "F",  "F" ]],
  ["calendar owner",              { roles: [[CALENDAR, "owner"]] },                   ["-",  "-",  "-",   "FW", "FW", "FW",  "FW", "FW", "FW"]],
  ["calendar admin",              { roles: [[CALENDAR, "admin"]] },                   ["-",  "-",  "-",   "FW", "FW", "FW",  "FW", "FW", "FW"]],
  ["calendar member",             { roles: [[CALENDAR, "member"]] },                  ["-",  "-",  "-",   "F",  "B",  "-",   "F",  "B",  "-" ]],
  ["calendar guest",              { roles: [[CALENDAR, "guest"]] },                   ["-",  "-",  "-",   "F",  "B",  "-",   "F",  "B",  "-" ]],
  ["owner of another calendar",   { roles: [[OTHER_CALENDAR, "owner"]] },             ["-",  "-",  "-",   "-",  "-",  "-",   "F",  "B",  "-" ]],
  ["user in no calendar",         { roles: [] },                                      ["-",  "-",  "-",   "-",  "-",  "-",   "F",  "B",  "-" ]],
  // Combinations: the explicit role on the event decides; admin power never reaches just_me events.
  ["collaboration_complete participant", { participant: "collaboration_complete", roles: [] }, ["F", "F", "F", "F", "F", "F", "F", "F", "F"]],
  ["calendar admin + viewer participant", { participant: "viewer", roles: [[CALENDAR, "admin"]] }, ["F", "F", "F", "FW", "FW", "FW", "FW", "FW", "FW"]],
  ["calendar guest + editor participant", { participant: "editor", roles: [[CALENDAR, "guest"]] }, ["FW", "FW", "FW", "FW", "FW", "FW", "FW", "FW", "FW"]],
  ["calendar member + viewer participant", { participant: "viewer", roles: [[CALENDAR, "member"]] }, ["F", "F", "F", "F", "F", "F", "F", "F", "F"]],
];

const VIEWER_ID = 20;

function eventFor(stakeholder: Stakeholder, visibility: Visibility, relation: Relation) {
  return {
    creatorId: relation.creator ? VIEWER_ID : CREATOR,
    calendarId: CALENDAR,
    stakeholder,
    visibility,
    participants: relation.participant ? [{ userId: VIEWER_ID, userUuid: "u-viewer", role: relation.participant, rsvp: "needs_action" as const }] : [],
  };
}

function viewerFor(relation: Relation): Viewer {
  return { userId: VIEWER_ID, roles: new Map(relation.roles) };
}

describe("eventAccess – SPEC §3 matrix", () => {
  for (const [name, relation, cells] of MATRIX) {
    COLUMNS.forEach(([stakeholder, visibility], i) => {
      const cell = cells[i]!;
      it(`${name} · ${stakeholder}/${visibility} → ${cell}`, () => {
        expect(eventAccess(eventFor(stakeholder, visibility, relation), viewerFor(relation))).toEqual(CELL[cell]);
      });
    });
  }

  it("every row covers all nine stakeholder × visibility columns", () => {
    for (const [, , cells] of MATRIX) expect(cells).toHaveLength(COLUMNS.length);
  });

  it("whoever may write sees everything (no write on a busy block or an unseen event)", () => {
    for (const [, , cells] of MATRIX) for (const cell of cells) if (CELL[cell].write) expect(CELL[cell].see).toBe("full");
  });

  it("another user's participation does not widen the viewer's access", () => {
    const event = { ...eventFor("group", "private", { roles: [] }), participants: [{ userId: 99, userUuid: "u-99", role: "editor" as const, rsvp: "accepted" as const }] };
    expect(eventAccess(event, { userId: VIEWER_ID, roles: new Map([[CALENDAR, "member"]]) })).toEqual(CELL["-"]);
  });

  it("membership of another calendar does not count for a group event", () => {
    const viewer: Viewer = { userId: VIEWER_ID, roles: new Map<number, MemberRole>([[OTHER_CALENDAR, "admin"]]) };
    expect(eventAccess(eventFor("group", "public", { roles: [] }), viewer)).toEqual(CELL["-"]);
  });
});

describe("canCreateIn", () => {
  // prettier-ignore
  const rows: [MemberRole | null, boolean][] = [["owner", true], ["admin", true], ["member", true], ["guest", false], [null, false]];
  for (const [role, expected] of rows) {
    it(`${role ?? "non-member"} → ${expected}`, () => {
      const viewer: Viewer = { userId: VIEWER_ID, roles: new Map(role ? [[CALENDAR, role]] : []) };
      expect(canCreateIn(CALENDAR, viewer)).toBe(expected);
    });
  }
});

describe("redactBusy", () => {
  it("keeps the times and drops title, description, location, participants, external object and reminders", () => {
    const event = {
      id: 1, uuid: "e", calendarId: CALENDAR, calendarUuid: "c", creatorId: CREATOR, title: "Salary review #hr", description: "with Alice",
      location: "Room 4", allDay: false, startsAt: new Date("2030-01-01T09:00:00Z"), endsAt: new Date("2030-01-01T10:00:00Z"), timeZone: "UTC",
      status: "scheduled", visibility: "busy", stakeholder: "group", defaultRole: "editor", rrule: null, exdates: [], rdates: [], recurrenceEndsAt: null,
      seriesId: null, seriesUuid: null, originalStartsAt: null, externalObject: { id: "x", name: "CRM deal" }, icsFeedId: null, icalUid: null, sequence: 0,
      deleted: false, createdAt: new Date(0), updatedAt: new Date(0),
      participants: [{ userId: 5, userUuid: "u5", role: "viewer", rsvp: "accepted" }], reminders: [10, 1440],
    } satisfies EventRecord;
    const busy = redactBusy(event);
    expect(busy).toMatchObject({ title: BUSY_TITLE, description: null, location: null, participants: [], externalObject: null, reminders: [] });
    expect([busy.startsAt, busy.endsAt, busy.allDay]).toEqual([event.startsAt, event.endsAt, event.allDay]);
    expect(event.title).toBe("Salary review #hr");
  });
});
