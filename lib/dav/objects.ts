// Calendar object resources: one per iCalendar UID (a series master with its overrides, or a single
// event), shown as the caller may see it, with a strong ETag; and the GET/PUT/DELETE methods on them.
import crypto from "node:crypto";
import { publicUrl } from "../api/route.ts";
import { davHrefsOf, findObjectByUid, findObjectRow, objectNamesOf } from "../db/dav-repository.ts";
import { findEventsByIds, findOverrides } from "../db/event-repository.ts";
import { findCalendarRows } from "../db/ical-repository.ts";
import { findUsersByIds } from "../db/user-repository.ts";
import { canCreateIn, eventAccess } from "../domain/access.ts";
import { AppError, ConcurrentUpdateError } from "../domain/errors.ts";
import { deriveTags } from "../domain/tags.ts";
import type { CalendarRecord, EventRecord, UserRecord, Viewer } from "../domain/types.ts";
import { parseIcs, serializeCalendar, type IcalEventInput } from "../ical/index.ts";
import { windowProblem } from "../domain/time.ts";
import { deleteEvent } from "../services/delete-event.ts";
import { present, type VisibleEvent } from "../domain/visible.ts";
import { listEvents } from "../services/list-events.ts";
import { overrideInstance } from "../services/occurrences.ts";
import { loadViewer } from "../services/viewer.ts";
import { putIcalSeries } from "../services/write-ical-series.ts";
import { DavError } from "./errors.ts";
import type { DavRequest } from "./handler.ts";
import type { Resource } from "./resources.ts";
import { NS } from "./xml.ts";

export interface DavObject {
  /** Resource name inside its collection. */
  name: string;
  uid: string;
  calendar: CalendarRecord;
  /** As stored (for writes and preconditions). */
  stored: { master: EventRecord; overrides: EventRecord[] };
  /** As the caller sees them (busy blocks redacted). */
  master: VisibleEvent;
  overrides: VisibleEvent[];
  lastModified: Date;
  etag: string;
}

const nameOf = (master: EventRecord, hrefs: Map<number, string>) => hrefs.get(master.id) ?? `${master.uuid}.ics`;

/** Objects for stored masters, as `viewer` sees them (invisible ones are left out). */
async function buildObjects(calendar: CalendarRecord, masters: EventRecord[], viewer: Viewer, loadedOverrides?: EventRecord[]): Promise<DavObject[]> {
  const live = masters.filter((m) => !m.deleted && m.seriesId === null);
  const overrides = (loadedOverrides ?? (await findOverrides(live.filter((m) => m.rrule !== null).map((m) => m.id)))).filter((o) => !o.deleted);
  const bySeries = new Map<number, EventRecord[]>();
  for (const o of overrides) bySeries.set(o.seriesId!, [...(bySeries.get(o.seriesId!) ?? []), o]);
  const hrefs = await davHrefsOf(live.map((m) => m.id));
  const objects: DavObject[] = [];
  for (const m of live) {
    const master = present({ event: m, occurrence: null }, viewer);
    if (!master) continue;
    const own = (bySeries.get(m.id) ?? []).sort((a, b) => a.originalStartsAt!.getTime() - b.originalStartsAt!.getTime());
    const visible = own.map((o) => present(overrideInstance(o, m), viewer)).filter((v): v is VisibleEvent => v !== null);
    const lastModified = new Date(Math.max(m.updatedAt.getTime(), ...own.map((o) => o.updatedAt.getTime())));
    const fingerprint = [m.id, m.sequence, m.updatedAt.getTime(), master.access.see, ...visible.map((v) => `${v.event.id}:${v.event.sequence}:${v.event.updatedAt.getTime()}:${v.access.see}`)].join("|");
    objects.push({
      name: nameOf(m, hrefs),
      uid: m.icalUid ?? m.uuid,
      calendar,
      stored: { master: m, overrides: own },
      master,
      overrides: visible,
      lastModified,
      etag: `"${crypto.createHash("sha256").update(fingerprint).digest("base64url").slice(0, 27)}"`,
    });
  }
  return objects;
}

export async function findObject(calendar: CalendarRecord, name: string, user: UserRecord): Promise<DavObject | null> {
  const row = await findObjectRow(calendar.id, name);
  if (!row) return null;
  return (await buildObjects(calendar, [row.event], await loadViewer(user.id)))[0] ?? null;
}

export async function listObjects(calendar: CalendarRecord, user: UserRecord): Promise<DavObject[]> {
  const viewer = await loadViewer(user.id);
  // The whole calendar in one read (the export's reader, fast on both databases); buildObjects
  // leaves out what the caller may not see.
  const rows = await findCalendarRows(calendar.id);
  return buildObjects(
    calendar,
    rows.filter((r) => r.seriesId === null),
    viewer,
    rows.filter((r) => r.seriesId !== null),
  );
}

