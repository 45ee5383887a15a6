// GET /api/bench/baseline – the benchmark's ceiling: a trivial handler returning fixed bytes.
// Answers only when SWEETDATE_BENCH_BODY names a file (set by `npm run bench`); 404 otherwise.
export { baseline as GET } from "@/lib/api/bench.ts";
