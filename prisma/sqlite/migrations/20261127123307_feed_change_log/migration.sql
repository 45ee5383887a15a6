-- CreateTable
CREATE TABLE "change_log" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "calendar_id" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    "event_id" INTEGER,
    "former_key" TEXT,
    "user_id" INTEGER,
    "kind" TEXT NOT NULL,
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "calendar_sync" (
    "calendar_id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "version" INTEGER NOT NULL DEFAULT 0,
    "floor" INTEGER NOT NULL DEFAULT 0
);

-- CreateTable
CREATE TABLE "server_secrets" (
    "name" TEXT NOT NULL PRIMARY KEY,
    "value" TEXT NOT NULL
);

-- CreateIndex
CREATE INDEX "change_log_calendar_id_version_idx" ON "change_log"("calendar_id", "version");

-- CreateIndex
CREATE INDEX "change_log_created_at_idx" ON "change_log"("created_at");

