-- AlterTable
ALTER TABLE "events" ADD COLUMN "dav_href" TEXT;
ALTER TABLE "events" ADD COLUMN "ical_hash" TEXT;
ALTER TABLE "events" ADD COLUMN "ical_last_modified" DATETIME;
ALTER TABLE "events" ADD COLUMN "ical_sequence" INTEGER;
ALTER TABLE "events" ADD COLUMN "ical_uid" TEXT;

-- CreateTable
CREATE TABLE "calendar_feeds" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "calendar_id" INTEGER NOT NULL,
    "user_id" INTEGER NOT NULL,
    "secret_hash" TEXT NOT NULL,
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "calendar_feeds_calendar_id_fkey" FOREIGN KEY ("calendar_id") REFERENCES "calendars" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "calendar_feeds_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ics_subscriptions" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "calendar_id" INTEGER NOT NULL,
    "source_url" TEXT NOT NULL,
    "etag" TEXT,
    "last_modified" TEXT,
    "refresh_interval_seconds" INTEGER NOT NULL DEFAULT 3600,
    "last_fetched_at" DATETIME,
    "next_fetch_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_error" TEXT,
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ics_subscriptions_calendar_id_fkey" FOREIGN KEY ("calendar_id") REFERENCES "calendars" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "calendar_feeds_secret_hash_key" ON "calendar_feeds"("secret_hash");

-- CreateIndex
CREATE UNIQUE INDEX "calendar_feeds_calendar_id_user_id_key" ON "calendar_feeds"("calendar_id", "user_id");

-- CreateIndex
CREATE UNIQUE INDEX "ics_subscriptions_calendar_id_key" ON "ics_subscriptions"("calendar_id");

-- CreateIndex
CREATE INDEX "ics_subscriptions_next_fetch_at_idx" ON "ics_subscriptions"("next_fetch_at");

-- CreateIndex
CREATE INDEX "events_calendar_id_ical_uid_idx" ON "events"("calendar_id", "ical_uid");

