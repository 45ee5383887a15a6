// A calendar and everything scoped under /api/v1/calendars/:calendar_id: events, members, participants.
import { SweetDateError } from "./errors.ts";
import * as wire from "./generated/schemas.ts";
import { seg, type Transport } from "./http.ts";
import type {
  CalendarAttrs,
  CalendarData,
  ChangeOptions,
  CreateEventAttrs,
  DeletedEvent,
  Event,
  EventAttrs,
  EventPage,
  EventUser,
  ListEventsOptions,
  Member,
  MemberRole,
  Ok,
  Page,
  ParticipantRole,
  Rsvp,
  SyncEvent,
  SyncOptions,
  SyncResult,
} from "./types.ts";


function changeQuery(options: ChangeOptions) {
  return { scope: options.scope };
}

function changeHeaders(options: ChangeOptions): Record<string, string> | undefined {
  return options.ifMatch === undefined ? undefined : { "if-match": `"${String(options.ifMatch).replace(/^(W\/)?"|"$/g, "")}"` };
}

/** The calendar's fields (`id`, `name`, `time_zone`, your `role` …) plus methods for what it holds. */
export class Calendar implements CalendarData {
  declare readonly id: string;
  declare readonly name: string;
  declare readonly description: string | null;
  declare readonly color: string;
  declare readonly time_zone: string;
  declare readonly role: CalendarData["role"];
  declare readonly source_url: string | null;
  declare readonly default_reminders: CalendarData["default_reminders"];
  declare readonly inserted_at: string;
  declare readonly updated_at: string;
  readonly #http: Transport;

  constructor(http: Transport, data: CalendarData) {
    this.#http = http;
    Object.assign(this, data);
  }

