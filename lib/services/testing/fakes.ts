// In-memory repositories for service unit tests: honest implementations of lib/services/ports.ts
// over Maps (the access rule, windows, sequences, soft deletes and the change log behave as the
// database's do), not mocks with canned answers. A transaction runs alone and is rolled back when
// its work throws.
import { ConcurrentUpdateError } from "../../domain/errors.ts";
import crypto from "node:crypto";
import { eventAccess } from "../../domain/access.ts";
import type { MemberRole, ParticipantRole, Rsvp } from "../../domain/enums.ts";
import type { EventWrite } from "../../domain/event-model.ts";
import { matchesSearch } from "../../domain/search.ts";
import { compactInstant } from "../../domain/time.ts";
import type { ApiTokenRecord, CalendarRecord, EventRecord, UserRecord, Viewer } from "../../domain/types.ts";
import type { IcalImportRepository, ImportedRow, StoredIcalSeries } from "../ports.ts";
import { checkFeedUrl, FeedError, isPrivateAddress } from "../fetch-feed.ts";
import { EmailTaken, type FeedSource, type IcalExportRepository, type SubscriptionRepository, type CalendarKey, type CalendarRepository, type Change, type ChangeLog, type CredentialRepository, type InvitationRecord, type InvitationRepository, type UserRepository, type EventQuery, type EventRepository, type FeedNotice, type FeedSubscriber, type MemberRecord, type NewEvent, type Page, type Repos, type SubscriptionRecord, type TrashedEvent, type TrashRepository } from "../ports.ts";

type StoredCalendar = Omit<CalendarRecord, "role" | "sourceUrl"> & { davName: string | null };
type StoredEvent = EventRecord & { deletedAt: Date | null; ical?: IcalBookkeeping };
/** The iCalendar columns that EventRecord does not carry (icalUid it does); absent = all null. */
type IcalBookkeeping = { icalSequence: number | null; icalLastModified: Date | null; icalHash: string | null; davHref?: string | null };
/** A URL on the fake network: a calendar text with its validators, another HTTP status, or a failing connection (`code` as Node's). */
export type FakeResource = { text: string; etag?: string; lastModified?: string } | { status: number } | { code: string };

/** Everything the fakes keep; tests read it to check what a use case stored. */
export interface FakeState {
  users: Map<number, UserRecord & { passwordHash: string; isAdmin: boolean }>;
  /** by token hash */
  sessions: Map<string, { userId: number; expiresAt: Date }>;
  /** by token hash */
  tokens: Map<string, ApiTokenRecord & { userId: number; revokedAt: Date | null }>;
  /** by token hash */
  invitations: Map<string, InvitationRecord>;
  settings: Map<string, string>;
  calendars: Map<number, StoredCalendar>;
  /** key `${calendarId}:${userId}` */
  members: Map<string, { calendarId: number; userId: number; role: MemberRole; createdAt: Date }>;
  events: Map<number, StoredEvent>;
  subscriptions: Map<number, SubscriptionRecord>;
  /** Private feeds by secret hash (one per calendar and user). */
  feeds: Map<string, { calendarId: number; userId: number }>;
  /** The fake network: what each URL answers (see Fake.publish). */
  web: Map<string, FakeResource>;
  /** Every fetch of the fake network, in order, with the validators sent. */
  fetches: { url: string; etag: string | null; lastModified: string | null }[];
  versions: Map<number, number>;
  /** The oldest version the kept log answers from, per calendar (raised by `pruneLog`). */
  floors: Map<number, number>;
  log: (Change & { version: number })[];
  /** Server secrets by name, base64 (as lib/db/secrets.ts stores them). */
  secrets: Map<string, string>;
  nextId: number;
}

/** The row a test's use case names; a missing one is a broken test, not a user's 404. */
function stored<V>(rows: Map<number, V>, id: number, what: string): V {
  const row = rows.get(id);
  if (!row) throw new Error(`fake: no ${what} ${id}`);
  return row;
}

export function emptyState(): FakeState {
  return { users: new Map(), sessions: new Map(), tokens: new Map(), invitations: new Map(), settings: new Map(), calendars: new Map(), members: new Map(), events: new Map(), subscriptions: new Map(), feeds: new Map(), web: new Map(), fetches: [], versions: new Map(), floors: new Map(), log: [], secrets: new Map(), nextId: 1 };
}

const copy = <T>(value: T): T => structuredClone(value);
/** An override's occurrence key before it moves, as the change log names it. */
const formerKey = (o: EventRecord) => (o.seriesUuid && o.originalStartsAt ? `${o.seriesUuid}_${compactInstant(o.originalStartsAt)}` : null);
const memberKey = (calendarId: number, userId: number) => `${calendarId}:${userId}`;
// Distinct, increasing timestamps, so "newest first" orders are deterministic.
let clock = Date.UTC(2030, 0, 1);
const now = () => new Date((clock += 1000));

