// The permission matrix of SPEC §3 over real HTTP, in both dialects: for every stakeholder ×
// visibility × relation, what the lists, the window lists, GET, search (q), PUT and DELETE reveal
// and allow. One world per worker (nine users, one calendar, nine events); each user's lists and
// searches are read once and checked for all nine events; GET, PUT and DELETE run per test.
// The expected cells are the same literal table as lib/domain/access.test.ts and docs/access.md.
import { expect, request as playwrightRequest, test, type APIRequestContext } from "@playwright/test";
import { CalendarEvents, type CalendarEvent } from "../../../lib/api/kona/schemas.ts";
import { EventEnvelope, EventsEnvelope, MemberEnvelope, Ok, type Event } from "../../../lib/api/sweetdate/schemas.ts";
import { BASE_URL, expectBody, expectError, newCalendar, newUser, type TestUser } from "../../helpers.ts";
import { expectProblem } from "../kona/kona.ts";

type Cell = "FW" | "F" | "B" | "-";
type Stakeholder = "just_me" | "group" | "everyone";
type Visibility = "public" | "busy" | "private";

const COMBOS: [Stakeholder, Visibility][] = [
  ["just_me", "public"], ["just_me", "busy"], ["just_me", "private"],
  ["group", "public"], ["group", "busy"], ["group", "private"],
  ["everyone", "public"], ["everyone", "busy"], ["everyone", "private"],
];

// FW = full + write · F = full, read-only · B = "Busy" block, read-only · - = does not exist (404).
// prettier-ignore
const MATRIX = {
  //                               just_me             group               everyone
  //                               pub   busy  priv    pub   busy  priv    pub   busy  priv
  "creator":                      ["FW", "FW", "FW",  "FW", "FW", "FW",  "FW", "FW", "FW"],
  "editor participant":           ["FW", "FW", "FW",  "FW", "FW", "FW",  "FW", "FW", "FW"],
  "viewer participant":           ["F",  "F",  "F",   "F",  "F",  "F",   "F",  "F",  "F" ],
  "calendar owner":               ["-",  "-",  "-",   "FW", "FW", "FW",  "FW", "FW", "FW"],
  "calendar admin":               ["-",  "-",  "-",   "FW", "FW", "FW",  "FW", "FW", "FW"],
  "calendar member":              ["-",  "-",  "-",   "F",  "B",  "-",   "F",  "B",  "-" ],
  "calendar guest":               ["-",  "-",  "-",   "F",  "B",  "-",   "F",  "B",  "-" ],
  "owner of another calendar":    ["-",  "-",  "-",   "-",  "-",  "-",   "F",  "B",  "-" ],
  "user in no calendar":          ["-",  "-",  "-",   "-",  "-",  "-",   "F",  "B",  "-" ],
} as const satisfies Record<string, readonly Cell[]>;
type Relation = keyof typeof MATRIX;
const RELATIONS = Object.keys(MATRIX) as Relation[];
/** Relations that are members of the event's calendar (they reach its calendar-scoped lists). */
const MEMBERS: Relation[] = ["creator", "calendar owner", "calendar admin", "calendar member", "calendar guest"];

interface WorldEvent {
  id: string;
  konaId: number;
  title: string;
  description: string;
  location: string;
  starts_at: string;
  ends_at: string;
  body: Record<string, unknown>;
}

interface World {
  /** Lives as long as the worker: the shared list views are read through it. */
  request: APIRequestContext;
  users: Record<Relation, TestUser>;
  calendarId: string;
  spaceId: number;
  /** In every hidden title, description and location: one search covers all nine events. */
  tag: string;
  window: { from: string; to: string };
  events: Record<string, WorldEvent>;
}

const iso = (ms: number) => new Date(ms).toISOString().replace(".000Z", "Z");
const comboKey = ([s, v]: [Stakeholder, Visibility]) => `${s}/${v}`;

let worldPromise: Promise<World> | undefined;
const world = () => (worldPromise ??= buildWorld());

