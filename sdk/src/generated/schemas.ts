// GENERATED from lib/api/sweetdate/schemas.ts by sdk/scripts/sync-schemas.mjs — do not edit; edit the source and run `npm run build -w sdk`.
// SweetDate wire schemas (seed 004 + SPEC §5). Shared by the route handlers, the SDK, the OpenAPI
// document and the tests (every response is parsed with these). Pure: zod and domain enums only.
import { z } from "zod";
import { MEMBER_ROLES, PARTICIPANT_ROLES, RECURRENCE_PRESETS, RSVPS, SIGN_UP_MODES, STAKEHOLDERS, SWEETDATE_STATUSES, VISIBILITIES } from "./enums.ts";

export const Status = z.enum(SWEETDATE_STATUSES);
export const Visibility = z.enum(VISIBILITIES as [string, ...string[]] as ["public", "private", "busy"]);
export const RecurrencePreset = z.enum(RECURRENCE_PRESETS);
export const Stakeholder = z.enum(STAKEHOLDERS as ["just_me", "group", "everyone"]);
export const ParticipantRole = z.enum(PARTICIPANT_ROLES as ["editor", "viewer", "collaboration_complete"]);
export const MemberRole = z.enum(MEMBER_ROLES);
export const Rsvp = z.enum(RSVPS);

const Instant = z.string().describe("ISO 8601 UTC instant, e.g. 2025-08-21T09:00:00Z");

export const Event = z
  .object({
    id: z.string().describe("Event UUID, or `<series uuid>_<20250821T090000Z>` for an occurrence of a series"),
    calendar_id: z.string(),
    title: z.string(),
    description: z.string().nullable(),
    location: z.string().nullable(),
    starts_at: Instant,
    ends_at: Instant,
    all_day: z.boolean(),
    time_zone: z.string(),
    status: Status,
    visibility: Visibility,
    recurrence_rule: RecurrencePreset,
    inserted_at: Instant,
    updated_at: Instant,
    stakeholder: Stakeholder,
    default_role: ParticipantRole,
    tags: z.array(z.string()),
    rrule: z.string().nullable().describe("Full RFC 5545 RRULE of the series, or null"),
    recurring_event_id: z.string().nullable(),
    original_starts_at: Instant.nullable(),
    sequence: z.number().int().describe("Bumped on every change; send it back as If-Match to avoid lost updates"),
    editable: z.boolean().describe("Whether the caller may change this event"),
  })
  .meta({ id: "Event" });
export type Event = z.infer<typeof Event>;

const DateOrInstant = z.string().describe("ISO 8601 date-time with offset, or a date `2025-08-21` for all-day events");

/** Create and update accept the same fields; create requires title, starts_at, ends_at. */
export const EventInput = z
  .strictObject({
    title: z.string().max(500),
    description: z.string().max(10_000).nullable(),
    location: z.string().max(10_000).nullable(),
    starts_at: DateOrInstant,
    ends_at: DateOrInstant,
    all_day: z.boolean(),
    time_zone: z.string(),
    status: Status,
    visibility: Visibility,
    recurrence_rule: RecurrencePreset,
    rrule: z.string().max(1000).nullable(),
    stakeholder: Stakeholder,
    default_role: ParticipantRole,
    participant_ids: z.array(z.string()).max(500).describe("User UUIDs added with default_role"),
    editor_ids: z.array(z.string()).max(500).describe("User UUIDs added as editors"),
  })
  .partial()
  .meta({ id: "EventInput" });
export type EventInput = z.infer<typeof EventInput>;

/** Fields a client may send back from a read but that the server owns: ignored on input. */
export const READ_ONLY_EVENT_FIELDS = ["id", "calendar_id", "inserted_at", "updated_at", "tags", "recurring_event_id", "original_starts_at", "sequence", "editable"] as const;

export const Calendar = z
  .object({
    id: z.string(),
    name: z.string(),
    description: z.string().nullable(),
    color: z.string(),
    time_zone: z.string(),
    role: MemberRole.describe("The caller's role in this calendar"),
    inserted_at: Instant,
    updated_at: Instant,
  })
  .meta({ id: "Calendar" });
export type Calendar = z.infer<typeof Calendar>;

export const CalendarInput = z
  .strictObject({
    name: z.string().max(200),
    description: z.string().max(10_000).nullable(),
    color: z.string().describe("Hex colour like #3b82f6"),
    time_zone: z.string(),
  })
  .partial()
  .meta({ id: "CalendarInput" });
export type CalendarInput = z.infer<typeof CalendarInput>;
export const READ_ONLY_CALENDAR_FIELDS = ["id", "role", "inserted_at", "updated_at"] as const;

export const User = z
  .object({ id: z.string(), email: z.string(), name: z.string(), time_zone: z.string(), inserted_at: Instant, updated_at: Instant })
  .meta({ id: "User" });
export type User = z.infer<typeof User>;

export const Member = User.extend({ role: MemberRole }).meta({ id: "CalendarMember" });
export type Member = z.infer<typeof Member>;
export const MemberInput = z.strictObject({ user_id: z.string(), role: MemberRole.optional() }).meta({ id: "CalendarMemberInput" });
export const MemberChange = z.strictObject({ role: MemberRole }).meta({ id: "CalendarMemberChange" });

