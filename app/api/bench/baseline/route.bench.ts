// GET /api/bench/baseline – the benchmark's ceiling: a trivial handler returning the same bytes as
// the list it is compared with. Not part of a production build: the `.bench.ts` extension is a
// route only when the build runs with SWEETDATE_BENCH_BUILD=1 (next.config.ts), which
// `npm run bench` does. Answers the file SWEETDATE_BENCH_BODY names; 404 without it.
import fs from "node:fs";
import { env } from "@/lib/env.ts";

let body: string | null = null;

export async function GET(): Promise<Response> {
  const file = env().SWEETDATE_BENCH_BODY;
  if (!file) return new Response(JSON.stringify({ status: "error", message: "not found", error_code: "NOT_FOUND" }), { status: 404, headers: { "content-type": "application/json" } });
  body ??= fs.readFileSync(file, "utf8");
  return new Response(body, { headers: { "content-type": "application/json; charset=utf-8" } });
}

/** POST: the ceiling for creation — reads the JSON body as a handler does and answers 201 with a created event's bytes. */
export async function POST(request: Request): Promise<Response> {
  const input = (await request.json()) as { title?: string };
  const event = { status: "ok", event: { id: "00000000-0000-4000-8000-000000000000", title: input.title ?? "", calendar_id: "00000000-0000-4000-8000-000000000001", starts_at: "2027-01-01T00:00:00Z", ends_at: "2027-01-01T01:00:00Z", all_day: false, time_zone: "UTC", status: "confirmed", visibility: "public", audience: "group", description: null, location: null, rrule: null, exdates: [], rdates: [], recurring_event_id: null, original_starts_at: null, created_at: "2026-11-27T00:00:00Z", updated_at: "2026-11-27T00:00:00Z" } };
  return new Response(JSON.stringify(event), { status: 201, headers: { "content-type": "application/json; charset=utf-8" } });
}
