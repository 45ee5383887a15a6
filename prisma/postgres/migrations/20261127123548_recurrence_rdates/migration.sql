-- AlterTable
ALTER TABLE "events" ADD COLUMN     "rdates" TEXT NOT NULL DEFAULT '[]';