export const EventUser = User.extend({ role: ParticipantRole, rsvp: Rsvp }).meta({ id: "EventUser" });
export type EventUser = z.infer<typeof EventUser>;
export const EventUserInput = z.strictObject({ user_id: z.string(), role: ParticipantRole.optional(), rsvp: Rsvp.optional() }).meta({ id: "EventUserInput" });
export const EventUserChange = z.strictObject({ role: ParticipantRole.optional(), rsvp: Rsvp.optional() }).meta({ id: "EventUserChange" });

export const Meta = z.object({ limit: z.number().int(), offset: z.number().int(), total: z.number().int() });

export const Ok = z.object({ status: z.literal("ok") });
export const EventEnvelope = Ok.extend({ event: Event });
export const EventsEnvelope = Ok.extend({ events: z.array(Event), meta: Meta });
export const CalendarEnvelope = Ok.extend({ calendar: Calendar });
export const CalendarsEnvelope = Ok.extend({ calendars: z.array(Calendar), meta: Meta });
export const UserEnvelope = Ok.extend({ user: User });
export const UsersEnvelope = Ok.extend({ users: z.array(User), meta: Meta });
export const MemberEnvelope = Ok.extend({ user: Member });
export const MembersEnvelope = Ok.extend({ users: z.array(Member), meta: Meta });
export const EventUserEnvelope = Ok.extend({ user: EventUser });
export const EventUsersEnvelope = Ok.extend({ users: z.array(EventUser) });

export const ERROR_CODES = ["BAD_REQUEST", "UNAUTHORIZED", "FORBIDDEN", "NOT_FOUND", "CONFLICT", "PRECONDITION_FAILED", "PAYLOAD_TOO_LARGE", "UNSUPPORTED_MEDIA_TYPE", "VALIDATION_ERROR", "RATE_LIMITED", "INTERNAL_ERROR"] as const;
export const ErrorBody = z
  .object({
    status: z.literal("error"),
    message: z.string(),
    error_code: z.enum(ERROR_CODES),
    fields: z.record(z.string(), z.array(z.string())).optional(),
  })
  .meta({ id: "Error" });
export type ErrorBody = z.infer<typeof ErrorBody>;

/** List query: limit 1–100 (default 25), offset ≥ 0, q, and an optional from/to window. */
export const ListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(25),
  offset: z.coerce.number().int().min(0).default(0),
  q: z.string().max(200).optional(),
  from: z.string().optional(),
  to: z.string().optional(),
});

export const Scope = z.enum(["this", "following", "all"]);

// Account endpoints (SweetDate extensions used by the web app and scripts).
export const SignUpInput = z
  .strictObject({
    email: z.string().max(320),
    password: z.string().max(1024),
    name: z.string().max(200).optional(),
    time_zone: z.string().optional(),
    invitation: z.string().max(200).optional().describe("The invitation secret (`sdi_…`) from an invitation link; required when sign-up is by invitation"),
  })
  .meta({ id: "SignUpInput" });
export const SignInInput = z.strictObject({ email: z.string().max(320), password: z.string().max(1024) }).meta({ id: "SignInInput" });
export const ProfileInput = z.strictObject({ name: z.string().max(200).optional(), time_zone: z.string().optional() }).meta({ id: "ProfileInput" });
export const Token = z
  .object({ id: z.string(), name: z.string(), prefix: z.string(), inserted_at: Instant, last_used_at: Instant.nullable(), token: z.string().optional().describe("The secret, present only in the creation response") })
  .meta({ id: "ApiToken" });
export const TokenInput = z.strictObject({ name: z.string().max(100).optional() }).meta({ id: "ApiTokenInput" });
export const TokenEnvelope = Ok.extend({ token: Token });
export const TokensEnvelope = Ok.extend({ tokens: z.array(Token) });

export const SignUpMode = z.enum(SIGN_UP_MODES).describe("Who may create an account: `open` anyone, `invite` with an invitation, `closed` no one (the CLI only)");
export const AuthStatus = Ok.extend({
  has_users: z.boolean().describe("Whether any account exists (first-run setup)"),
  sign_up: SignUpMode,
  admin: z.boolean().describe("Whether the caller is the instance admin"),
  user: User.nullable(),
});
export const Invitation = z
  .object({
    id: z.string(),
    email: z.string().nullable().describe("When set, only this address may use the invitation"),
    state: z.enum(["open", "used", "revoked", "expired"]),
    inserted_at: Instant,
    expires_at: Instant,
    used_at: Instant.nullable(),
    token: z.string().optional().describe("The secret, present only in the creation response"),
    url: z.string().optional().describe("The sign-up link carrying the secret, present only in the creation response"),
  })
  .meta({ id: "Invitation" });
export const InvitationInput = z
  .strictObject({ email: z.string().max(320).nullable().optional(), expires_in_days: z.number().optional().describe("1–365, default 14") })
  .meta({ id: "InvitationInput" });
export const InvitationEnvelope = Ok.extend({ invitation: Invitation });
export const InvitationsEnvelope = Ok.extend({ invitations: z.array(Invitation) });
export const Settings = z.object({ sign_up: SignUpMode, sign_up_pinned: z.boolean().describe("Set by SIGNUP_MODE in the server's environment (changes answer 409)") }).meta({ id: "InstanceSettings" });
export const SettingsInput = z.strictObject({ sign_up: SignUpMode.optional() }).meta({ id: "InstanceSettingsInput" });
export const SettingsEnvelope = Ok.extend({ settings: Settings });