/** Objects with an occurrence overlapping [from, to): expanded exactly for windows the recurrence
 * engine takes (≤ MAX_WINDOW_DAYS), by the stored bounds of each series for wider or open ranges. */
export async function objectsInRange(calendar: CalendarRecord, user: UserRecord, from: Date | null, to: Date | null): Promise<DavObject[]> {
  const viewer = await loadViewer(user.id);
  if (from && to && windowProblem({ from, to }) === null) {
    const { items } = await listEvents({ viewer, calendarId: calendar.id, window: { from, to }, limit: Number.MAX_SAFE_INTEGER, offset: 0 });
    const masterIds = [...new Set(items.map((i) => i.occurrence?.seriesId ?? i.event.seriesId ?? i.event.id))];
    const masters = await findEventsByIds(masterIds);
    masters.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || a.id - b.id);
    return buildObjects(calendar, masters, viewer);
  }
  const all = await listObjects(calendar, user);
  const overlaps = (start: Date, end: Date | null) => (!to || start.getTime() < to.getTime()) && (!from || end === null || end.getTime() > from.getTime());
  return all.filter(
    (o) =>
      overlaps(o.stored.master.startsAt, o.stored.master.rrule ? o.stored.master.recurrenceEndsAt : o.stored.master.endsAt) ||
      o.stored.overrides.some((v) => overlaps(v.startsAt, v.endsAt)),
  );
}

/** For sync: the current objects behind changed rows, and the names of those now gone. */
export async function objectsForRows(calendar: CalendarRecord, user: UserRecord, eventIds: number[]): Promise<{ present: DavObject[]; gone: string[] }> {
  const names = await objectNamesOf(calendar.id, eventIds);
  const viewer = await loadViewer(user.id);
  // One read of the live masters and their overrides for the whole round (buildObjects drops
  // deleted and invisible ones: those are reported gone).
  const objects = await buildObjects(calendar, await findEventsByIds(names.filter((n) => !n.deleted).map((n) => n.masterId)), viewer);
  const byMaster = new Map(objects.map((o) => [o.stored.master.id, o]));
  const present: DavObject[] = [];
  const gone: string[] = [];
  for (const n of names) {
    const object = n.deleted ? undefined : byMaster.get(n.masterId);
    if (object) present.push(object);
    else gone.push(n.name);
  }
  return { present, gone };
}

/** The object's iCalendar text as its reader may see it (stable bytes for a given ETag). */
export async function objectText(object: DavObject, ctx: DavRequest): Promise<string> {
  const people = new Map(
    (await findUsersByIds([...new Set([object.master, ...object.overrides].flatMap((v) => [v.event.creatorId, ...v.event.participants.map((p) => p.userId)]))])).map((u) => [u.id, u]),
  );
  // The event's URL names the host the client addressed, as the API's hrefs and Locations do.
  const origin = publicUrl(ctx.req).origin;
  const toInput = (v: VisibleEvent, override: boolean): IcalEventInput => {
    const see = v.access.see === "busy" ? "busy" : "full";
    const creator = people.get(v.event.creatorId);
    return {
      uid: object.uid,
      event: v.event,
      see,
      ...(override ? { recurrenceOf: { timeZone: object.stored.master.timeZone, allDay: object.stored.master.allDay } } : {}),
      organizer: creator ? { email: creator.email, name: creator.name } : null,
      attendees: v.event.participants.flatMap((p) => {
        const u = people.get(p.userId);
        return u ? [{ email: u.email, name: u.name, rsvp: p.rsvp }] : [];
      }),
      url: `${origin}/api/v1/calendars/${object.calendar.uuid}/events/${v.occurrence ? `${v.occurrence.seriesUuid}_${compact(v.occurrence.originalStartsAt)}` : v.event.uuid}`,
      categories: deriveTags(v.event.title, v.event.description),
    };
  };
  return serializeCalendar(
    { name: object.calendar.name, timeZone: object.calendar.timeZone, events: [toInput(object.master, false), ...object.overrides.map((o) => toInput(o, true))] },
    object.lastModified,
  );
}

const compact = (d: Date) => d.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");

export function objectEtag(object: DavObject): string {
  return object.etag;
}

type ObjectResource = Extract<Resource, { kind: "object" }>;

function asObject(r: Resource): ObjectResource {
  if (r.kind !== "object") throw new DavError(405, "only calendar object resources can be read or written this way", undefined, { allow: "OPTIONS, PROPFIND, PROPPATCH, REPORT" });
  return r;
}

