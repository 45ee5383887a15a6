// iCalendar over the SweetDate API: export, private feeds, import, subscription refresh.
import { readBodyText } from "../body.ts";
import { z } from "zod";
import { AppError } from "../../domain/errors.ts";
import { createFeed, deleteFeed, exportCalendar, feedIcs, type IcsDocument } from "../../services/ical-export.ts";
import { importIntoCalendar } from "../../services/import-ics.ts";
import { refreshNow } from "../../services/subscriptions.ts";
import { pathSegment, route } from "../route.ts";
import { ok, sweetdate } from "./envelope.ts";
import { CalendarPath } from "./input.ts";
import { answer, done } from "./doc.ts";
import * as ex from "../openapi/sweetdate-examples.ts";
import * as wire from "./schemas.ts";

/** `<secret>.ics` → the secret. */
const FeedPath = z.object({ file: pathSegment((file) => /^(.+)\.ics$/.exec(file)?.[1] ?? null, "no such feed").describe("`<secret>.ics` as handed out by POST …/feed") });

export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

function icsResponse(req: Request, doc: IcsDocument, filename: string): Response {
  const headers = { etag: doc.etag, "cache-control": "private, no-cache" };
  const match = req.headers.get("if-none-match");
  if (match && match.split(",").some((t) => t.trim() === doc.etag || t.trim() === "*")) return new Response(null, { status: 304, headers });
  return new Response(doc.text, {
    headers: { ...headers, "content-type": "text/calendar; charset=utf-8", "content-disposition": `inline; filename="${filename.replace(/[^\w.-]+/g, "_")}.ics"` },
  });
}

async function readCalendarText(req: Request): Promise<string> {
  const type = (req.headers.get("content-type") ?? "").toLowerCase();
  if (!/^(text\/calendar|text\/plain|application\/octet-stream)\b/.test(type)) {
    throw new AppError("UNSUPPORTED_MEDIA_TYPE", "send the iCalendar file as the body with `Content-Type: text/calendar`");
  }
  const text = await readBodyText(req, MAX_IMPORT_BYTES, () => new AppError("PAYLOAD_TOO_LARGE", "the file is larger than 50 MiB"));
  if (!/BEGIN:VCALENDAR/i.test(text.slice(0, 4096))) throw new AppError("BAD_REQUEST", "the body is not an iCalendar file (no BEGIN:VCALENDAR)");
  return text;
}

// GET /api/v1/calendars/:calendar_id/ics – the calendar as iCalendar (ETag / If-None-Match → 304)
export const exportIcs = route(sweetdate, {
  params: CalendarPath,
  doc: {
    method: "GET", path: "/api/v1/calendars/{calendar_id}/ics", operationId: "exportCalendarIcs", group: "iCalendar",
    summary: "Export a calendar as iCalendar",
    description: "`text/calendar`: one VEVENT per series (RRULE/EXDATE) and one per changed occurrence (RECURRENCE-ID, same UID), TZID times with their VTIMEZONEs, all-day as VALUE=DATE; redacted exactly as the API is (busy blocks titled \"Busy\", private events of others absent). `If-None-Match` with the ETag → 304.",
    requestHeaders: { "If-None-Match": { description: "The ETag of an earlier export: 304 when nothing changed" } },
    responses: {
      200: { description: "The calendar", schema: z.string(), contentType: "text/calendar", example: ex.icsExample, headers: { ETag: { description: "Changes whenever the export would" } } },
      304: { description: "Not modified (If-None-Match matched)" },
    },
    errors: [404],
  },
}, async (ctx) => {
  const doc = await exportCalendar(ctx.params.calendar_id, ctx.caller.user.id, ctx.url.origin);
  return icsResponse(ctx.req, doc, "calendar");
});

// POST /api/v1/calendars/:calendar_id/feed – create or rotate the caller's private feed URL
export const createFeedUrl = route(sweetdate, {
  params: CalendarPath,
  doc: {
    method: "POST", path: "/api/v1/calendars/{calendar_id}/feed", operationId: "createCalendarFeed", group: "iCalendar",
    summary: "Create or rotate your private feed URL",
    description: "The URL needs no header (calendar apps subscribe to it; `webcal://` works), shows what you may see, and carries REFRESH-INTERVAL / X-PUBLISHED-TTL. Posting again rotates it: the old URL answers 404 at once. Only a hash of the secret is stored.",
    responses: { 201: answer(wire.FeedEnvelope, { status: "ok", feed: { url: "https://cal.example.com/feeds/Xq3v9TzK2mWb7RfN4pLs8dYh.ics" } }, "Created") },
    errors: [404],
  },
}, async (ctx) => {
  const feed = await createFeed(ctx.params.calendar_id, ctx.caller.user.id, ctx.url.origin);
  return ok({ feed }, 201);
});

