-- AlterTable (plain ADD COLUMNs: Prisma's diff rebuilt both tables, which a large events table need not pay for)
ALTER TABLE "calendars" ADD COLUMN "default_reminders" TEXT NOT NULL DEFAULT '[]';

-- AlterTable
ALTER TABLE "events" ADD COLUMN "reminders" TEXT NOT NULL DEFAULT '[]';