/** If-Match / If-None-Match against the resource as it stands (RFC 7232). */
function checkPreconditions(req: Request, object: DavObject | null): void {
  const ifMatch = req.headers.get("if-match");
  const ifNoneMatch = req.headers.get("if-none-match");
  if (ifNoneMatch !== null && object && (ifNoneMatch.trim() === "*" || ifNoneMatch.split(",").map((s) => s.trim()).includes(object.etag))) {
    throw new DavError(412, "the resource already exists");
  }
  if (ifMatch !== null && (!object || (ifMatch.trim() !== "*" && !ifMatch.split(",").map((s) => s.trim()).includes(object.etag)))) {
    throw new DavError(412, "the resource has changed (ETag mismatch)");
  }
}

export async function getObject(ctx: DavRequest, r: Resource): Promise<Response> {
  const { object } = asObject(r);
  if (!object) throw new DavError(404, "not found");
  const ifNoneMatch = ctx.req.headers.get("if-none-match");
  const headers = { etag: object.etag, "last-modified": object.lastModified.toUTCString(), "content-type": "text/calendar; charset=utf-8" };
  if (ifNoneMatch && ifNoneMatch.split(",").map((s) => s.trim()).includes(object.etag)) return new Response(null, { status: 304, headers });
  return new Response(ctx.method === "HEAD" ? null : await objectText(object, ctx), { status: 200, headers });
}

const needPrivileges = (why: string) => new DavError(403, why, [NS.DAV, "need-privileges"]);
const invalidData = (why: string) => new DavError(400, why, [NS.CALDAV, "valid-calendar-data"]);

export async function putObject(ctx: DavRequest, r: Resource): Promise<Response> {
  const target = asObject(r);
  const { calendar, object } = target;
  checkPreconditions(ctx.req, object);
  const type = ctx.req.headers.get("content-type") ?? "text/calendar";
  if (!/^text\/calendar\b/i.test(type)) throw new DavError(415, "send iCalendar data with Content-Type: text/calendar", [NS.CALDAV, "supported-calendar-data"]);
  const viewer = await loadViewer(ctx.user.id);
  if (object ? !eventAccess(object.stored.master, viewer).write : !canCreateIn(calendar.id, viewer)) {
    throw needPrivileges(object ? "you may not change this event" : "adding events to this calendar needs the member role or above");
  }
  if (target.name.length > 255) throw new DavError(403, "resource names are at most 255 characters", [NS.CALDAV, "valid-calendar-object-resource"]);
  const parsed = parseIcs(await ctx.body(), { calendarTimeZone: calendar.timeZone });
  if (parsed.failed.length) throw invalidData(`the iCalendar data could not be read: ${parsed.failed.map((f) => f.reason).join("; ")}`);
  if (parsed.series.length !== 1) throw new DavError(400, parsed.series.length ? "one calendar object resource holds exactly one UID" : "the body holds no VEVENT", [NS.CALDAV, "valid-calendar-object-resource"]);
  const series = parsed.series[0]!;
  if (object && series.uid !== object.uid) throw new DavError(409, "the UID of a resource cannot change", [NS.CALDAV, "no-uid-conflict"]);
  if (!object && (await findObjectByUid(calendar.id, series.uid))) throw new DavError(409, "another resource in this calendar already has that UID", [NS.CALDAV, "no-uid-conflict"]);
  try {
    await putIcalSeries({ calendar, creatorId: ctx.user.id, parsed: series, existing: object ? object.stored : null, davHref: object ? undefined : target.name });
    const after = await findObject(calendar, target.name, ctx.user);
    const headers: Record<string, string> = after ? { etag: after.etag } : {};
    return new Response(null, { status: object ? 204 : 201, headers });
  } catch (error) {
    if (error instanceof AppError && error.code === "VALIDATION_ERROR") {
      throw invalidData(`${error.message}: ${Object.entries(error.fields ?? {}).map(([k, v]) => `${k} ${v.join(", ")}`).join("; ")}`);
    }
    if (error instanceof ConcurrentUpdateError) throw new DavError(412, "the resource changed while it was written");
    throw error;
  }
}

export async function deleteObject(ctx: DavRequest, r: Resource): Promise<Response> {
  const { object } = asObject(r);
  if (!object) throw new DavError(404, "not found");
  checkPreconditions(ctx.req, object);
  const viewer = await loadViewer(ctx.user.id);
  if (!eventAccess(object.stored.master, viewer).write) throw needPrivileges("you may not delete this event");
  await deleteEvent({ uuid: object.stored.master.uuid }, viewer, "all", object.stored.master.sequence);
  return new Response(null, { status: 204 });
}
