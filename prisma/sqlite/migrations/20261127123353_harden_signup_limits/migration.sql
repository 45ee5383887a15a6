-- CreateTable
CREATE TABLE "invitations" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "uuid" TEXT NOT NULL,
    "token_hash" TEXT NOT NULL,
    "email" TEXT,
    "created_by_id" INTEGER,
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" DATETIME NOT NULL,
    "used_at" DATETIME,
    "used_by_id" INTEGER,
    "revoked_at" DATETIME
);

-- CreateTable
CREATE TABLE "instance_settings" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "value" TEXT NOT NULL,
    "updated_at" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "rate_limit_buckets" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "window_start" BIGINT NOT NULL,
    "expires_at" BIGINT NOT NULL,
    "hits" INTEGER NOT NULL
);

-- AlterTable (a plain ADD COLUMN: no need to rebuild the users table)
ALTER TABLE "users" ADD COLUMN "is_admin" BOOLEAN NOT NULL DEFAULT false;

-- CreateIndex
CREATE UNIQUE INDEX "invitations_uuid_key" ON "invitations"("uuid");

-- CreateIndex
CREATE UNIQUE INDEX "invitations_token_hash_key" ON "invitations"("token_hash");

-- CreateIndex
CREATE INDEX "rate_limit_buckets_expires_at_idx" ON "rate_limit_buckets"("expires_at");


-- The first account of an existing installation is its admin.
UPDATE "users" SET "is_admin" = 1 WHERE "id" = (SELECT MIN("id") FROM "users");

-- Search text stores LIKE's specials as private-use characters (lib/domain/search.ts searchKey).
UPDATE "events" SET "search_text" = replace(replace(replace("search_text", '\', char(57346)), '%', char(57344)), '_', char(57345));
