-- CreateEnum
CREATE TYPE "independence_class" AS ENUM ('self_released', 'small_distributor', 'indie_label', 'major', 'unknown');

-- CreateEnum
CREATE TYPE "lead_tier" AS ENUM ('A', 'B', 'C', 'D');

-- CreateEnum
CREATE TYPE "outreach_status" AS ENUM ('new', 'contacted', 'responded', 'converted', 'declined');

-- CreateTable
CREATE TABLE "lead_recordings" (
    "isrc" TEXT NOT NULL,
    "title" TEXT,
    "artist_id" UUID,
    "musicbrainz_id" UUID,
    "length_ms" INTEGER,
    "release_title" TEXT,
    "release_date" TEXT,
    "label_name" TEXT,
    "distributor_name" TEXT,
    "spotify_track_id" TEXT,
    "spotify_popularity" INTEGER,
    "sources" TEXT[],
    "analyzed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "lead_recordings_pkey" PRIMARY KEY ("isrc")
);

-- CreateTable
CREATE TABLE "lead_profiles" (
    "artist_id" UUID NOT NULL,
    "musicbrainz_id" UUID,
    "country" TEXT,
    "area" TEXT,
    "region" TEXT NOT NULL DEFAULT 'unknown',
    "independence" "independence_class" NOT NULL DEFAULT 'unknown',
    "label_name" TEXT,
    "distributor_name" TEXT,
    "independence_score" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "opportunity_score" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "geography_score" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "total_score" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "tier" "lead_tier" NOT NULL DEFAULT 'D',
    "breakdown" JSONB NOT NULL DEFAULT '{}',
    "spotify_artist_id" TEXT,
    "spotify_followers" INTEGER,
    "spotify_popularity" INTEGER,
    "genres" TEXT[],
    "lastfm_listeners" INTEGER,
    "lastfm_playcount" BIGINT,
    "youtube_channel_id" TEXT,
    "youtube_subscribers" INTEGER,
    "youtube_views" BIGINT,
    "youtube_video_count" INTEGER,
    "youtube_recent_uploads" INTEGER,
    "youtube_last_upload_at" TIMESTAMPTZ(3),
    "youtube_checked_at" TIMESTAMPTZ(3),
    "outreach_status" "outreach_status" NOT NULL DEFAULT 'new',
    "outreach_notes" TEXT NOT NULL DEFAULT '',
    "first_seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "scored_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "lead_profiles_pkey" PRIMARY KEY ("artist_id")
);

-- CreateTable
CREATE TABLE "lead_contacts" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "artist_id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "lead_contacts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "lead_outreach_events" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "artist_id" UUID NOT NULL,
    "status" "outreach_status" NOT NULL,
    "notes" TEXT NOT NULL DEFAULT '',
    "user_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "lead_outreach_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "source_cache" (
    "source" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "status" INTEGER NOT NULL,
    "body" JSONB NOT NULL,
    "fetched_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "source_cache_pkey" PRIMARY KEY ("source","key")
);

-- CreateTable
CREATE TABLE "source_rate_limits" (
    "source" TEXT NOT NULL,
    "next_slot_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "source_rate_limits_pkey" PRIMARY KEY ("source")
);

-- CreateTable
CREATE TABLE "source_usage" (
    "source" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "requests" INTEGER NOT NULL DEFAULT 0,
    "errors" INTEGER NOT NULL DEFAULT 0,
    "units" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "source_usage_pkey" PRIMARY KEY ("source","day")
);

-- CreateTable
CREATE TABLE "lead_job_items" (
    "job_id" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "isrc" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "error" TEXT,
    "artist_id" UUID,
    "finished_at" TIMESTAMPTZ(3),

    CONSTRAINT "lead_job_items_pkey" PRIMARY KEY ("job_id","position")
);

-- CreateIndex
CREATE INDEX "lead_recordings_artist_id_idx" ON "lead_recordings"("artist_id");

-- CreateIndex
CREATE UNIQUE INDEX "lead_profiles_musicbrainz_id_key" ON "lead_profiles"("musicbrainz_id");

-- CreateIndex
CREATE INDEX "lead_profiles_tier_total_score_idx" ON "lead_profiles"("tier", "total_score");

-- CreateIndex
CREATE INDEX "lead_profiles_region_idx" ON "lead_profiles"("region");

-- CreateIndex
CREATE INDEX "lead_profiles_outreach_status_idx" ON "lead_profiles"("outreach_status");

-- CreateIndex
CREATE UNIQUE INDEX "lead_contacts_artist_id_kind_value_key" ON "lead_contacts"("artist_id", "kind", "value");

-- CreateIndex
CREATE INDEX "lead_outreach_events_artist_id_created_at_idx" ON "lead_outreach_events"("artist_id", "created_at");

-- CreateIndex
CREATE INDEX "source_cache_expires_at_idx" ON "source_cache"("expires_at");

-- CreateIndex
CREATE INDEX "lead_job_items_job_id_status_idx" ON "lead_job_items"("job_id", "status");

-- AddForeignKey
ALTER TABLE "lead_recordings" ADD CONSTRAINT "lead_recordings_artist_id_fkey" FOREIGN KEY ("artist_id") REFERENCES "artists"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "lead_profiles" ADD CONSTRAINT "lead_profiles_artist_id_fkey" FOREIGN KEY ("artist_id") REFERENCES "artists"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "lead_contacts" ADD CONSTRAINT "lead_contacts_artist_id_fkey" FOREIGN KEY ("artist_id") REFERENCES "lead_profiles"("artist_id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "lead_outreach_events" ADD CONSTRAINT "lead_outreach_events_artist_id_fkey" FOREIGN KEY ("artist_id") REFERENCES "lead_profiles"("artist_id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "lead_outreach_events" ADD CONSTRAINT "lead_outreach_events_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