// DELETE /api/v1/calendars/:calendar_id/feed – revoke it (its URL answers 404)
export const deleteFeedUrl = route(sweetdate, {
  params: CalendarPath,
  doc: {
    method: "DELETE", path: "/api/v1/calendars/{calendar_id}/feed", operationId: "deleteCalendarFeed", group: "iCalendar",
    summary: "Revoke your private feed URL", description: "Its URL then answers 404.", responses: { 200: done },
    errors: [404],
  },
}, async (ctx) => {
  await deleteFeed(ctx.params.calendar_id, ctx.caller.user.id);
  return ok({});
});

// POST /api/v1/calendars/:calendar_id/import – a text/calendar body up to 50 MiB
export const importCalendar = route(sweetdate, {
  params: CalendarPath,
  doc: {
    method: "POST", path: "/api/v1/calendars/{calendar_id}/import", operationId: "importCalendarIcs", group: "iCalendar",
    summary: "Import an iCalendar file",
    description: "Body: the file as `text/calendar`, up to 50 MiB. Counted per UID (a series with its overrides counts once); idempotent by UID (importing twice changes nothing; a newer SEQUENCE / LAST-MODIFIED updates); TZIDs incl. Windows zone names, floating times in the calendar's zone, all-day, EXDATE; one bad event never fails the file (`failed`). Members and above; a subscribed calendar answers 403 `READ_ONLY`.",
    body: { schema: z.string().describe("A VCALENDAR"), contentType: "text/calendar", example: ex.icsExample },
    responses: { 200: answer(wire.ImportEnvelope, { status: "ok", import: { created: 2, updated: 0, unchanged: 0, failed: [], warnings: [] } }) },
    errors: [403, 404],
  },
}, async (ctx) => {
  const uuid = ctx.params.calendar_id;
  const text = await readCalendarText(ctx.req);
  const { created, updated, unchanged, failed, warnings } = await importIntoCalendar(uuid, ctx.caller.user.id, text);
  return ok({ import: { created, updated, unchanged, failed, warnings } });
});

// POST /api/v1/calendars/:calendar_id/refresh – fetch a subscribed calendar's source now
export const refreshCalendar = route(sweetdate, {
  params: CalendarPath,
  doc: {
    method: "POST", path: "/api/v1/calendars/{calendar_id}/refresh", operationId: "refreshCalendar", group: "iCalendar",
    summary: "Refresh a subscribed calendar now",
    description: "Fetches the calendar's `source_url` (conditional: ETag / If-Modified-Since) before answering. The server also refreshes on its own, honouring the feed's REFRESH-INTERVAL (default hourly).",
    responses: { 200: answer(wire.RefreshEnvelope, { status: "ok", refresh: { result: "updated", error: null, created: 1, updated: 0, unchanged: 3, deleted: 0, failed: [] } }) },
    errors: [403, 404, 422],
  },
}, async (ctx) => {
  const result = await refreshNow(ctx.params.calendar_id, ctx.caller.user.id);
  const s = result.summary;
  return ok({
    refresh: {
      result: result.status,
      error: result.error,
      created: s?.created ?? 0,
      updated: s?.updated ?? 0,
      unchanged: s?.unchanged ?? 0,
      deleted: s?.deleted ?? 0,
      failed: s?.failed ?? [],
    },
  });
});

// GET /feeds/:secret.ics – a private feed: no header needed, what the feed's owner may see
export const getFeed = route(sweetdate, {
  params: FeedPath, public: true,
  doc: {
    method: "GET", path: "/feeds/{file}", operationId: "getCalendarFeed", group: "iCalendar", auth: "none",
    summary: "A private feed (`<secret>.ics`)",
    description: "No header needed: the secret in the URL is the credential. What the feed's owner may see now; ETag / If-None-Match → 304; 404 once revoked or rotated.",
    responses: {
      200: { description: "The calendar", schema: z.string(), contentType: "text/calendar", example: ex.icsExample },
      304: { description: "Not modified (If-None-Match matched)" },
    },
    errors: [404],
  },
}, async (ctx) => icsResponse(ctx.req, await feedIcs(ctx.params.file, ctx.url.origin), "feed"));
