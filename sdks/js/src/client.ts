// The client: `SD.configure(…)`, `SD.Calendar.get/list/create`, `SD.Users.search/me`, `SD.Events.list`.
import { Calendar } from "./calendar.ts";
import type { ClientOptions, ResolvedOptions } from "./config.ts";
import * as wire from "./generated/schemas.ts";
import { seg, Transport, type RequestSpec } from "./http.ts";
import type { z } from "zod";
import type { CalendarData, CreateCalendarAttrs, Event, EventPage, ListEventsOptions, Page, User } from "./types.ts";

export class SweetDate {
  readonly #http: Transport;

  /** Calendars: `SD.Calendar.get(id)` returns a {@link Calendar} whose methods reach its events and members. */
  readonly Calendar: {
    get(calendarId: string): Promise<Calendar>;
    list(page?: Page): Promise<Calendar[]>;
    create(attrs: CreateCalendarAttrs): Promise<Calendar>;
  };

  /** People: search the installation's users (to add them to calendars and events), and yourself. */
  readonly Users: {
    search(q?: string, page?: Page): Promise<User[]>;
    me(): Promise<User>;
  };

  /** Events across every calendar you can see (what the web app's views use). */
  readonly Events: {
    list(options?: ListEventsOptions): Promise<Event[]>;
    page(options?: ListEventsOptions): Promise<EventPage>;
  };

  constructor(options: ClientOptions = {}) {
    const http = (this.#http = new Transport(options));
    const wrap = (data: CalendarData) => new Calendar(http, data);
    this.Calendar = {
      async get(calendarId) {
        return wrap((await http.request({ method: "GET", path: `/api/v1/calendars/${seg(calendarId)}`, schema: wire.CalendarEnvelope })).calendar);
      },
      async list(page = {}) {
        return (await http.request({ method: "GET", path: "/api/v1/calendars", query: { ...page }, schema: wire.CalendarsEnvelope })).calendars.map(wrap);
      },
      async create(attrs) {
        return wrap((await http.request({ method: "POST", path: "/api/v1/calendars", body: attrs, schema: wire.CalendarEnvelope })).calendar);
      },
    };
    this.Users = {
      async search(q, page = {}) {
        return (await http.request({ method: "GET", path: "/api/v1/users", query: { q, ...page }, schema: wire.UsersEnvelope })).users;
      },
      async me() {
        return (await http.request({ method: "GET", path: "/api/v1/me", schema: wire.UserEnvelope })).user;
      },
    };
    const eventsPage = async (options: ListEventsOptions = {}): Promise<EventPage> => {
      const { events, meta } = await http.request({ method: "GET", path: "/api/v1/events", query: { ...options }, schema: wire.EventsEnvelope });
      return { events, meta };
    };
    this.Events = { page: eventsPage, list: async (options) => (await eventsPage(options)).events };
  }

  /**
   * Sets `baseUrl`, `token`, `timeoutMs`, retry and other options; merges with earlier calls.
   * A key passed as `undefined` falls back to the environment (SWEETDATE_URL, SWEETDATE_API_TOKEN).
   */
  configure(options: ClientOptions): this {
    this.#http.configure(options);
    return this;
  }

  /** The settings the next request will use (after environment fallbacks). */
  get options(): ResolvedOptions {
    return this.#http.options;
  }

  /** Low-level escape hatch: any API call, with the same auth, retries, timeout and validation. */
  request<S extends z.ZodType>(spec: RequestSpec<S>): Promise<z.output<S>> {
    return this.#http.request(spec);
  }
}
