-- CreateTable
CREATE TABLE "song_import_deferred_indexes" (
    "name" TEXT NOT NULL,
    "definition" TEXT NOT NULL,

    CONSTRAINT "song_import_deferred_indexes_pkey" PRIMARY KEY ("name")
);