async function buildWorld(): Promise<World> {
  const request = await playwrightRequest.newContext({ baseURL: BASE_URL });
  const list = await Promise.all(RELATIONS.map((name) => newUser(request, { name })));
  const users = Object.fromEntries(RELATIONS.map((r, i) => [r, list[i]!])) as Record<Relation, TestUser>;
  const calendar = await newCalendar(request, users["calendar owner"], { name: "Access matrix" });
  await newCalendar(request, users["owner of another calendar"], { name: "Elsewhere" });
  const roles: [Relation, string][] = [["calendar admin", "admin"], ["creator", "member"], ["calendar member", "member"], ["calendar guest", "guest"]];
  for (const [relation, role] of roles) {
    const response = await request.post(`/api/v1/calendars/${calendar.id}/users`, { headers: users["calendar owner"].auth, data: { user_id: users[relation].id, role } });
    await expectBody(response, 201, MemberEnvelope);
  }
  // A day of its own between 2040 and 2050, so window lists of parallel worlds rarely overlap.
  const tag = Math.random().toString(36).slice(2, 10);
  const day = Date.UTC(2040, 0, 1) + Math.floor(Math.random() * 3650) * 86_400_000;
  const events: Record<string, WorldEvent> = {};
  await Promise.all(
    COMBOS.map(async ([stakeholder, visibility], i) => {
      const key = `${tag} ${stakeholder}-${visibility}`;
      const body = {
        title: `Secret ${key} offsite`,
        description: `Agenda ${key}: reorganisation`,
        location: `Room ${key}`,
        starts_at: iso(day + (8 + i) * 3_600_000),
        ends_at: iso(day + (8 + i) * 3_600_000 + 1_800_000),
        stakeholder,
        visibility,
        default_role: "viewer",
        participant_ids: [users["viewer participant"].id],
        editor_ids: [users["editor participant"].id],
      };
      const created = await request.post(`/api/v1/calendars/${calendar.id}/events`, { headers: users.creator.auth, data: body });
      const { event } = await expectBody(created, 201, EventEnvelope);
      events[comboKey([stakeholder, visibility])] = { ...body, id: event.id, konaId: 0, body };
    }),
  );
  const window = { from: iso(day), to: iso(day + 86_400_000) };
  const kona = await konaList(request, users.creator, window);
  for (const e of Object.values(events)) e.konaId = kona.find((k) => k.name === e.title)!.id;
  const spaceId = kona.find((k) => k.id === events["group/public"]!.konaId)!.space_id;
  return { request, users, calendarId: calendar.id, spaceId, tag, window, events };
}

async function konaList(request: APIRequestContext, user: TestUser, window: { from: string; to: string }, extra = ""): Promise<CalendarEvent[]> {
  const url = `/api/calendar_events?date_range_start=${Date.parse(window.from)}&date_range_end=${Date.parse(window.to)}&per_page=100${extra}`;
  return (await expectBody(await request.get(url, { headers: user.auth }), 200, CalendarEvents)).calendar_events;
}

/** Every page of a SweetDate list (the unwindowed cross-calendar list grows with the database). */
async function allPages(request: APIRequestContext, user: TestUser, url: string): Promise<Event[]> {
  const events: Event[] = [];
  for (let offset = 0; ; offset += 100) {
    const page = await expectBody(await request.get(`${url}${url.includes("?") ? "&" : "?"}limit=100&offset=${offset}`, { headers: user.auth }), 200, EventsEnvelope);
    events.push(...page.events);
    // The SQL pre-filter (visibleTo) and eventAccess agree: the total counts exactly what is shown.
    if (offset + 100 >= page.meta.total) return (expect(events).toHaveLength(page.meta.total), events);
  }
}

/** What one user gets from every list and search: read once per user, checked for all nine events. */
interface SweetDateViews {
  /** Calendar-scoped list, window list and search (null: the calendar's 404 for non-members). */
  calendar: { list: Event[]; window: Event[]; search: Event[] } | null;
  everything: Event[];
  windowed: Event[];
  /** q by the hidden titles, descriptions (in the window) and locations. */
  searches: Event[][];
}

