// What the use cases need from storage, as interfaces: lib/services/repos.ts wires the database
// (the functions of lib/db) behind them, lib/services/testing/fakes.ts keeps everything in Maps.
// A use case takes `repos: Repos` as its last parameter (production by default); inside
// `repos.transaction(work)` it uses the repos handed to `work`, which read and write in that transaction.
import type { MemberRole } from "../domain/enums.ts";
import type { ApiTokenRecord, CalendarRecord, EventRecord, EventWrite, UserRecord, Viewer } from "../domain/types.ts";
import type { CalendarWrite, MemberRecord } from "../db/calendar-repository.ts";
import type { CalendarVersion, Change, ChangeSince } from "../db/change-log.ts";
import type { FeedNotice, FeedSubscriber } from "../db/change-feed.ts";
import type { EventKey, EventQuery, NewEvent, OverrideKey, WindowRows } from "../db/event-repository.ts";
import type { IcalIdentity } from "../db/dav-repository.ts";
import type { ImportedRow, StoredSeries as StoredIcalSeries, SubscriptionRecord } from "../db/ical-repository.ts";
import type { InvitationRecord } from "../db/invitation-repository.ts";
import type { TrashedEvent } from "../db/trash-repository.ts";
import type { FeedResponse } from "./fetch-feed.ts";

export type { FeedResponse, InvitationRecord };
export type { CalendarVersion, CalendarWrite, Change, ChangeSince, EventKey, EventQuery, FeedNotice, FeedSubscriber, MemberRecord, NewEvent, OverrideKey, SubscriptionRecord, TrashedEvent, WindowRows };

export type CalendarKey = { uuid: string } | { id: number };
export type Page = { limit: number; offset: number };

export interface EventRepository {
  findById(id: number): Promise<EventRecord | null>;
  findByUuid(uuid: string): Promise<EventRecord | null>;
  /** Rows by id, deleted ones included. */
  findByIds(ids: number[]): Promise<EventRecord[]>;
  /** Every override row (deleted ones too) of the given series, by id. */
  findOverrides(seriesIds: number[]): Promise<EventRecord[]>;
  /** Every stored row of the calendar the viewer may see (series, overrides, single events) by id, paged: a full sync round. */
  findStored(viewer: Viewer, calendarId: number, page: Page): Promise<{ events: EventRecord[]; total: number }>;
  /** Stored events the viewer may see (a series once), paged. */
  findEvents(query: EventQuery): Promise<{ events: EventRecord[]; total: number }>;
  /** Visible rows overlapping the window, the overrides of its series, the series of stray overrides. */
  findWindow(viewer: Viewer, window: { from: Date; to: Date }, calendarId: number | undefined, q: string | undefined): Promise<WindowRows>;
  insert(data: NewEvent): Promise<EventRecord>;
  /** Writes the change and bumps `sequence`; throws ConcurrentUpdateError when `event.sequence` is stale. */
  update(event: EventRecord, change: Partial<EventWrite>): Promise<EventRecord>;
  /** Deletes the event (soft) and its overrides with it. */
  softDelete(event: EventRecord): Promise<void>;
  setParticipant(event: EventKey, userId: number, role: string, rsvp: string | undefined): Promise<void>;
  removeParticipant(event: EventKey, userId: number): Promise<boolean>;
  /** Bumps `sequence` (sync clients refetch). */
  touch(eventId: number): Promise<void>;
  /** Re-parents overrides onto another series (a scope=following split), in one statement. */
  moveOverrides(overrides: OverrideKey[], seriesId: number): Promise<void>;
  /** Re-keys an override (as read) after its series moved; null drops an override whose occurrence is gone. */
  rekeyOverride(override: OverrideKey, originalStartsAt: Date | null): Promise<void>;
  setExdates(eventId: number, exdates: Date[]): Promise<void>;
}

export interface CalendarRepository {
  /** The user's role in every calendar they belong to. */
  rolesOf(userId: number): Promise<Map<number, MemberRole>>;
  listOf(userId: number, page: Page): Promise<{ calendars: CalendarRecord[]; total: number }>;
  /** The calendar with `userId`'s role in it (null when not a member). */
  find(key: CalendarKey, userId: number): Promise<CalendarRecord | null>;
  insert(data: CalendarWrite, ownerId: number): Promise<CalendarRecord>;
  update(id: number, data: Partial<CalendarWrite>): Promise<void>;
  delete(id: number): Promise<void>;
  /** The collection name a CalDAV client chose (MKCALENDAR). */
  setDavName(id: number, davName: string): Promise<void>;
  listMembers(calendarId: number, page: Page): Promise<{ members: MemberRecord[]; total: number }>;
  findMember(calendarId: number, userId: number): Promise<MemberRecord | null>;
  upsertMember(calendarId: number, userId: number, role: MemberRole): Promise<void>;
  removeMember(calendarId: number, userId: number): Promise<void>;
  countOwners(calendarId: number): Promise<number>;
}

