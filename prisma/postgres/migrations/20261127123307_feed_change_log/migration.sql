-- CreateTable
CREATE TABLE "change_log" (
    "id" SERIAL NOT NULL,
    "calendar_id" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    "event_id" INTEGER,
    "former_key" TEXT,
    "user_id" INTEGER,
    "kind" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "change_log_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "calendar_sync" (
    "calendar_id" INTEGER NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,
    "floor" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "calendar_sync_pkey" PRIMARY KEY ("calendar_id")
);

-- CreateTable
CREATE TABLE "server_secrets" (
    "name" TEXT NOT NULL,
    "value" TEXT NOT NULL,

    CONSTRAINT "server_secrets_pkey" PRIMARY KEY ("name")
);

-- CreateIndex
CREATE INDEX "change_log_calendar_id_version_idx" ON "change_log"("calendar_id", "version");

-- CreateIndex
CREATE INDEX "change_log_created_at_idx" ON "change_log"("created_at");

