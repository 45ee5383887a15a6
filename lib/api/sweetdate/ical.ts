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
export const exportIcs = route(sweetdate, { params: CalendarPath }, async (ctx) => {
  const doc = await exportCalendar(ctx.params.calendar_id, ctx.caller.user.id, ctx.url.origin);
  return icsResponse(ctx.req, doc, "calendar");
});

// POST /api/v1/calendars/:calendar_id/feed – create or rotate the caller's private feed URL
export const createFeedUrl = route(sweetdate, { params: CalendarPath }, async (ctx) => {
  const feed = await createFeed(ctx.params.calendar_id, ctx.caller.user.id, ctx.url.origin);
  return ok({ feed }, 201);
});

// DELETE /api/v1/calendars/:calendar_id/feed – revoke it (its URL answers 404)
export const deleteFeedUrl = route(sweetdate, { params: CalendarPath }, async (ctx) => {
  await deleteFeed(ctx.params.calendar_id, ctx.caller.user.id);
  return ok({});
});

// POST /api/v1/calendars/:calendar_id/import – a text/calendar body up to 50 MiB
export const importCalendar = route(sweetdate, { params: CalendarPath }, async (ctx) => {
  const uuid = ctx.params.calendar_id;
  const text = await readCalendarText(ctx.req);
  const { created, updated, unchanged, failed, warnings } = await importIntoCalendar(uuid, ctx.caller.user.id, text);
  return ok({ import: { created, updated, unchanged, failed, warnings } });
});

// POST /api/v1/calendars/:calendar_id/refresh – fetch a subscribed calendar's source now
export const refreshCalendar = route(sweetdate, { params: CalendarPath }, async (ctx) => {
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
export const getFeed = route(sweetdate, { params: FeedPath, public: true }, async (ctx) => icsResponse(ctx.req, await feedIcs(ctx.params.file, ctx.url.origin), "feed"));
