-- AlterTable
ALTER TABLE "events" ADD COLUMN     "dav_href" TEXT,
ADD COLUMN     "ical_hash" TEXT,
ADD COLUMN     "ical_last_modified" TIMESTAMP(3),
ADD COLUMN     "ical_sequence" INTEGER,
ADD COLUMN     "ical_uid" TEXT;

-- CreateTable
CREATE TABLE "calendar_feeds" (
    "id" SERIAL NOT NULL,
    "calendar_id" INTEGER NOT NULL,
    "user_id" INTEGER NOT NULL,
    "secret_hash" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "calendar_feeds_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ics_subscriptions" (
    "id" SERIAL NOT NULL,
    "calendar_id" INTEGER NOT NULL,
    "source_url" TEXT NOT NULL,
    "etag" TEXT,
    "last_modified" TEXT,
    "refresh_interval_seconds" INTEGER NOT NULL DEFAULT 3600,
    "last_fetched_at" TIMESTAMP(3),
    "next_fetch_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_error" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ics_subscriptions_pkey" PRIMARY KEY ("id")
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

-- AddForeignKey
ALTER TABLE "calendar_feeds" ADD CONSTRAINT "calendar_feeds_calendar_id_fkey" FOREIGN KEY ("calendar_id") REFERENCES "calendars"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "calendar_feeds" ADD CONSTRAINT "calendar_feeds_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ics_subscriptions" ADD CONSTRAINT "ics_subscriptions_calendar_id_fkey" FOREIGN KEY ("calendar_id") REFERENCES "calendars"("id") ON DELETE CASCADE ON UPDATE CASCADE;

