-- CreateTable
CREATE TABLE "competing_release_scans" (
    "artist_id" UUID NOT NULL,
    "week_start" DATE NOT NULL,
    "genres" TEXT[],
    "scanned_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "competing_release_scans_pkey" PRIMARY KEY ("artist_id","week_start")
);

-- CreateTable
CREATE TABLE "competing_releases" (
    "artist_id" UUID NOT NULL,
    "week_start" DATE NOT NULL,
    "spotify_album_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "album_type" TEXT,
    "artist_names" TEXT[],
    "release_date" DATE NOT NULL,
    "total_tracks" INTEGER,
    "genres" TEXT[],
    "sources" TEXT[],
    "spotify_url" TEXT NOT NULL,
    "image_url" TEXT,
    "first_seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "competing_releases_pkey" PRIMARY KEY ("artist_id","week_start","spotify_album_id")
);

-- AddForeignKey
ALTER TABLE "competing_release_scans" ADD CONSTRAINT "competing_release_scans_artist_id_fkey" FOREIGN KEY ("artist_id") REFERENCES "artists"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "competing_releases" ADD CONSTRAINT "competing_releases_artist_id_fkey" FOREIGN KEY ("artist_id") REFERENCES "artists"("id") ON DELETE CASCADE ON UPDATE CASCADE;
