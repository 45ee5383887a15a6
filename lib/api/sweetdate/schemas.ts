// SweetDate wire schemas (seed 004 + SPEC §5). Shared by the route handlers, the SDK, the OpenAPI
// document and the tests (every response is parsed with these). Pure: zod and domain enums only.
import { z } from "zod";
import { MAX_RDATES } from "../../recurrence/types.ts";
import { MAX_REMINDER_MINUTES, MAX_REMINDERS } from "../../domain/reminders.ts";
import { MEMBER_ROLES, PARTICIPANT_ROLES, RECURRENCE_PRESETS, RSVPS, SIGN_UP_MODES, STAKEHOLDERS, SWEETDATE_STATUSES, VISIBILITIES } from "../../domain/enums.ts";

export const Status = z.enum(SWEETDATE_STATUSES);
export const Visibility = z.enum(VISIBILITIES as [string, ...string[]] as ["public", "private", "busy"]);
export const RecurrencePreset = z.enum(RECURRENCE_PRESETS);
export const Stakeholder = z.enum(STAKEHOLDERS as ["just_me", "group", "everyone"]);
export const ParticipantRole = z.enum(PARTICIPANT_ROLES as ["editor", "viewer", "collaboration_complete"]);
export const MemberRole = z.enum(MEMBER_ROLES);
export const Rsvp = z.enum(RSVPS);

const Instant = z.string().describe("ISO 8601 UTC instant, e.g. 2025-08-21T09:00:00Z");

export const Reminder = z.object({ minutes_before: z.number().int() }).meta({ id: "Reminder" });
export type Reminder = z.infer<typeof Reminder>;
const Reminders = z.array(Reminder).describe("Reminders, ascending: minutes before the start at which people who see the event in full are reminded");
export const ReminderInput = z
  .strictObject({ minutes_before: z.number().int().min(0).max(MAX_REMINDER_MINUTES) })
  .meta({ id: "ReminderInput" });
const RemindersInput = z.array(ReminderInput).max(100).describe(`At most ${MAX_REMINDERS}, each 0–${MAX_REMINDER_MINUTES} minutes (4 weeks) before the start; duplicates are merged; [] removes them`);

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
    rdates: z.array(Instant).describe("Extension: extra occurrence starts of the series (RFC 5545 RDATE), sorted; [] otherwise"),
    recurring_event_id: z.string().nullable(),
    original_starts_at: Instant.nullable(),
    sequence: z.number().int().describe("Bumped on every change; send it back as If-Match to avoid lost updates"),
    editable: z.boolean().describe("Whether the caller may change this event"),
    ics_feed_id: z.number().int().nullable().describe("The subscription (integer id) a subscribed calendar's event came from, else null"),
    rsvp: Rsvp.nullable().describe("The caller's own answer when invited to the event (needs_action until they answer), else null"),
    reminders: Reminders.describe("Extension: the event's reminders, ascending ([] for busy blocks); exported as VALARMs"),
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
    rdates: z
      .array(DateOrInstant)
      .max(MAX_RDATES)
      .describe("Extension: extra occurrence starts (RFC 5545 RDATE); without an rrule they make one (DTSTART plus these); [] removes them"),
    stakeholder: Stakeholder,
    default_role: ParticipantRole,
    participant_ids: z.array(z.string()).max(500).describe("User UUIDs added with default_role"),
    editor_ids: z.array(z.string()).max(500).describe("User UUIDs added as editors"),
    reminders: RemindersInput.describe(`Extension: reminders — at most ${MAX_REMINDERS}, each 0–${MAX_REMINDER_MINUTES} minutes before the start; left out on create = the calendar's default_reminders; [] removes them`),
  })
  .partial()
  .meta({ id: "EventInput" });
export type EventInput = z.infer<typeof EventInput>;

/** Fields a client may send back from a read but that the server owns: ignored on input. */
export const READ_ONLY_EVENT_FIELDS = ["id", "calendar_id", "inserted_at", "updated_at", "tags", "recurring_event_id", "original_starts_at", "sequence", "editable", "rsvp", "ics_feed_id"] as const;

export const Calendar = z
  .object({
    id: z.string(),
    name: z.string(),
    description: z.string().nullable(),
    color: z.string(),
    time_zone: z.string(),
    role: MemberRole.describe("The caller's role in this calendar"),
    source_url: z.string().nullable().describe("A subscribed calendar's iCalendar URL (its events are read-only), else null"),
    default_reminders: Reminders.describe("Reminders a new event gets when its creator sends no `reminders`"),
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
    source_url: z.string().max(2000).describe("Create only: subscribe to this http(s) iCalendar URL; the calendar is then read-only and refreshed by the server"),
    default_reminders: RemindersInput.describe(`Reminders for new events that send none — at most ${MAX_REMINDERS}, each 0–${MAX_REMINDER_MINUTES} minutes; [] = none`),
  })
  .partial()
  .meta({ id: "CalendarInput" });
