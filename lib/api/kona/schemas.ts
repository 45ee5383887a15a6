// Kona wire schemas (seed 000 + SPEC §6). Shared by the handlers, the OpenAPI document and the
// tests (every response is parsed with these). Pure: zod and domain tables only.
import { z } from "zod";
import { MEMBER_ROLES } from "../../domain/enums.ts";
import { MAX_REMINDER_MINUTES, MAX_REMINDERS } from "../../domain/reminders.ts";
import { MAX_RDATES } from "../../recurrence/types.ts";

export const MAX_INT = 2_147_483_647;

const EpochMs = z.number().int().describe("Unix epoch milliseconds (13 digits)");
const Id = z.number().int().min(1).max(MAX_INT);

// ---- Responses -------------------------------------------------------------------------------

const Reminders = z
  .array(z.strictObject({ minutes_before: z.number().int() }).meta({ id: "KonaReminder" }))
  .describe("Extension: reminders, ascending — minutes before start_at ([] for busy blocks); exported as VALARMs");

export const ExternalObject = z
  .strictObject({ id: z.string(), name: z.string(), url: z.string().optional() })
  .meta({ id: "KonaExternalObject" });

export const CalendarEvent = z
  .strictObject({
    id: Id.describe("The event's id; for a plain occurrence of a series, the series' id"),
    name: z.string(),
    href: z.string().describe("Absolute URL of this event (occurrence: with ?num_in_series=N)"),
    location: z.string().nullable(),
    details: z.string().nullable(),
    all_day: z.boolean(),
    start_at: EpochMs,
    end_at: EpochMs,
    time_zone: z.string().describe("Extension: IANA zone the recurrence follows (defaults to the space's)"),
    space_id: Id,
    creator_id: Id,
    status: z.number().int().min(0).max(4).describe("pending 0 | in_progress 1 | complete 2 | group_closed 3 | group_reopened 4"),
    visibility: z.number().int().min(1).max(2).describe("participants_only 1 | public 2 (busy blocks show as 1)"),
    stakeholder: z.number().int().min(0).max(2).describe("just_me 0 | group 1 | everyone 2"),
    default_role: z.number().int().min(1).max(3).describe("editor 1 | viewer 2 | collaboration_complete 3"),
    tags: z.array(z.string()).describe("Derived from #hashtags in name and details"),
    ics_feed_id: Id.nullable(),
    series_id: Id.nullable().describe("The series' id for a series and its occurrences; null for a single event"),
    num_in_series: z.number().int().min(1).nullable().describe("1-based position of an occurrence; null otherwise"),
    period: z.number().int().min(0).max(5).describe("none 0 | day 1 | week 2 | month 3 | year 4 | weekday 5"),
    frequency: z.number().int().min(0).max(3).describe("none 0 | every 1 | every_other 2 | every_third 3"),
    sel_days: z.array(z.number().int().min(0).max(6)).nullable().describe("Weekdays of a weekly rule, 0 = Sunday"),
    series_end_at: EpochMs.nullable(),
    rrule: z.string().nullable().describe("Extension: the full RFC 5545 RRULE when the Kona fields cannot express it"),
    rdates: z.array(EpochMs).describe("Extension: extra occurrence starts of the series (RFC 5545 RDATE), sorted; [] otherwise"),
    external_object: ExternalObject.nullable(),
    reminders: Reminders,
    created_at: EpochMs,
    updated_at: EpochMs,
  })
  .meta({ id: "KonaCalendarEvent" });
export type CalendarEvent = z.infer<typeof CalendarEvent>;

export const Space = z
  .strictObject({
    id: Id,
    name: z.string(),
    description: z.string().nullable(),
    color: z.string(),
    time_zone: z.string(),
    role: z.enum(MEMBER_ROLES).describe("The caller's role in this space"),
    href: z.string(),
    default_reminders: Reminders.describe("Extension: reminders a new event gets when it is created without `reminders`"),
    created_at: EpochMs,
    updated_at: EpochMs,
  })
  .meta({ id: "KonaSpace" });
export type Space = z.infer<typeof Space>;

export const User = z
  .strictObject({ id: Id, name: z.string(), email: z.string(), time_zone: z.string(), created_at: EpochMs, updated_at: EpochMs })
  .meta({ id: "KonaUser" });
export type User = z.infer<typeof User>;

export const CalendarEvents = z.strictObject({ calendar_events: z.array(CalendarEvent) }).meta({ id: "KonaCalendarEvents" });
// Sync (SPEC §11): stored rows with a series' exdates (epoch ms), or a deletion by integer id.
export const SyncEvent = CalendarEvent.extend({ exdates: z.array(z.number().int()).describe("A series' removed occurrences (original starts, epoch ms)") }).meta({ id: "KonaSyncEvent" });
export const DeletedEvent = z.strictObject({ id: Id, deleted: z.literal(true) }).meta({ id: "KonaDeletedEvent" });
export const SyncEvents = z.strictObject({ calendar_events: z.array(z.union([DeletedEvent, SyncEvent])) }).meta({ id: "KonaSyncEvents" });
export const Spaces = z.strictObject({ spaces: z.array(Space) }).meta({ id: "KonaSpaces" });
export const Users = z.strictObject({ users: z.array(User) }).meta({ id: "KonaUsers" });

