-- Nothing to do on SQLite: one process counts rate limits in memory (lib/api/rate-limit.ts).
-- (The PostgreSQL migration of the same name makes rate_limit_buckets UNLOGGED.)
SELECT 1;