/** The fakes over one state; `fake.state` is what they hold. */
export class Fake {
  readonly state: FakeState = emptyState();
  private queue: Promise<unknown> = Promise.resolve();
  /** Live subscribers of the change feed (not state: a rollback does not unsubscribe anyone). */
  private readonly subscribers = new Set<FeedSubscriber>();
  /** Notices of the open transaction, delivered when it commits (as NOTIFY and the SQLite poll do). */
  private pending: FeedNotice[] | null = null;
  /** False while the feed's connection is down: notices are lost, as with a dropped LISTEN. */
  private changeFeedUp = true;

  /** The repos a use case is given. */
  readonly repos: Repos = this.reposFor(false);

  private reposFor(inTransaction: boolean): Repos {
    return {
      events: this.events(),
      calendars: this.calendars(),
      users: this.users(),
      credentials: this.credentials(),
      invitations: this.invitations(),
      changes: this.changes(),
      changeFeed: {
        subscribe: (subscriber) => {
          this.subscribers.add(subscriber);
          return () => void this.subscribers.delete(subscriber);
        },
      },
      secrets: {
        get: async (name) => {
          if (!this.state.secrets.has(name)) this.state.secrets.set(name, crypto.randomBytes(32).toString("base64"));
          return Buffer.from(this.state.secrets.get(name)!, "base64");
        },
      },
      subscriptions: this.subscriptions(),
      icalExport: this.icalExport(),
      feedSource: this.feedSource(),
      trash: this.trash(),
      cache: { read: (_key, _calendarId, compute) => compute() },
      icalImport: this.icalImport(),
      transaction: (work) => (inTransaction ? work(this.reposFor(true)) : this.atomically(() => work(this.reposFor(true)))),
      insertEventAlone: (data) => (inTransaction ? this.reposFor(true).events.insert(data) : this.atomically(() => this.reposFor(true).events.insert(data))),
    };
  }

