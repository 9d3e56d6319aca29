-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateExtension
CREATE EXTENSION IF NOT EXISTS "pg_trgm";

-- CreateEnum
CREATE TYPE "song_source" AS ENUM ('dataset', 'user', 'spotify');

-- CreateEnum
CREATE TYPE "hit_source" AS ENUM ('popularity', 'label');

-- CreateTable
CREATE TABLE "songs" (
    "id" SERIAL NOT NULL,
    "track_id" VARCHAR(64),
    "track_name" TEXT NOT NULL,
    "artists" TEXT NOT NULL,
    "album_name" TEXT,
    "popularity" SMALLINT,
    "track_genre" TEXT,
    "duration_ms" INTEGER NOT NULL,
    "danceability" DOUBLE PRECISION NOT NULL,
    "energy" DOUBLE PRECISION NOT NULL,
    "valence" DOUBLE PRECISION NOT NULL,
    "acousticness" DOUBLE PRECISION NOT NULL,
    "instrumentalness" DOUBLE PRECISION NOT NULL,
    "speechiness" DOUBLE PRECISION NOT NULL,
    "liveness" DOUBLE PRECISION NOT NULL,
    "loudness" DOUBLE PRECISION NOT NULL,
    "tempo" DOUBLE PRECISION NOT NULL,
    "mode" SMALLINT NOT NULL,
    "key" SMALLINT NOT NULL,
    "time_signature" SMALLINT NOT NULL,
    "explicit" BOOLEAN NOT NULL DEFAULT false,
    "explicit_known" BOOLEAN NOT NULL DEFAULT true,
    "is_acoustic" BOOLEAN NOT NULL,
    "is_instrumental" BOOLEAN NOT NULL,
    "is_hit" BOOLEAN NOT NULL,
    "hit_source" "hit_source" NOT NULL,
    "source" "song_source" NOT NULL DEFAULT 'dataset',
    "decade" SMALLINT,
    "dataset" TEXT,
    "search_text" TEXT NOT NULL,
    "search_title" TEXT NOT NULL,
    "search_artists" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "songs_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "songs_track_id_key" ON "songs"("track_id");

-- CreateIndex
CREATE INDEX "songs_track_name_artists_idx" ON "songs"("track_name", "artists");

-- CreateIndex
CREATE INDEX "songs_popularity_idx" ON "songs"("popularity");

-- CreateIndex
CREATE INDEX "songs_is_hit_idx" ON "songs"("is_hit");

-- CreateIndex
CREATE INDEX "songs_created_at_idx" ON "songs"("created_at");

-- CreateIndex
CREATE INDEX "songs_search_text_trgm_idx" ON "songs" USING GIN ("search_text" gin_trgm_ops);
