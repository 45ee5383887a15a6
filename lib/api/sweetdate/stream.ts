// GET /api/v1/stream: Server-Sent Events of calendar changes (SPEC §11), cookie or Bearer.
import { openChangeStream } from "../../services/change-stream.ts";
import { route } from "../route.ts";
import { sweetdate } from "./envelope.ts";
import { env } from "../../env.ts";
import {  } from "./doc.ts";
import { z } from "zod";

// GET /api/v1/stream – live change frames for every calendar the caller is a member of
export const stream = route(sweetdate, {
  doc: {
    method: "GET", path: "/api/v1/stream", operationId: "streamChanges", group: "Events",
    summary: "Live changes (Server-Sent Events)",
    description:
      "A `text/event-stream` that stays open: `event: ready` first (its `id` is where a reconnect resumes), then `event: change` with `data: {\"calendar_id\", \"sync_token\"}` whenever a calendar you are a member of changes (`sync_token` is that calendar's token after the change, for `?sync_token=` sync), and a `: ping` comment every 20 s. Reconnect with `Last-Event-ID` (any instance) to get one frame per calendar that changed meanwhile.",
    requestHeaders: { "Last-Event-ID": { description: "The `id` of the last frame you received: resume from there" } },
    responses: {
      200: {
        description: "An open event stream",
        contentType: "text/event-stream",
        schema: z.string(),
        example: 'event: change\nid: MTI6NDM\ndata: {"calendar_id":"6f1c2d0e-…","sync_token":"MTIuNy40Mw.k2…"}\n\n',
      },
    },
  },
}, async (ctx) => {
  const lastEventId = ctx.req.headers.get("last-event-id");
  const encoder = new TextEncoder();
  let close = () => {};
  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      let open = true;
      const send = (text: string) => {
        if (!open) return;
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          close();
        }
      };
      // Browsers reconnect after this many ms (with Last-Event-ID).
      send("retry: 1000\n\n");
      const stop = await openChangeStream(ctx.caller.user.id, lastEventId, send);
      const ping = setInterval(() => send(": ping\n\n"), env().SWEETDATE_STREAM_PING_MS);
      close = () => {
        if (!open) return;
        open = false;
        clearInterval(ping);
        stop();
        try {
          controller.close();
        } catch {
          /* already closed by the client */
        }
      };
      if (ctx.req.signal.aborted) close();
      ctx.req.signal.addEventListener("abort", () => close(), { once: true });
    },
    cancel() {
      close();
    },
  });
  return new Response(body, {
    headers: {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-cache, no-transform",
      // nginx and similar proxies: do not buffer the stream.
      "x-accel-buffering": "no",
    },
  });
});
