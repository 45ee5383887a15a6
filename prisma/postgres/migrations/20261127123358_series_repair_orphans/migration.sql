-- Data repair (no schema change): overrides left behind by concurrent series edits before series
-- writes were serialised (issue 15). An override is an orphan when its series is deleted or no longer
-- recurs, or when its original start lies outside the series: before its first start, or after its
-- end (written against a series that a concurrent "following" edit split at the same moment, so the
-- new series shows that day too). Such rows showed in lists but could be neither read nor deleted.
-- They are soft-deleted like any deleted event (sequence bumped, so sync clients learn of it).
UPDATE "events" SET
  "deleted_at" = CURRENT_TIMESTAMP,
  "sequence" = "sequence" + 1
WHERE "series_id" IS NOT NULL AND "deleted_at" IS NULL AND EXISTS (
  SELECT 1 FROM "events" AS s WHERE s."id" = "events"."series_id" AND (
    s."deleted_at" IS NOT NULL
    OR s."rrule" IS NULL
    OR s."series_id" IS NOT NULL
    OR "events"."original_starts_at" < s."starts_at"
    OR "events"."original_starts_at" > s."recurrence_ends_at"
    OR ("events"."original_starts_at" = s."recurrence_ends_at" AND s."ends_at" > s."starts_at")
  )
);
