-- AlterTable
ALTER TABLE "calendars" ADD COLUMN "dav_name" TEXT;

-- CreateIndex
CREATE INDEX "calendars_dav_name_idx" ON "calendars"("dav_name");