  /** One transaction at a time; a throw restores the state as it was before. */
  private atomically<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(async () => {
      const snapshot = copy(this.state);
      this.pending = [];
      try {
        const result = await work();
        const notices = this.pending;
        this.pending = null;
        for (const notice of notices) this.notify(notice);
        return result;
      } catch (error) {
        this.pending = null;
        Object.assign(this.state, snapshot);
        throw error;
      }
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  // ── seeding ───────────────────────────────────────────────────────────────────────────────────
  addUser(name: string, fields: { email?: string; passwordHash?: string; isAdmin?: boolean; timeZone?: string } = {}): UserRecord {
    const id = this.state.nextId++;
    const at = now();
    const { email = `${name.toLowerCase()}@example.test`, passwordHash = "", isAdmin = false, timeZone = "UTC" } = fields;
    this.state.users.set(id, { id, uuid: crypto.randomUUID(), email, name, timeZone, createdAt: at, updatedAt: at, passwordHash, isAdmin });
    return this.user(id)!;
  }

  /** A user as the repositories answer it (no password hash, no admin flag). */
  user(id: number): UserRecord | null {
    const u = this.state.users.get(id);
    if (!u) return null;
    const { passwordHash: _, isAdmin: __, ...user } = u;
    return copy(user);
  }

  addCalendar(ownerId: number, fields: Partial<StoredCalendar> = {}): CalendarRecord {
    const id = this.state.nextId++;
    const at = now();
    this.state.calendars.set(id, { id, uuid: crypto.randomUUID(), name: "Team", description: null, color: "#3b82f6", timeZone: "UTC", createdAt: at, updatedAt: at, defaultReminders: [], davName: null, ...fields });
    this.state.members.set(memberKey(id, ownerId), { calendarId: id, userId: ownerId, role: "owner", createdAt: at });
    return this.calendarAs(id, ownerId)!;
  }

  addMember(calendarId: number, userId: number, role: MemberRole): void {
    this.state.members.set(memberKey(calendarId, userId), { calendarId, userId, role, createdAt: now() });
  }

  subscribe(calendarId: number, sourceUrl = "https://feeds.example.test/a.ics", fields: Partial<SubscriptionRecord> = {}): SubscriptionRecord {
    const id = this.state.nextId++;
    const subscription = { id, calendarId, sourceUrl, etag: null, lastModified: null, lastFetchedAt: null, lastError: null, refreshIntervalSeconds: 3600, nextFetchAt: now(), ...fields };
    this.state.subscriptions.set(id, subscription);
    return copy(subscription);
  }

  /** Puts `resource` on the fake network at `url` (replacing what was there). */
  publish(url: string, resource: FakeResource): void {
    this.state.web.set(new URL(url).toString(), copy(resource));
  }

  viewer(userId: number): Viewer {
    const roles = new Map<number, MemberRole>();
    for (const m of this.state.members.values()) if (m.userId === userId) roles.set(m.calendarId, m.role);
    return { userId, roles };
  }

  /** The stored row, deleted or not (what the database holds). */
  row(id: number): StoredEvent | undefined {
    return copy(this.state.events.get(id));
  }

  calendarAs(calendarId: number, userId: number): CalendarRecord | null {
    const c = this.state.calendars.get(calendarId);
    if (!c) return null;
    const { davName: _, ...calendar } = c;
    const sourceUrl = [...this.state.subscriptions.values()].find((s) => s.calendarId === calendarId)?.sourceUrl ?? null;
    return copy({ ...calendar, role: this.state.members.get(memberKey(calendarId, userId))?.role ?? null, sourceUrl });
  }

  // ── events ────────────────────────────────────────────────────────────────────────────────────
  private live(): StoredEvent[] {
    return [...this.state.events.values()].filter((e) => !e.deleted).sort((a, b) => a.id - b.id);
  }

  private record(e: StoredEvent): EventRecord {
    const { deletedAt: _, ical: __, ...event } = e;
    const users = this.state.users;
    return copy({ ...event, participants: event.participants.map((p) => ({ ...p, userUuid: users.get(p.userId)?.uuid ?? "" })) });
  }

  private bump(e: StoredEvent): void {
    e.sequence += 1;
    e.updatedAt = now();
  }

  private logged(calendarId: number, change: Omit<Change, "calendarId">): void {
    const version = this.nextVersion(calendarId);
    this.state.log.push({ calendarId, ...change, version });
    // One notice per log row, as the SQLite feed publishes them; committed writes only.
    const notice: FeedNotice = { calendarId, version, ...(change.userId != null ? { userId: change.userId } : {}) };
    if (this.pending) this.pending.push(notice);
    else this.notify(notice);
  }

  private notify(notice: FeedNotice): void {
    if (this.changeFeedUp) for (const s of [...this.subscribers]) s.change(notice);
  }

  // ── the change feed and its retention ─────────────────────────────────────────────────────────
  /** The feed loses its connection: notices from now on are lost until `changeFeedReconnected`. */
  changeFeedLost(): void {
    this.changeFeedUp = false;
  }

  /** The feed is back: notices may have been missed, so subscribers are told to re-read. */
  changeFeedReconnected(): void {
    this.changeFeedUp = true;
    for (const s of [...this.subscribers]) s.resync();
  }

  /** Drops the calendar's log up to `version`, as the retention job does: older sync tokens expire. */
  pruneLog(calendarId: number, version: number): void {
    this.state.log = this.state.log.filter((c) => c.calendarId !== calendarId || c.version > version);
    this.state.floors.set(calendarId, Math.max(this.state.floors.get(calendarId) ?? 0, version));
  }

  /** How many subscribers follow the feed (a closed stream unsubscribes). */
  get changeFeedSubscribers(): number {
    return this.subscribers.size;
  }

  private nextVersion(calendarId: number): number {
    const version = (this.state.versions.get(calendarId) ?? 0) + 1;
    this.state.versions.set(calendarId, version);
    return version;
  }

  private events(): EventRepository {
    const state = this.state;
    const get = (id: number) => stored(state.events, id, "event");
    const softDelete = (e: StoredEvent) => {
      e.deleted = true;
      e.deletedAt = now();
      e.externalObject = null;
      this.bump(e);
      this.logged(e.calendarId, { eventId: e.id, kind: "deleted" });
    };
    const seen = (viewer: Viewer, e: EventRecord) => eventAccess(e, viewer).see !== "none";
    const matches = (viewer: Viewer, e: EventRecord, q: string | undefined) =>
      !q || (eventAccess(e, viewer).see === "full" && matchesSearch([e.title, e.description ?? "", e.location ?? ""].join("\n"), q));
    return {
      findById: async (id) => {
        const e = state.events.get(id);
        return e && !e.deleted ? this.record(e) : null;
      },
      findByUuid: async (uuid) => {
        const e = this.live().find((x) => x.uuid === uuid);
        return e ? this.record(e) : null;
      },
      findByIds: async (ids) => [...state.events.values()].filter((e) => ids.includes(e.id)).sort((a, b) => a.id - b.id).map((e) => this.record(e)),
      findOverrides: async (seriesIds) => [...state.events.values()].filter((e) => e.seriesId !== null && seriesIds.includes(e.seriesId)).sort((a, b) => a.id - b.id).map((e) => this.record(e)),
      findStored: async (viewer, calendarId, page) => {
        const found = this.live().filter((e) => e.calendarId === calendarId && seen(viewer, e));
        return { events: found.slice(page.offset, page.offset + page.limit).map((e) => this.record(e)), total: found.length };
      },
      findEvents: async (query: EventQuery) => {
        const found = this.live()
          .map((e) => this.record(e))
          .filter((e) => e.seriesId === null && seen(query.viewer, e) && (query.calendarId === undefined || e.calendarId === query.calendarId) && matches(query.viewer, e, query.q));
        const order = query.orderBy ?? "starts_at";
        found.sort((a, b) =>
          order === "starts_at" ? a.startsAt.getTime() - b.startsAt.getTime() || a.id - b.id : (order === "created_at" ? b.createdAt.getTime() - a.createdAt.getTime() : b.updatedAt.getTime() - a.updatedAt.getTime()) || b.id - a.id,
        );
        const page = query.limit !== undefined ? found.slice(query.offset ?? 0, (query.offset ?? 0) + query.limit) : found;
        return { events: page, total: found.length };
      },
      findWindow: async (viewer, { from, to }, calendarId, q) => {
        const overlaps = (e: EventRecord) =>
          e.rrule !== null && e.seriesId === null
            ? e.startsAt < to && (e.recurrenceEndsAt === null || e.recurrenceEndsAt > from)
            : (e.startsAt < to && e.endsAt > from) || (e.startsAt.getTime() === from.getTime() && e.endsAt.getTime() === from.getTime());
        const events = this.live()
          .map((e) => this.record(e))
          .filter((e) => seen(viewer, e) && (calendarId === undefined || e.calendarId === calendarId) && overlaps(e) && matches(viewer, e, q))
          .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || a.id - b.id);
        const series = new Set(events.filter((e) => e.rrule !== null && e.seriesId === null).map((e) => e.id));
        const missing = new Set(events.filter((e) => e.seriesId !== null && !series.has(e.seriesId)).map((e) => e.seriesId!));
        const all = [...state.events.values()];
        return {
          events,
          overrides: all.filter((e) => e.seriesId !== null && series.has(e.seriesId)).sort((a, b) => a.id - b.id).map((e) => this.record(e)),
          parents: this.live().filter((e) => missing.has(e.id)).map((e) => this.record(e)),
        };
      },
      insert: async (data: NewEvent) => {
        const id = state.nextId++;
        const at = now();
        const calendar = stored(state.calendars, data.calendarId, "calendar");
        const { participants, seriesId, originalStartsAt, calendarId, creatorId, ...fields } = data;
        const event: StoredEvent = {
          ...(copy(fields) as EventWrite),
          id,
          uuid: crypto.randomUUID(),
          calendarId,
          calendarUuid: calendar.uuid,
          creatorId,
          seriesId: seriesId ?? null,
          seriesUuid: seriesId ? get(seriesId).uuid : null,
          originalStartsAt: originalStartsAt ?? null,
          icsFeedId: null,
          icalUid: null,
          sequence: 0,
          deleted: false,
          deletedAt: null,
          createdAt: at,
          updatedAt: at,
          participants: (participants ?? []).map((p) => ({ userId: p.userId, userUuid: "", role: p.role as ParticipantRole, rsvp: "needs_action" as Rsvp })),
        };
        state.events.set(id, event);
        this.logged(calendarId, { eventId: id, kind: "created" });
        return this.record(event);
      },
      update: async (event, change) => {
        const stored = state.events.get(event.id);
        if (!stored || stored.sequence !== event.sequence) throw new ConcurrentUpdateError();
        Object.assign(stored, copy(change));
        this.bump(stored);
        this.logged(stored.calendarId, { eventId: stored.id, kind: "updated" });
        return this.record(stored);
      },
      softDelete: async (event) => {
        const stored = get(event.id);
        softDelete(stored);
        for (const o of state.events.values()) if (o.seriesId === stored.id && !o.deleted) softDelete(o);
      },
      setParticipant: async ({ id: eventId }, userId, role, rsvp) => {
        const e = get(eventId);
        const current = e.participants.find((p) => p.userId === userId);
        if (current) Object.assign(current, { role, ...(rsvp ? { rsvp } : {}) });
        else e.participants.push({ userId, userUuid: "", role: role as ParticipantRole, rsvp: (rsvp ?? "needs_action") as Rsvp });
        this.logged(e.calendarId, { eventId, kind: "updated" });
      },
      removeParticipant: async ({ id: eventId }, userId) => {
        const e = get(eventId);
        const before = e.participants.length;
        e.participants = e.participants.filter((p) => p.userId !== userId);
        if (e.participants.length === before) return false;
        this.logged(e.calendarId, { eventId, kind: "updated" });
        return true;
      },
      touch: async (eventId) => {
        const e = get(eventId);
        this.bump(e);
        this.logged(e.calendarId, { eventId, kind: "updated" });
      },
      moveOverrides: async (overrides, seriesId) => {
        const series = get(seriesId);
        for (const { id } of overrides) {
          const o = get(id);
          const key = formerKey(o);
          o.seriesId = seriesId;
          o.seriesUuid = series.uuid;
          this.bump(o);
          this.logged(o.calendarId, { eventId: id, kind: "updated", formerKey: key });
        }
      },
      rekeyOverride: async ({ id: overrideId }, originalStartsAt) => {
        const o = get(overrideId);
        const key = formerKey(o);
        if (originalStartsAt) o.originalStartsAt = originalStartsAt;
        else Object.assign(o, { deleted: true, deletedAt: now() });
        this.bump(o);
        this.logged(o.calendarId, { eventId: overrideId, kind: originalStartsAt ? "updated" : "deleted", formerKey: key });
      },
      setExdates: async (eventId, exdates) => {
        const e = get(eventId);
        e.exdates = copy(exdates);
        this.logged(e.calendarId, { eventId, kind: "updated" });
      },
    };
  }

  // ── users, credentials, invitations ───────────────────────────────────────────────────────────
  private users(): UserRepository {
    const state = this.state;
    const all = () => [...state.users.values()];
    return {
      findByUuid: async (uuid) => this.user(all().find((u) => u.uuid === uuid)?.id ?? -1),
      findByIds: async (ids) => ids.map((id) => this.user(id)).filter((u): u is UserRecord => u !== null),
      findByEmail: async (email) => {
        const u = all().find((x) => x.email === email);
        return u ? { ...this.user(u.id)!, passwordHash: u.passwordHash } : null;
      },
      insert: async ({ email, name, passwordHash, timeZone, isAdmin }) => {
        if (all().some((u) => u.email === email)) throw new EmailTaken();
        return this.addUser(name, { email, passwordHash, isAdmin: isAdmin ?? false, ...(timeZone ? { timeZone } : {}) });
      },
      update: async (id, data) => {
        Object.assign(state.users.get(id)!, data, { updatedAt: now() });
        return this.user(id)!;
      },
      count: async () => state.users.size,
      isAdmin: async (id) => state.users.get(id)?.isAdmin === true,
      lockSignUps: async () => {},
      search: async (opts) => {
        const calendarsOf = (userId: number) => new Set([...state.members.values()].filter((m) => m.userId === userId).map((m) => m.calendarId));
        const mine = calendarsOf(opts.viewerId);
        const inScope = (id: number) =>
          opts.calendarId !== undefined ? calendarsOf(id).has(opts.calendarId) : id === opts.viewerId || [...calendarsOf(id)].some((c) => mine.has(c));
        const q = opts.q?.toLowerCase();
        const prefix = opts.prefix?.toLowerCase();
        const found = all()
          .filter((u) => u.email === opts.exactEmail || (inScope(u.id) && (!q || u.email.includes(q) || u.name.toLowerCase().includes(q)) && (!prefix || u.email.startsWith(prefix) || u.name.toLowerCase().startsWith(prefix))))
          .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id - b.id));
        return { users: found.slice(opts.offset, opts.offset + opts.limit).map((u) => this.user(u.id)!), total: found.length };
      },
    };
  }

  private credentials(): CredentialRepository {
    const state = this.state;
    const tokenOf = ({ userId: _, revokedAt: __, ...t }: ApiTokenRecord & { userId: number; revokedAt: Date | null }): ApiTokenRecord => copy(t);
    return {
      insertSession: async (userId, tokenHash, expiresAt) => void state.sessions.set(tokenHash, { userId, expiresAt }),
      findSessionUser: async (tokenHash) => {
        const session = state.sessions.get(tokenHash);
        return session && session.expiresAt.getTime() >= Date.now() ? this.user(session.userId) : null;
      },
      deleteSession: async (tokenHash) => void state.sessions.delete(tokenHash),
      insertToken: async (userId, name, tokenHash, prefix) => {
        const token = { uuid: crypto.randomUUID(), name, prefix, createdAt: now(), lastUsedAt: null, userId, revokedAt: null };
        state.tokens.set(tokenHash, token);
        return tokenOf(token);
      },
      listTokens: async (userId) =>
        [...state.tokens.values()]
          .filter((t) => t.userId === userId && t.revokedAt === null)
          .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())
          .map(tokenOf),
      revokeToken: async (userId, uuid) => {
        const token = [...state.tokens.values()].find((t) => t.userId === userId && t.uuid === uuid && t.revokedAt === null);
        if (token) token.revokedAt = now();
        return token !== undefined;
      },
      findTokenUser: async (tokenHash) => {
        const token = state.tokens.get(tokenHash);
        if (!token || token.revokedAt) return null;
        token.lastUsedAt = now();
        return this.user(token.userId);
      },
    };
  }

  private invitations(): InvitationRepository {
    const state = this.state;
    const byUuid = (uuid: string) => [...state.invitations.values()].find((i) => i.uuid === uuid);
    return {
      insert: async ({ tokenHash, email, createdById, expiresAt }) => {
        const invitation: InvitationRecord = { id: state.nextId++, uuid: crypto.randomUUID(), email, createdById, createdAt: now(), expiresAt, usedAt: null, usedById: null, revokedAt: null };
        state.invitations.set(tokenHash, invitation);
        return copy(invitation);
      },
      findByHash: async (tokenHash) => copy(state.invitations.get(tokenHash) ?? null),
      consume: async (id, userId, at) => {
        const i = [...state.invitations.values()].find((x) => x.id === id);
        if (!i || i.usedAt || i.revokedAt || i.expiresAt <= at) return false;
        Object.assign(i, { usedAt: at, usedById: userId });
        return true;
      },
      list: async () => copy([...state.invitations.values()].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())),
      revoke: async (uuid, at) => {
        const i = byUuid(uuid);
        if (!i) return null;
        if (!i.usedAt) i.revokedAt ??= at;
        return copy(i);
      },
      getSetting: async (key) => state.settings.get(key) ?? null,
      putSetting: async (key, value) => void state.settings.set(key, value),
    };
  }

  // ── calendars and members ─────────────────────────────────────────────────────────────────────
  private calendars(): CalendarRepository {
    const state = this.state;
    const idOf = (key: CalendarKey) => ("id" in key ? key.id : [...state.calendars.values()].find((c) => c.uuid === key.uuid)?.id);
    const memberOf = (m: { calendarId: number; userId: number; role: MemberRole; createdAt: Date }): MemberRecord => ({ user: this.user(m.userId)!, role: m.role, createdAt: m.createdAt });
    const members = (calendarId: number) => [...state.members.values()].filter((m) => m.calendarId === calendarId).sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.userId - b.userId);
    const page = <T>(items: T[], p: Page) => items.slice(p.offset, p.offset + p.limit);
    return {
      rolesOf: async (userId) => new Map(this.viewer(userId).roles),
      listOf: async (userId, p) => {
        const mine = [...state.calendars.values()].filter((c) => state.members.has(memberKey(c.id, userId))).sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id - b.id);
        return { calendars: page(mine, p).map((c) => this.calendarAs(c.id, userId)!), total: mine.length };
      },
      find: async (key, userId) => {
        const id = idOf(key);
        return id === undefined ? null : this.calendarAs(id, userId);
      },
      insert: async (data, ownerId) => this.addCalendar(ownerId, { ...copy(data), defaultReminders: data.defaultReminders ?? [] }),
      update: async (id, data) => {
        const c = stored(state.calendars, id, "calendar");
        Object.assign(c, copy(data), { updatedAt: now() });
      },
      delete: async (id) => {
        state.calendars.delete(id);
        for (const [key, m] of state.members) if (m.calendarId === id) state.members.delete(key);
        for (const [eventId, e] of state.events) if (e.calendarId === id) state.events.delete(eventId);
        for (const [hash, f] of state.feeds) if (f.calendarId === id) state.feeds.delete(hash);
        for (const [subscriptionId, sub] of state.subscriptions) if (sub.calendarId === id) state.subscriptions.delete(subscriptionId);
      },
      setDavName: async (id, davName) => {
        state.calendars.get(id)!.davName = davName;
      },
      listMembers: async (calendarId, p) => {
        const all = members(calendarId);
        return { members: page(all, p).map(memberOf), total: all.length };
      },
      findMember: async (calendarId, userId) => {
        const m = state.members.get(memberKey(calendarId, userId));
        return m ? memberOf(m) : null;
      },
      upsertMember: async (calendarId, userId, role) => {
        const m = state.members.get(memberKey(calendarId, userId));
        if (m) m.role = role;
        else this.addMember(calendarId, userId, role);
      },
      removeMember: async (calendarId, userId) => {
        state.members.delete(memberKey(calendarId, userId));
      },
      countOwners: async (calendarId) => members(calendarId).filter((m) => m.role === "owner").length,
    };
  }

  private changes(): ChangeLog {
    // One version per calendar per transaction, as lib/db/change-log.ts lockCalendar.
    return {
      lockCalendar: async (calendarId) => this.state.versions.get(calendarId) ?? 0,
      recordChange: async (change) => {
        const { calendarId, ...rest } = change;
        this.logged(calendarId, rest);
        return this.state.versions.get(calendarId)!;
      },
      dropCalendar: async (calendarId) => {
        this.state.log = this.state.log.filter((c) => c.calendarId !== calendarId);
        this.state.versions.delete(calendarId);
        this.state.floors.delete(calendarId);
      },
      version: async (calendarId) => ({ version: this.state.versions.get(calendarId) ?? 0, floor: this.state.floors.get(calendarId) ?? 0 }),
      changesSince: async (calendarId, version) => {
        const rows = this.state.log.filter((c) => c.calendarId === calendarId && c.version > version);
        const eventIds = new Set<number>();
        const formerKeys = new Set<string>();
        const accessUsers = new Set<number>();
        for (const row of rows) {
          if (row.eventId != null) eventIds.add(row.eventId);
          if (row.formerKey != null) formerKeys.add(row.formerKey);
          if (row.userId != null) accessUsers.add(row.userId);
        }
        return { eventIds: [...eventIds].sort((a, b) => a - b), formerKeys: [...formerKeys].sort(), accessUsers };
      },
      memberCalendarVersions: async (userId) =>
        [...this.state.members.values()]
          .filter((m) => m.userId === userId)
          .sort((a, b) => a.calendarId - b.calendarId)
          .map((m) => ({ id: m.calendarId, uuid: this.state.calendars.get(m.calendarId)!.uuid, version: this.state.versions.get(m.calendarId) ?? 0 })),
    };
  }

  private trash(): TrashRepository {
    const state = this.state;
    const trashed = (e: StoredEvent): TrashedEvent => ({ event: { ...this.record(e), deleted: false }, deletedAt: e.deletedAt! });
    const deleted = () => [...state.events.values()].filter((e) => e.deleted && e.seriesId === null && e.deletedAt !== null);
    const undelete = (e: StoredEvent) => {
      Object.assign(e, { deleted: false, deletedAt: null });
      this.bump(e);
      this.logged(e.calendarId, { eventId: e.id, kind: "created" });
    };
    return {
      find: async (calendarId, since) =>
        deleted()
          .filter((e) => e.calendarId === calendarId && e.deletedAt! >= since)
          .sort((a, b) => b.deletedAt!.getTime() - a.deletedAt!.getTime() || b.id - a.id)
          .map(trashed),
      findByUuid: async (uuid) => {
        const e = deleted().find((x) => x.uuid === uuid);
        return e ? trashed(e) : null;
      },
      restore: async ({ event, deletedAt }) => {
        undelete(state.events.get(event.id)!);
        for (const o of state.events.values()) if (o.seriesId === event.id && o.deleted && o.deletedAt && o.deletedAt >= deletedAt) undelete(o);
      },
      restoreOverride: async (seriesId, _calendarId, originalStartsAt) => {
        const o = [...state.events.values()].find((e) => e.seriesId === seriesId && e.deleted && e.originalStartsAt?.getTime() === originalStartsAt.getTime());
        if (!o) return null;
        undelete(o);
        return this.record(o);
      },
    };
  }

  // ── iCalendar import ──────────────────────────────────────────────────────────────────────────
  private icalImport(): IcalImportRepository {
    const state = this.state;
    const insertRow = (row: ImportedRow, target: { calendarId: number; creatorId: number; icsFeedId: number | null }, series: StoredEvent | null, at: Date): StoredEvent => {
      const calendar = stored(state.calendars, target.calendarId, "calendar");
      const event: StoredEvent = {
        ...copy(row.fields),
        id: state.nextId++,
        uuid: row.uuid,
        calendarId: target.calendarId,
        calendarUuid: calendar.uuid,
        creatorId: target.creatorId,
        seriesId: series?.id ?? null,
        seriesUuid: series?.uuid ?? null,
        originalStartsAt: row.originalStartsAt ?? null,
        icsFeedId: target.icsFeedId,
        icalUid: row.uid,
        sequence: 0,
        deleted: false,
        deletedAt: null,
        createdAt: at,
        updatedAt: at,
        participants: [],
        ical: { icalSequence: row.icalSequence, icalLastModified: copy(row.icalLastModified), icalHash: row.icalHash },
      };
      state.events.set(event.id, event);
      this.logged(target.calendarId, { eventId: event.id, kind: "created" });
      return event;
    };
    return {
      findStoredSeries: async (calendarId) => {
        const masters = [...state.events.values()].filter((e) => e.calendarId === calendarId && !e.deleted && e.seriesId === null);
        return new Map(
          masters.map((e): [string, StoredIcalSeries] => {
            const uid = e.icalUid ?? e.uuid;
            return [uid, { id: e.id, uid, hash: e.ical?.icalHash ?? null, icalSequence: e.ical?.icalSequence ?? null, icalLastModified: copy(e.ical?.icalLastModified ?? null), sequence: e.sequence }];
          }),
        );
      },
      insertImported: async (rows, target) => {
        const at = now();
        const masters = new Map<string, StoredEvent>();
        for (const row of rows.filter((r) => !r.seriesUuid)) masters.set(row.uuid, insertRow(row, target, null, at));
        for (const row of rows.filter((r) => r.seriesUuid)) {
          const series = masters.get(row.seriesUuid!);
          if (!series) throw new Error(`fake: override of ${row.seriesUuid}, which this batch does not insert`);
          insertRow(row, target, series, at);
        }
      },
      deleteRows: async (ids, calendarId) => {
        const all = [...state.events.values()].filter((e) => ids.includes(e.id) || (e.seriesId !== null && ids.includes(e.seriesId))).map((e) => e.id);
        for (const id of all) {
          state.events.delete(id);
          this.logged(calendarId, { eventId: id, kind: "deleted" });
        }
      },
      stampFeed: async (calendarId, icsFeedId) => {
        for (const e of state.events.values()) if (e.calendarId === calendarId && e.icsFeedId === null) e.icsFeedId = icsFeedId;
      },
      setIdentity: async (eventId, { icalUid, ...bookkeeping }) => {
        const e = stored(state.events, eventId, "event");
        e.icalUid = icalUid;
        e.ical = { ...e.ical, ...copy(bookkeeping) };
        e.updatedAt = now();
      },
    };
  }
  // ── iCalendar export, private feeds, subscriptions and their sources ──────────────────────────
  private subscriptions(): SubscriptionRepository {
    const state = this.state;
    const get = (id: number) => stored(state.subscriptions, id, "subscription");
    return {
      find: async (calendarId) => copy([...state.subscriptions.values()].find((s) => s.calendarId === calendarId) ?? null),
      insert: async (calendarId, sourceUrl) => {
        // One per calendar, as the unique index on calendar_id.
        if ([...state.subscriptions.values()].some((s) => s.calendarId === calendarId)) throw new Error(`fake: calendar ${calendarId} is subscribed already`);
        return this.subscribe(calendarId, sourceUrl, { nextFetchAt: new Date() });
      },
      update: async (id, data) => void Object.assign(get(id), copy(data)),
      claimDue: async (at, leaseMs) => {
        const due = [...state.subscriptions.values()].filter((s) => s.nextFetchAt <= at).sort((a, b) => a.nextFetchAt.getTime() - b.nextFetchAt.getTime() || a.id - b.id).slice(0, 10);
        const claimed = copy(due);
        for (const s of due) s.nextFetchAt = new Date(at.getTime() + leaseMs);
        return claimed;
      },
      ownerOf: async (calendarId) =>
        [...state.members.values()].filter((m) => m.calendarId === calendarId && m.role === "owner").sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())[0]?.userId ?? null,
    };
  }

  private icalExport(): IcalExportRepository {
    const state = this.state;
    const feedOf = (calendarId: number, userId: number) => [...state.feeds].find(([, f]) => f.calendarId === calendarId && f.userId === userId)?.[0];
    return {
      calendarRows: async (calendarId) =>
        this.live()
          .filter((e) => e.calendarId === calendarId)
          .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || a.id - b.id)
          .map((e) => this.record(e)),
      upsertFeed: async (calendarId, userId, secretHash) => {
        const old = feedOf(calendarId, userId);
        if (old !== undefined) state.feeds.delete(old);
        state.feeds.set(secretHash, { calendarId, userId });
      },
      deleteFeed: async (calendarId, userId) => {
        const old = feedOf(calendarId, userId);
        return old !== undefined && state.feeds.delete(old);
      },
      findFeed: async (secretHash) => copy(state.feeds.get(secretHash) ?? null),
    };
  }

  /** The network as fetch-feed.ts sees it: hosts resolve when something is published on them; validators give 304s. */
  private feedSource(): FeedSource {
    const state = this.state;
    const hosts = () => new Set([...state.web.keys()].map((url) => new URL(url).hostname));
    return {
      checkHost: async (url) => {
        const host = url.hostname.replace(/^\[|\]$/g, "");
        if (isPrivateAddress(host)) throw new FeedError("points at a private, loopback or link-local address");
        if (!hosts().has(url.hostname)) throw new FeedError(`cannot resolve ${host}`);
      },
      fetch: async (source, validators) => {
        const url = checkFeedUrl(source).toString();
        state.fetches.push({ url, ...validators });
        const resource = state.web.get(url);
        if (!resource) {
          if (!hosts().has(new URL(url).hostname)) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${new URL(url).hostname}`), { code: "ENOTFOUND" });
          throw new FeedError("the feed answered HTTP 404");
        }
        if ("code" in resource) throw Object.assign(new Error(`connect ${resource.code}`), { code: resource.code });
        if ("status" in resource) throw new FeedError(`the feed answered HTTP ${resource.status}`);
        const etag = resource.etag ?? null;
        const lastModified = resource.lastModified ?? null;
        if ((validators.etag && validators.etag === etag) || (!validators.etag && validators.lastModified && validators.lastModified === lastModified)) return { status: 304 };
        return { status: 200, text: resource.text, etag, lastModified };
      },
    };
  }
}
