-- AlterTable
ALTER TABLE "artists" ADD COLUMN     "demo" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "albums" ADD COLUMN     "demo" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "catalog_songs" ADD COLUMN     "demo" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "settings" (
    "key" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "settings_pkey" PRIMARY KEY ("key")
);

-- Marks the demo data earlier starts generated: the demo label's artists (their bio says so), the
-- artists the analytics demo wrote metrics for, and the demo leads (their made-up MusicBrainz ids)
UPDATE "artists" SET "demo" = true WHERE "bio" LIKE '%(Demo artist.)'
   OR "id" IN (SELECT "artist_id" FROM "artist_metrics_daily" WHERE "source" = 'demo')
   OR "id" IN (SELECT "artist_id" FROM "lead_profiles" WHERE "musicbrainz_id"::text LIKE '00000000-0000-4000-8dd1-%');

UPDATE "albums" SET "demo" = true WHERE "artist_id" IN (SELECT "id" FROM "artists" WHERE "demo");

UPDATE "catalog_songs" SET "demo" = true WHERE "artist_id" IN (SELECT "id" FROM "artists" WHERE "demo");