  #path(...rest: string[]): string {
    return ["/api/v1/calendars", seg(this.id), ...rest.map(seg)].join("/");
  }

  /** The plain wire object (what `JSON.stringify` prints). */
  toJSON(): CalendarData {
    const { id, name, description, color, time_zone, role, source_url, default_reminders, inserted_at, updated_at } = this;
    return { id, name, description, color, time_zone, role, source_url, default_reminders, inserted_at, updated_at };
  }

  // ── Events ────────────────────────────────────────────────────────────────────────────────

  /** The events array (`{ limit, offset, q }` page them; `from`/`to` list occurrences in a window). */
  async events(options: ListEventsOptions = {}): Promise<Event[]> {
    return (await this.eventsPage(options)).events;
  }

  /** One page with its `meta` ({ limit, offset, total }). */
  async eventsPage(options: ListEventsOptions = {}): Promise<EventPage> {
    const { events, meta } = await this.#http.request({ method: "GET", path: this.#path("events"), query: { ...options }, schema: wire.EventsEnvelope });
    return { events, meta };
  }

  /** Every matching event, fetching page after page (`limit` sets the page size, default 100). */
  async *allEvents(options: Omit<ListEventsOptions, "offset"> = {}): AsyncGenerator<Event, void, undefined> {
    const limit = options.limit ?? 100;
    for (let offset = 0; ; offset += limit) {
      const { events, meta } = await this.eventsPage({ ...options, limit, offset });
      yield* events;
      if (events.length === 0 || offset + events.length >= meta.total) return;
    }
  }

  async createEvent(attrs: CreateEventAttrs): Promise<Event> {
    return (await this.#http.request({ method: "POST", path: this.#path("events"), body: attrs, schema: wire.EventEnvelope })).event;
  }

  /** An event by id, or an occurrence by `<series id>_<20250821T090000Z>`. */
  async getEvent(eventId: string): Promise<Event> {
    return (await this.#http.request({ method: "GET", path: this.#path("events", eventId), schema: wire.EventEnvelope })).event;
  }

  /** Partial update: only the fields given change. */
  async updateEvent(eventId: string, attrs: EventAttrs, options: ChangeOptions = {}): Promise<Event> {
    const response = await this.#http.request({ method: "PUT", path: this.#path("events", eventId), query: changeQuery(options), headers: changeHeaders(options), body: attrs, schema: wire.EventEnvelope });
    return response.event;
  }

  async deleteEvent(eventId: string, options: ChangeOptions = {}): Promise<Ok> {
    return this.#http.request({ method: "DELETE", path: this.#path("events", eventId), query: changeQuery(options), headers: changeHeaders(options), schema: wire.Ok });
  }

  // ── Sync (SPEC §11) ───────────────────────────────────────────────────────────────────────

  /**
   * What changed since `token` (omitted: everything, a full sync), fetching every page of the round.
   * Keep `nextSyncToken` for the next call; a `SyncTokenExpiredError` (410) means start over with
   * `sync()`.
   */
  async sync(token?: string | null, options: SyncOptions = {}): Promise<SyncResult> {
    const limit = options.limit ?? 100;
    const changes: (SyncEvent | DeletedEvent)[] = [];
    for (let offset = 0; ; ) {
      const path = this.#path("events");
      const { events, meta } = await this.#http.request({ method: "GET", path, query: { sync_token: token ?? "", limit, offset }, schema: wire.SyncEnvelope });
      changes.push(...events);
      if (meta.next_sync_token !== undefined) {
        const isDeleted = (change: SyncEvent | DeletedEvent): change is DeletedEvent => "deleted" in change && change.deleted === true;
        return {
          changes,
          events: changes.filter((change): change is SyncEvent => !isDeleted(change)),
          deleted: changes.filter(isDeleted).map((change) => change.id),
          nextSyncToken: meta.next_sync_token,
          full: !token,
        };
      }
      // Pages are windows over the server's rows: a page may hold fewer items than its limit (rows
      // the caller may not see are left out), so the next page starts a whole page later.
      offset += meta.limit;
      if (offset >= meta.total) {
        throw new SweetDateError(`SweetDate: GET ${path}: a sync round ended without meta.next_sync_token`, { status: 200, errorCode: "INVALID_RESPONSE", body: { events, meta } });
      }
    }
  }

  // ── The calendar itself ───────────────────────────────────────────────────────────────────

  /** Partial update (owners and admins); refreshes this object and returns it. */
  async update(attrs: CalendarAttrs): Promise<this> {
    const { calendar } = await this.#http.request({ method: "PUT", path: this.#path(), body: attrs, schema: wire.CalendarEnvelope });
    Object.assign(this, calendar);
    return this;
  }

  /** Deletes the calendar with its events (owners only). */
  async delete(): Promise<Ok> {
    return this.#http.request({ method: "DELETE", path: this.#path(), schema: wire.Ok });
  }

  // ── Members ───────────────────────────────────────────────────────────────────────────────

  /** Members with their roles. */
  async users(page: Page = {}): Promise<Member[]> {
    return (await this.#http.request({ method: "GET", path: this.#path("users"), query: { ...page }, schema: wire.MembersEnvelope })).users;
  }

  /** Adds a member (default role `member`). */
  async addUser(userId: string, options: { role?: MemberRole } = {}): Promise<Member> {
    return (await this.#http.request({ method: "POST", path: this.#path("users"), body: { user_id: userId, ...options }, schema: wire.MemberEnvelope })).user;
  }

  async updateUser(userId: string, change: { role: MemberRole }): Promise<Member> {
    return (await this.#http.request({ method: "PUT", path: this.#path("users", userId), body: change, schema: wire.MemberEnvelope })).user;
  }

  /** Removes a member (or, with your own id, leaves the calendar). */
  async removeUser(userId: string): Promise<Ok> {
    return this.#http.request({ method: "DELETE", path: this.#path("users", userId), schema: wire.Ok });
  }

  // ── Event participants ────────────────────────────────────────────────────────────────────

  /** An event's participants with role and RSVP. */
  async eventUsers(eventId: string): Promise<EventUser[]> {
    return (await this.#http.request({ method: "GET", path: this.#path("events", eventId, "users"), schema: wire.EventUsersEnvelope })).users;
  }

  async addEventUser(eventId: string, userId: string, options: { role?: ParticipantRole; rsvp?: Rsvp } = {}): Promise<EventUser> {
    const response = await this.#http.request({ method: "POST", path: this.#path("events", eventId, "users"), body: { user_id: userId, ...options }, schema: wire.EventUserEnvelope });
    return response.user;
  }

  async updateEventUser(eventId: string, userId: string, change: { role?: ParticipantRole; rsvp?: Rsvp }): Promise<EventUser> {
    return (await this.#http.request({ method: "PUT", path: this.#path("events", eventId, "users", userId), body: change, schema: wire.EventUserEnvelope })).user;
  }

  async removeEventUser(eventId: string, userId: string): Promise<Ok> {
    return this.#http.request({ method: "DELETE", path: this.#path("events", eventId, "users", userId), schema: wire.Ok });
  }
}