export interface UserRepository {
  findByUuid(uuid: string): Promise<UserRecord | null>;
  findByIds(ids: number[]): Promise<UserRecord[]>;
  /** `email` normalised by the caller; with the password hash, for signing in. */
  findByEmail(email: string): Promise<(UserRecord & { passwordHash: string }) | null>;
  /** Throws EmailTaken when the email is in use. */
  insert(data: { email: string; name: string; passwordHash: string; timeZone?: string; isAdmin?: boolean }): Promise<UserRecord>;
  update(id: number, data: { name?: string; timeZone?: string }): Promise<UserRecord>;
  count(): Promise<number>;
  isAdmin(id: number): Promise<boolean>;
  /** Inside a transaction: sign-ups run one at a time (who is first, which invitation is used). */
  lockSignUps(): Promise<void>;
  /** The directory as `viewerId` may see it (lib/db/user-repository.ts searchUsers). */
  search(opts: { viewerId: number; q?: string | undefined; prefix?: string | undefined; calendarId?: number | undefined; exactEmail?: string | undefined; limit: number; offset: number }): Promise<{ users: UserRecord[]; total: number }>;
}

/** Browser sessions and API tokens, stored by the SHA-256 of their secret. */
export interface CredentialRepository {
  insertSession(userId: number, tokenHash: string, expiresAt: Date): Promise<void>;
  /** The session's user, or null when unknown or expired. */
  findSessionUser(tokenHash: string): Promise<UserRecord | null>;
  deleteSession(tokenHash: string): Promise<void>;
  insertToken(userId: number, name: string, tokenHash: string, prefix: string): Promise<ApiTokenRecord>;
  /** The owner's tokens not revoked, newest first. */
  listTokens(userId: number): Promise<ApiTokenRecord[]>;
  /** false when the owner has no such token (or it is revoked already). */
  revokeToken(userId: number, uuid: string): Promise<boolean>;
  /** The token's user (null when unknown or revoked), recording the use. */
  findTokenUser(tokenHash: string): Promise<UserRecord | null>;
}

/** Invitations to sign up, and instance settings (key → value). */
export interface InvitationRepository {
  insert(data: { tokenHash: string; email: string | null; createdById: number | null; expiresAt: Date }): Promise<InvitationRecord>;
  findByHash(tokenHash: string): Promise<InvitationRecord | null>;
  /** Marks it used by `userId` if it is still open; false otherwise. */
  consume(id: number, userId: number, now: Date): Promise<boolean>;
  list(): Promise<InvitationRecord[]>;
  /** The invitation, revoked now unless it was already; null when unknown. */
  revoke(uuid: string, now: Date): Promise<InvitationRecord | null>;
  getSetting(key: string): Promise<string | null>;
  putSetting(key: string, value: string): Promise<void>;
}

/** An account with this email exists already (a unique index said so). */
export class EmailTaken extends Error {
  constructor() {
    super("an account with this email exists");
    this.name = "EmailTaken";
  }
}

/** The change feed (SPEC §11); see ARCHITECTURE.md "Change feed". */
export interface ChangeLog {
  /** The calendar's change lock, taken first in a write transaction; returns its new version. */
  lockCalendar(calendarId: number): Promise<number>;
  recordChange(change: Change): Promise<number>;
  dropCalendar(calendarId: number): Promise<void>;
  /** The calendar's current version and its floor (the oldest version the kept log still answers from). */
  version(calendarId: number): Promise<CalendarVersion>;
  /** What changed in the calendar after `version` (up to now). */
  changesSince(calendarId: number, version: number): Promise<ChangeSince>;
  /** The calendars the user is a member of, with their current versions (what their live stream follows). */
  memberCalendarVersions(userId: number): Promise<{ id: number; uuid: string; version: number }[]>;
}

/** This process's view of committed changes (lib/db/change-feed.ts): every instance's writes arrive. */
export interface ChangeFeed {
  /** Follows changes; returns the unsubscribe function. */
  subscribe(subscriber: FeedSubscriber): () => void;
}

/** Server-wide secrets, the same on every instance and never changing (lib/db/secrets.ts). */
export interface Secrets {
  /** The named secret (32 random bytes, created on first use). */
  get(name: string): Promise<Buffer>;
}

export interface SubscriptionRepository {
  find(calendarId: number): Promise<SubscriptionRecord | null>;
  /** A new subscription, due at once. */
  insert(calendarId: number, sourceUrl: string): Promise<SubscriptionRecord>;
  update(id: number, data: SubscriptionUpdate): Promise<void>;
  /** Up to ten subscriptions due at `now`, oldest due first, each claimed (its next fetch moved `leaseMs` on) so one instance takes it. */
  claimDue(now: Date, leaseMs: number): Promise<SubscriptionRecord[]>;
  /** The calendar's first owner (whose name the feed's events are stored under); null when it has none. */
  ownerOf(calendarId: number): Promise<number | null>;
}