const sweetDateViews = new Map<Relation, Promise<SweetDateViews>>();
function sweetDateViewsOf(w: World, relation: Relation): Promise<SweetDateViews> {
  const load = async (): Promise<SweetDateViews> => {
    const { request } = w;
    const user = w.users[relation];
    const calendarUrl = `/api/v1/calendars/${w.calendarId}/events`;
    const range = `from=${w.window.from}&to=${w.window.to}`;
    const list = async (url: string, exact = false) => {
      const page = await expectBody(await request.get(url, { headers: user.auth }), 200, EventsEnvelope);
      // The SQL pre-filter (visibleTo) and eventAccess agree: the total counts exactly what is shown.
      if (exact) expect(page.meta.total).toBe(page.events.length);
      return page.events;
    };
    const calendar = async () => {
      if (!MEMBERS.includes(relation)) {
        // Calendar-scoped lists exist for members only; everyone else gets the calendar's 404.
        for (const query of ["limit=100", `${range}&limit=100`, `q=${w.tag}`]) await expectError(await request.get(`${calendarUrl}?${query}`, { headers: user.auth }), 404, "NOT_FOUND");
        return null;
      }
      const [all, inWindow, search] = await Promise.all([list(`${calendarUrl}?limit=100`, true), list(`${calendarUrl}?${range}&limit=100`, true), list(`${calendarUrl}?q=${w.tag}&limit=100`, true)]);
      return { list: all, window: inWindow, search };
    };
    const [calendarViews, everything, windowed, ...searches] = await Promise.all([
      calendar(),
      allPages(request, user, "/api/v1/events"),
      list(`/api/v1/events?${range}&limit=100`),
      list(`/api/v1/events?q=${encodeURIComponent(`secret ${w.tag}`)}&limit=100`),
      list(`/api/v1/events?q=${encodeURIComponent(`AGENDA ${w.tag}`)}&${range}&limit=100`),
      list(`/api/v1/events?q=${encodeURIComponent(`room ${w.tag}`)}&limit=100`),
    ]);
    return { calendar: calendarViews, everything, windowed, searches };
  };
  if (!sweetDateViews.has(relation)) sweetDateViews.set(relation, load());
  return sweetDateViews.get(relation)!;
}

const konaViews = new Map<Relation, Promise<[CalendarEvent[], CalendarEvent[]]>>();
function konaViewsOf(w: World, relation: Relation): Promise<[CalendarEvent[], CalendarEvent[]]> {
  const user = w.users[relation];
  if (!konaViews.has(relation)) konaViews.set(relation, Promise.all([konaList(w.request, user, w.window), konaList(w.request, user, w.window, `&space_id=${w.spaceId}`)]));
  return konaViews.get(relation)!;
}

function describeCell(cell: Cell, search: boolean): string {
  const readers = search ? "lists, GET and q" : "lists and GET";
  if (cell === "FW") return `${readers} show it in full; PUT and DELETE succeed`;
  if (cell === "F") return `${readers} show it in full; PUT and DELETE are 403`;
  if (cell === "B") return `lists and GET show a "Busy" block (times only)${search ? ", q by hidden title/description/location finds nothing" : ""}; PUT and DELETE are 403`;
  return `absent from lists${search ? " and q" : ""}; GET, PUT and DELETE are 404`;
}

/** A SweetDate event as `cell` allows: absent, a busy block, or the whole event. */
function expectSweetDate(found: Event | undefined, event: WorldEvent, cell: Cell) {
  if (cell === "-") return expect(found).toBeUndefined();
  expect(found).toBeDefined();
  expect(found).toMatchObject({ id: event.id, starts_at: event.starts_at, ends_at: event.ends_at, editable: cell === "FW" });
  if (cell === "B") expect(found).toMatchObject({ title: "Busy", description: null, location: null, tags: [] });
  else expect(found).toMatchObject({ title: event.title, description: event.description, location: event.location });
}

function expectKona(found: CalendarEvent | undefined, event: WorldEvent, cell: Cell) {
  if (cell === "-") return expect(found).toBeUndefined();
  expect(found).toBeDefined();
  expect(found).toMatchObject({ id: event.konaId, start_at: Date.parse(event.starts_at), end_at: Date.parse(event.ends_at), external_object: null });
  if (cell === "B") expect(found).toMatchObject({ name: "Busy", details: null, location: null, tags: [], visibility: 1 });
  else expect(found).toMatchObject({ name: event.title, details: event.description, location: event.location });
}

/** A fresh copy of a world event (made by its creator) for a DELETE that is allowed to succeed. */
async function copyOf(request: APIRequestContext, w: World, event: WorldEvent): Promise<{ id: string; konaId: number }> {
  const body = { ...event.body, title: `${event.title} copy ${Math.random().toString(36).slice(2, 8)}` };
  const created = await request.post(`/api/v1/calendars/${w.calendarId}/events`, { headers: w.users.creator.auth, data: body });
  const { event: copy } = await expectBody(created, 201, EventEnvelope);
  const kona = await konaList(request, w.users.creator, w.window, `&space_id=${w.spaceId}`);
  return { id: copy.id, konaId: kona.find((k) => k.name === body.title)!.id };
}

