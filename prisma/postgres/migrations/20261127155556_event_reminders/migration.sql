-- AlterTable
ALTER TABLE "calendars" ADD COLUMN     "default_reminders" TEXT NOT NULL DEFAULT '[]';

-- AlterTable
ALTER TABLE "events" ADD COLUMN     "reminders" TEXT NOT NULL DEFAULT '[]';