// ── iCalendar export, private feeds, subscription sources (ical-export.ts, subscriptions.ts) ──

export type SubscriptionUpdate = Partial<Omit<SubscriptionRecord, "id" | "calendarId" | "sourceUrl">>;

/** Whole-calendar reads for export and the private feed URLs (one per user and calendar, stored by the secret's hash). */
export interface IcalExportRepository {
  /** Every stored, non-deleted row of a calendar (series, singles and overrides), by start then id. */
  calendarRows(calendarId: number): Promise<EventRecord[]>;
  /** Creates the user's feed of the calendar or replaces its secret (the old one stops resolving). */
  upsertFeed(calendarId: number, userId: number, secretHash: string): Promise<void>;
  /** false when the user had no feed of the calendar. */
  deleteFeed(calendarId: number, userId: number): Promise<boolean>;
  findFeed(secretHash: string): Promise<{ calendarId: number; userId: number } | null>;
}

/** The outside world a subscription reads (lib/services/fetch-feed.ts); throws FeedError for the feed's own problems. */
export interface FeedSource {
  /** Refuses hosts that do not resolve or resolve to non-public addresses. */
  checkHost(url: URL): Promise<void>;
  /** Conditional GET: 304 when the validators still match. */
  fetch(sourceUrl: string, validators: { etag: string | null; lastModified: string | null }): Promise<FeedResponse>;
}

export interface TrashRepository {
  /** Single events and series (not overrides) deleted since `since`, newest deletion first. */
  find(calendarId: number, since: Date): Promise<TrashedEvent[]>;
  findByUuid(uuid: string): Promise<TrashedEvent | null>;
  /** Undeletes the event and the overrides deleted with it. */
  restore(trashed: TrashedEvent): Promise<void>;
  /** Brings back an override deleted with its occurrence, if there is one. */
  restoreOverride(seriesId: number, calendarId: number, originalStartsAt: Date): Promise<EventRecord | null>;
}

/** Values kept until one of the calendars they read changes (lib/db/read-cache.ts). */
export interface ReadCache {
  read<T>(key: string, calendarId: number | undefined, compute: () => Promise<T>): Promise<T>;
}

export interface Repos {
  events: EventRepository;
  calendars: CalendarRepository;
  users: UserRepository;
  credentials: CredentialRepository;
  invitations: InvitationRepository;
  changes: ChangeLog;
  changeFeed: ChangeFeed;
  secrets: Secrets;
  subscriptions: SubscriptionRepository;
  trash: TrashRepository;
  /** iCalendar export and private feeds. */
  icalExport: IcalExportRepository;
  /** Where subscribed calendars come from (the network in production). */
  feedSource: FeedSource;
  cache: ReadCache;
  icalImport: IcalImportRepository;
  /** Runs `work` in one write transaction (inside one already: joins it); rolled back if it throws. */
  transaction<T>(work: (repos: Repos) => Promise<T>): Promise<T>;
  /**
   * Inserts one event as a transaction of its own — the API's create, the hottest write (on
   * PostgreSQL one statement: lib/db/event-repository.ts insertEventAlone); inside a transaction, joins it.
   */
  insertEventAlone(data: NewEvent): Promise<EventRecord>;
}

// ── iCalendar import (import-ics.ts, write-ical-series.ts) ─────────────────────────────────────
export type { IcalIdentity, ImportedRow, StoredIcalSeries };

/** Bulk writes of an import or subscription refresh, and the iCalendar identity of stored masters. */
export interface IcalImportRepository {
  /** The calendar's live masters (series and singles) by iCalendar UID (their uuid when imported without one). */
  findStoredSeries(calendarId: number): Promise<Map<string, StoredIcalSeries>>;
  /** Inserts masters, then their overrides (`seriesUuid` names the master), with the given uuids; one change each. */
  insertImported(rows: ImportedRow[], target: { calendarId: number; creatorId: number; icsFeedId: number | null }): Promise<void>;
  /** Removes events for good, their overrides with them; one change each. */
  deleteRows(ids: number[], calendarId: number): Promise<void>;
  /** Marks the calendar's events that have no feed as the feed's (rows the series writer added). */
  stampFeed(calendarId: number, icsFeedId: number): Promise<void>;
  /** What the iCalendar source said of a master: UID (null = its uuid), SEQUENCE, LAST-MODIFIED, hash, CalDAV href. */
  setIdentity(eventId: number, identity: IcalIdentity): Promise<void>;
}