export type CalendarInput = z.infer<typeof CalendarInput>;
export const READ_ONLY_CALENDAR_FIELDS = ["id", "role", "inserted_at", "updated_at"] as const;

export const ImportResult = z
  .object({
    created: z.number().int().describe("UIDs stored for the first time (a series with its overrides counts once)"),
    updated: z.number().int().describe("UIDs whose content changed (not older by SEQUENCE / LAST-MODIFIED)"),
    unchanged: z.number().int().describe("UIDs already stored as they are (or older than what is stored)"),
    failed: z.array(z.object({ uid: z.string(), reason: z.string() })).describe("Events that could not be stored; the rest of the file still is"),
    warnings: z.array(z.object({ uid: z.string(), reason: z.string() })).describe("Repairs made: generated UIDs, unknown zones, overrides without their series"),
  })
  .meta({ id: "ImportResult" });
export type ImportResult = z.infer<typeof ImportResult>;
export const ImportEnvelope = z.object({ status: z.literal("ok"), import: ImportResult }).meta({ id: "ImportEnvelope" });
export const FeedEnvelope = z.object({ status: z.literal("ok"), feed: z.object({ url: z.string().describe("https://…/feeds/<secret>.ics — no header needed; webcal:// works too") }) }).meta({ id: "FeedEnvelope" });
export const RefreshEnvelope = z
  .object({
    status: z.literal("ok"),
    refresh: z.object({
      result: z.enum(["updated", "not_modified", "failed"]).describe("not_modified: the source answered 304"),
      error: z.string().nullable(),
      created: z.number().int(),
      updated: z.number().int(),
      unchanged: z.number().int(),
      deleted: z.number().int().describe("UIDs that left the source"),
      failed: z.array(z.object({ uid: z.string(), reason: z.string() })),
    }),
  })
  .meta({ id: "RefreshEnvelope" });

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

// REST sync (SPEC §11): stored rows (series masters with their exdates, single events, overrides
// under their occurrence id), or a deletion for one deleted or no longer visible to the caller.
export const SyncEvent = Event.extend({
  exdates: z.array(Instant).describe("A series' removed occurrences (original starts, UTC); empty for other events"),
}).meta({ id: "SyncEvent" });
export const DeletedEvent = z
  .object({ id: z.string(), deleted: z.literal(true) })
  .meta({ id: "DeletedEvent", description: "An event deleted, or no longer visible to you, since the sync token" });
export const SyncMeta = Meta.extend({
  next_sync_token: z.string().optional().describe("On the last page of a round only: pass it as `sync_token` next time"),
});
export const SyncEnvelope = Ok.extend({ events: z.array(z.union([DeletedEvent, SyncEvent])), meta: SyncMeta }).meta({ id: "SyncEnvelope" });
export const CalendarsEnvelope = Ok.extend({ calendars: z.array(Calendar), meta: Meta });
export const UserEnvelope = Ok.extend({ user: User });
export const UsersEnvelope = Ok.extend({ users: z.array(User), meta: Meta });
export const MemberEnvelope = Ok.extend({ user: Member });
export const MembersEnvelope = Ok.extend({ users: z.array(Member), meta: Meta });
export const EventUserEnvelope = Ok.extend({ user: EventUser });
export const EventUsersEnvelope = Ok.extend({ users: z.array(EventUser) });
export const TrashedEvent = Event.extend({ deleted_at: Instant.describe("When it was deleted; restorable for 30 days") }).meta({ id: "TrashedEvent" });
export type TrashedEvent = z.infer<typeof TrashedEvent>;
export const TrashEnvelope = Ok.extend({ events: z.array(TrashedEvent), meta: Meta });

export const ERROR_CODES = ["BAD_REQUEST", "UNAUTHORIZED", "FORBIDDEN", "READ_ONLY", "NOT_FOUND", "CONFLICT", "SYNC_TOKEN_EXPIRED", "PRECONDITION_FAILED", "PAYLOAD_TOO_LARGE", "UNSUPPORTED_MEDIA_TYPE", "VALIDATION_ERROR", "RATE_LIMITED", "INTERNAL_ERROR"] as const;
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
  sync_token: z.string().max(500).optional(),
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
