-- Rate-limit counters are counted on every request and worth nothing after a crash: an UNLOGGED
-- table writes no WAL, so counting a request no longer waits for a WAL flush (fsync) at commit.
-- After a crash PostgreSQL empties it, which only restarts the current windows.
ALTER TABLE "rate_limit_buckets" SET UNLOGGED;
