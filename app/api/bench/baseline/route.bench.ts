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