export const Problem = z
  .strictObject({
    problemType: z.string().describe("Docs URL with an anchor naming the problem, e.g. …/docs/api#kona-errors-validation"),
    title: z.string(),
    details: z.string().describe("What went wrong; for 422 every problem, `field message; …`"),
    invalid_params: z.array(z.strictObject({ name: z.string(), reason: z.string() })).optional().describe("One entry per field problem (RFC 7807 style)"),
  })
  .meta({ id: "KonaProblem" });
export type Problem = z.infer<typeof Problem>;

export const OAuthError = z
  .strictObject({ error: z.literal("invalid_token"), error_description: z.string() })
  .meta({ id: "KonaOAuthError" });

// ---- Requests --------------------------------------------------------------------------------

const DateTimeIn = z
  .union([z.number(), z.string()], { error: "must be epoch seconds or milliseconds, 'YYYY-MM-DD HH:mm:ss.SSS' (UTC) or ISO 8601" })
  .describe("Epoch s or ms (number or numeric string), `YYYY-MM-DD HH:mm:ss.SSS` (UTC) or ISO 8601");
const CodeIn = z.union([z.number(), z.string()], { error: "must be an integer code or its name" });
const IdIn = z.union([z.number(), z.string()], { error: "must be an integer id" });
const IdsIn = z.union([IdIn, z.array(IdIn).max(500)], { error: "must be an array of integer user ids" });
const RemindersIn = z
  .array(z.strictObject({ minutes_before: z.number().int().min(0).max(MAX_REMINDER_MINUTES) }).meta({ id: "KonaReminderInput" }))
  .max(100)
  .describe(`Extension: at most ${MAX_REMINDERS} reminders, each 0–${MAX_REMINDER_MINUTES} minutes before start_at; [] removes them`);

export const ExternalObjectInput = z
  .strictObject({ id: z.union([z.string(), z.number()], { error: "must be a string" }), name: z.string(), url: z.string().max(2000).nullable() })
  .partial()
  .nullable()
  .describe("{ id, name, url? } sets it; {} or null removes it");

/** Create and update take the same fields (update: only those present change). */
export const CalendarEventInput = z
  .strictObject({
    name: z.string(),
    location: z.string().nullable(),
    details: z.string().nullable(),
    all_day: z.boolean(),
    start_at: DateTimeIn,
    end_at: DateTimeIn,
    time_zone: z.string(),
    space_id: IdIn,
    participant_ids: IdsIn.describe("Write-only: users taking part with the event's default_role"),
    editor_ids: IdsIn.describe("Write-only: users taking part as editors"),
    status: CodeIn,
    visibility: CodeIn,
    stakeholder: CodeIn,
    default_role: CodeIn,
    period: CodeIn,
    frequency: CodeIn,
    sel_days: z.union([z.number(), z.string(), z.array(z.union([z.number(), z.string()]))], { error: "must be a weekday 0–6 or an array of them" }).nullable(),
    series_end_at: DateTimeIn.nullable(),
    rrule: z.string().max(1000).nullable(),
    rdates: z.array(DateTimeIn).max(MAX_RDATES).describe("Extension: extra occurrence starts (RFC 5545 RDATE); [] removes them"),
    external_object: ExternalObjectInput,
    external_objects: z.array(ExternalObjectInput).max(1).describe("Alias of external_object as the seed names it: [] removes"),
    reminders: RemindersIn.describe("Extension: reminders; left out on create = the space's default_reminders; [] removes them"),
  })
  .partial()
  .meta({ id: "KonaCalendarEventInput" });
export type CalendarEventInput = z.infer<typeof CalendarEventInput>;

/** Sent back by clients that echo a read; the server owns them, so they are ignored on input. */
export const READ_ONLY_EVENT_FIELDS = ["id", "href", "creator_id", "tags", "ics_feed_id", "series_id", "num_in_series", "created_at", "updated_at"] as const;

export const SpaceInput = z
  .strictObject({ name: z.string().max(200), description: z.string().max(10_000).nullable(), color: z.string(), time_zone: z.string(), default_reminders: RemindersIn.describe("Extension: reminders for new events created without `reminders`") })
  .partial()
  .meta({ id: "KonaSpaceInput" });
export const READ_ONLY_SPACE_FIELDS = ["id", "href", "role", "created_at", "updated_at"] as const;

export const ApplyTo = z.enum(["this", "following", "all"]);
export const OrderBy = z.enum(["created_at", "updated_at"]);
