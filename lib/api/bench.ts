// The trivial route handler `npm run bench` measures our API against (same bytes, no work).
import fs from "node:fs";

let body: string | null = null;

export async function baseline(): Promise<Response> {
  const file = process.env.SWEETDATE_BENCH_BODY;
  if (!file) return new Response(JSON.stringify({ status: "error", message: "not found", error_code: "NOT_FOUND" }), { status: 404, headers: { "content-type": "application/json" } });
  body ??= fs.readFileSync(file, "utf8");
  return new Response(body, { headers: { "content-type": "application/json; charset=utf-8" } });
}