for (const combo of COMBOS) {
  const key = comboKey(combo);
  test.describe(`${key} event`, () => {
    for (const relation of RELATIONS) {
      const cell = MATRIX[relation][COMBOS.indexOf(combo)]!;

      test(`/api/v1/calendars/:cid/events[/:id] + /api/v1/events – ${key}, ${relation}: ${describeCell(cell, true)}`, async ({ request }) => {
        const w = await world();
        const event = w.events[key]!;
        const auth = { headers: w.users[relation].auth };
        const calendarUrl = `/api/v1/calendars/${w.calendarId}/events`;
        const itemUrl = `${calendarUrl}/${event.id}`;
        const find = (events: Event[]) => events.find((e) => e.id === event.id);

        const [views, get] = await Promise.all([sweetDateViewsOf(w, relation), request.get(itemUrl, auth)]);
        if (views.calendar) {
          expectSweetDate(find(views.calendar.list), event, cell);
          expectSweetDate(find(views.calendar.window), event, cell);
        }
        expectSweetDate(find(views.everything), event, cell);
        expectSweetDate(find(views.windowed), event, cell);
        // Search finds only what the caller sees in full: never a busy block by its hidden text.
        for (const found of [...views.searches, ...(views.calendar ? [views.calendar.search] : [])]) {
          expectSweetDate(find(found), event, cell === "B" ? "-" : cell);
        }
        if (cell === "-") await expectError(get, 404, "NOT_FOUND");
        else expectSweetDate((await expectBody(get, 200, EventEnvelope)).event, event, cell);

        if (cell === "FW") {
          const put = await request.put(itemUrl, { ...auth, data: { description: event.description } });
          expectSweetDate((await expectBody(put, 200, EventEnvelope)).event, event, cell);
          const copy = await copyOf(request, w, event);
          await expectBody(await request.delete(`${calendarUrl}/${copy.id}`, auth), 200, Ok);
          await expectError(await request.get(`${calendarUrl}/${copy.id}`, auth), 404, "NOT_FOUND");
        } else {
          const [status, code] = cell === "-" ? [404, "NOT_FOUND"] : [403, "FORBIDDEN"];
          await expectError(await request.put(itemUrl, { ...auth, data: { title: "Hijacked" } }), status, code);
          await expectError(await request.delete(itemUrl, auth), status, code);
        }
      });

      test(`/api/calendar_events[/:id] – ${key}, ${relation}: ${describeCell(cell, false)}`, async ({ request }) => {
        const w = await world();
        const event = w.events[key]!;
        const auth = { headers: w.users[relation].auth };
        const itemUrl = `/api/calendar_events/${event.konaId}`;
        const find = (events: CalendarEvent[]) => events.find((e) => e.id === event.konaId);

        // space_id narrows the list; it never widens what the caller may see.
        const [[windowed, inSpace], get, v1] = await Promise.all([
          konaViewsOf(w, relation),
          request.get(itemUrl, auth),
          request.get(`/api/v1/calendar_events/${event.konaId}`, auth),
        ]);
        expectKona(find(windowed), event, cell);
        expectKona(find(inSpace), event, cell);
        if (cell === "-") {
          await expectProblem(get, 404, "not-found");
          await expectProblem(v1, 404, "not-found");
        } else {
          expectKona((await expectBody(get, 200, CalendarEvents)).calendar_events[0], event, cell);
          expectKona((await expectBody(v1, 200, CalendarEvents)).calendar_events[0], event, cell);
        }

        if (cell === "FW") {
          const put = await request.put(itemUrl, { ...auth, data: { calendar_events: [{ details: event.description }] } });
          expectKona((await expectBody(put, 200, CalendarEvents)).calendar_events[0], event, cell);
          const copy = await copyOf(request, w, event);
          const deleted = await request.delete(`/api/calendar_events/${copy.konaId}`, auth);
          expect(deleted.status(), await deleted.text()).toBe(204);
          await expectProblem(await request.get(`/api/calendar_events/${copy.konaId}`, auth), 404, "not-found");
        } else {
          const [status, anchor] = cell === "-" ? [404, "not-found"] : [403, "forbidden"];
          await expectProblem(await request.put(itemUrl, { ...auth, data: { calendar_events: [{ name: "Hijacked" }] } }), status, anchor);
          await expectProblem(await request.delete(itemUrl, auth), status, anchor);
        }
      });
    }
  });
}
