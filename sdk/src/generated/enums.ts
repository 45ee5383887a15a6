// GENERATED from lib/domain/enums.ts by sdk/scripts/sync-schemas.mjs — do not edit; edit the source and run `npm run build -w sdk`.
// One table per vocabulary: the stored value is the key; each dialect's code derives from here.
// Both dialects read through these tables so a value round-trips through the dialect that wrote it.

export const STATUS = {
  pending: { kona: 0, sweetdate: "tentative" },
  in_progress: { kona: 1, sweetdate: "scheduled" },
  complete: { kona: 2, sweetdate: "completed" },
  group_closed: { kona: 3, sweetdate: "cancelled" },
  group_reopened: { kona: 4, sweetdate: "scheduled" },
  scheduled: { kona: 1, sweetdate: "scheduled" },
  tentative: { kona: 0, sweetdate: "tentative" },
  confirmed: { kona: 1, sweetdate: "confirmed" },
  postponed: { kona: 0, sweetdate: "postponed" },
  cancelled: { kona: 3, sweetdate: "cancelled" },
  completed: { kona: 2, sweetdate: "completed" },
} as const;
export type StoredStatus = keyof typeof STATUS;

/** What each dialect writes when a client sends its own code (Kona codes are its own names). */
export const KONA_STATUS_NAMES = ["pending", "in_progress", "complete", "group_closed", "group_reopened"] as const;
export const SWEETDATE_STATUSES = ["scheduled", "tentative", "confirmed", "postponed", "cancelled", "completed"] as const;
export type SweetDateStatus = (typeof SWEETDATE_STATUSES)[number];
export const DEFAULT_STATUS = { kona: "in_progress", sweetdate: "scheduled" } as const satisfies Record<string, StoredStatus>;

export const VISIBILITY = {
  public: { kona: 2, konaName: "public", sweetdate: "public" },
  private: { kona: 1, konaName: "participants_only", sweetdate: "private" },
  busy: { kona: 1, konaName: "participants_only", sweetdate: "busy" },
} as const;
export type Visibility = keyof typeof VISIBILITY;
export const VISIBILITIES = Object.keys(VISIBILITY) as Visibility[];

export const STAKEHOLDER = {
  just_me: { kona: 0 },
  group: { kona: 1 },
  everyone: { kona: 2 },
} as const;
export type Stakeholder = keyof typeof STAKEHOLDER;
export const STAKEHOLDERS = Object.keys(STAKEHOLDER) as Stakeholder[];

export const PARTICIPANT_ROLE = {
  editor: { kona: 1 },
  viewer: { kona: 2 },
  collaboration_complete: { kona: 3 },
} as const;
export type ParticipantRole = keyof typeof PARTICIPANT_ROLE;
export const PARTICIPANT_ROLES = Object.keys(PARTICIPANT_ROLE) as ParticipantRole[];

export const RSVPS = ["needs_action", "accepted", "declined", "tentative"] as const;
export type Rsvp = (typeof RSVPS)[number];

/** Calendar membership, strongest first. */
export const MEMBER_ROLES = ["owner", "admin", "member", "guest"] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];
export function roleAtLeast(role: MemberRole | null | undefined, least: MemberRole): boolean {
  return role != null && MEMBER_ROLES.indexOf(role) <= MEMBER_ROLES.indexOf(least);
}

export const RECURRENCE_PRESETS = ["none", "daily", "weekly", "monthly", "yearly"] as const;
export type RecurrencePreset = (typeof RECURRENCE_PRESETS)[number];

export const DEFAULTS = {
  visibility: "public",
  stakeholder: "group",
  defaultRole: "editor",
} as const satisfies { visibility: Visibility; stakeholder: Stakeholder; defaultRole: ParticipantRole };

/** Reverse lookup helper: the stored key whose `dialect` code equals `code` (first match wins). */
export function keysByCode<T extends Record<string, Record<string, unknown>>>(table: T, field: string): Map<unknown, keyof T> {
  const map = new Map<unknown, keyof T>();
  for (const key of Object.keys(table) as (keyof T)[]) {
    const code = table[key]![field];
    if (!map.has(code)) map.set(code, key);
  }
  return map;
}

/** Who may create an account (lib/domain/sign-up.ts, docs/access.md). */
export const SIGN_UP_MODES = ["open", "invite", "closed"] as const;
