-- CreateTable
-- UNLOGGED (the Prisma schema cannot say so): no WAL for counts that matter for one window.
-- After a crash PostgreSQL empties the table, which at worst gives every client a fresh window.
CREATE UNLOGGED TABLE "request_counts" (
    "bucket" TEXT NOT NULL,
    "window_start" TIMESTAMPTZ(3) NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "request_counts_pkey" PRIMARY KEY ("bucket","window_start")
);

-- CreateIndex
CREATE INDEX "request_counts_window_start_idx" ON "request_counts"("window_start");
