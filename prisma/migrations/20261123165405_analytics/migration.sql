-- CreateEnum
CREATE TYPE "analytics_platform" AS ENUM ('spotify', 'instagram', 'tiktok', 'youtube', 'apple_music');

-- CreateEnum
CREATE TYPE "alert_type" AS ENUM ('viral_spike', 'viral_momentum', 'breakout');

-- CreateTable
CREATE TABLE "artist_metrics_daily" (
    "artist_id" UUID NOT NULL,
    "platform" "analytics_platform" NOT NULL,
    "date" DATE NOT NULL,
    "followers" INTEGER,
    "monthly_listeners" INTEGER,
    "popularity" INTEGER,
    "streams" INTEGER NOT NULL DEFAULT 0,
    "likes" INTEGER NOT NULL DEFAULT 0,
    "comments" INTEGER NOT NULL DEFAULT 0,
    "shares" INTEGER NOT NULL DEFAULT 0,
    "saves" INTEGER NOT NULL DEFAULT 0,
    "playlist_adds" INTEGER NOT NULL DEFAULT 0,
    "views" INTEGER NOT NULL DEFAULT 0,
    "source" TEXT NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "artist_metrics_daily_pkey" PRIMARY KEY ("artist_id","platform","date")
);

-- CreateTable
CREATE TABLE "artist_posts" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "artist_id" UUID NOT NULL,
    "platform" "analytics_platform" NOT NULL,
    "external_id" TEXT NOT NULL,
    "posted_at" TIMESTAMPTZ(3) NOT NULL,
    "caption" TEXT NOT NULL DEFAULT '',
    "likes" INTEGER NOT NULL DEFAULT 0,
    "comments" INTEGER NOT NULL DEFAULT 0,
    "shares" INTEGER NOT NULL DEFAULT 0,
    "saves" INTEGER NOT NULL DEFAULT 0,
    "views" INTEGER NOT NULL DEFAULT 0,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "artist_posts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "fan_events" (
    "id" BIGSERIAL NOT NULL,
    "artist_id" UUID NOT NULL,
    "fan_id" TEXT NOT NULL,
    "platform" "analytics_platform",
    "occurred_at" TIMESTAMPTZ(3) NOT NULL,
    "streams" INTEGER NOT NULL DEFAULT 0,
    "saves" INTEGER NOT NULL DEFAULT 0,
    "shares" INTEGER NOT NULL DEFAULT 0,
    "purchases" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "fan_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "artist_scores" (
    "artist_id" UUID NOT NULL,
    "date" DATE NOT NULL,
    "fan_value_score" DOUBLE PRECISION,
    "fvs_engagement" DOUBLE PRECISION,
    "fvs_growth" DOUBLE PRECISION,
    "fvs_reach" DOUBLE PRECISION,
    "fvs_conversion" DOUBLE PRECISION,
    "momentum" DOUBLE PRECISION,
    "momentum_status" TEXT,
    "momentum_velocity" DOUBLE PRECISION,
    "momentum_acceleration" DOUBLE PRECISION,
    "momentum_consistency" DOUBLE PRECISION,
    "momentum_viral_potential" DOUBLE PRECISION,
    "breakout_probability" DOUBLE PRECISION,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "artist_scores_pkey" PRIMARY KEY ("artist_id","date")
);

-- CreateTable
CREATE TABLE "analytics_alerts" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "artist_id" UUID NOT NULL,
    "type" "alert_type" NOT NULL,
    "dedupe_key" TEXT NOT NULL,
    "severity" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "details" JSONB NOT NULL DEFAULT '{}',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "acknowledged_at" TIMESTAMPTZ(3),
    "acknowledged_by_id" UUID,

    CONSTRAINT "analytics_alerts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "artist_platform_accounts" (
    "artist_id" UUID NOT NULL,
    "platform" "analytics_platform" NOT NULL,
    "external_id" TEXT NOT NULL,
    "url" TEXT,
    "last_sync_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "artist_platform_accounts_pkey" PRIMARY KEY ("artist_id","platform")
);

-- CreateTable
CREATE TABLE "spotify_connections" (
    "artist_id" UUID NOT NULL,
    "spotify_user_id" TEXT NOT NULL,
    "display_name" TEXT,
    "scope" TEXT NOT NULL DEFAULT '',
    "access_token_encrypted" TEXT NOT NULL,
    "refresh_token_encrypted" TEXT NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "connected_by_id" UUID,
    "last_error" TEXT,
    "refreshed_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "spotify_connections_pkey" PRIMARY KEY ("artist_id")
);

-- CreateTable
CREATE TABLE "artist_team_members" (
    "artist_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "added_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "artist_team_members_pkey" PRIMARY KEY ("artist_id","user_id")
);

-- CreateTable
CREATE TABLE "release_scores" (
    "song_id" UUID NOT NULL,
    "artist_id" UUID NOT NULL,
    "plays" INTEGER NOT NULL,
    "likes" INTEGER NOT NULL,
    "relative_to_artist" DOUBLE PRECISION,
    "score" DOUBLE PRECISION NOT NULL,
    "computed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "release_scores_pkey" PRIMARY KEY ("song_id")
);

-- CreateTable
CREATE TABLE "email_outbox" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "to" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "html" TEXT,
    "transport" TEXT NOT NULL,
    "sent_at" TIMESTAMPTZ(3),
    "error" TEXT,
    "dedupe_key" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "email_outbox_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "artist_metrics_daily_artist_id_date_idx" ON "artist_metrics_daily"("artist_id", "date");

-- CreateIndex
CREATE INDEX "artist_metrics_daily_date_idx" ON "artist_metrics_daily"("date");

-- CreateIndex
CREATE INDEX "artist_posts_artist_id_posted_at_idx" ON "artist_posts"("artist_id", "posted_at");

-- CreateIndex
CREATE UNIQUE INDEX "artist_posts_artist_id_platform_external_id_key" ON "artist_posts"("artist_id", "platform", "external_id");

-- CreateIndex
CREATE INDEX "fan_events_artist_id_occurred_at_idx" ON "fan_events"("artist_id", "occurred_at");

-- CreateIndex
CREATE UNIQUE INDEX "fan_events_artist_fan_time_key" ON "fan_events"("artist_id", "fan_id", "occurred_at");

-- CreateIndex
CREATE INDEX "artist_scores_date_idx" ON "artist_scores"("date");

-- CreateIndex
CREATE INDEX "analytics_alerts_created_at_idx" ON "analytics_alerts"("created_at");

-- CreateIndex
CREATE UNIQUE INDEX "analytics_alerts_artist_id_type_dedupe_key_key" ON "analytics_alerts"("artist_id", "type", "dedupe_key");

-- CreateIndex
CREATE UNIQUE INDEX "artist_platform_accounts_platform_external_id_key" ON "artist_platform_accounts"("platform", "external_id");

-- CreateIndex
CREATE INDEX "spotify_connections_expires_at_idx" ON "spotify_connections"("expires_at");

-- CreateIndex
CREATE INDEX "artist_team_members_user_id_idx" ON "artist_team_members"("user_id");

-- CreateIndex
CREATE INDEX "release_scores_artist_id_idx" ON "release_scores"("artist_id");

-- CreateIndex
CREATE UNIQUE INDEX "email_outbox_dedupe_key_key" ON "email_outbox"("dedupe_key");

-- CreateIndex
CREATE INDEX "email_outbox_created_at_idx" ON "email_outbox"("created_at");

-- AddForeignKey
ALTER TABLE "artist_metrics_daily" ADD CONSTRAINT "artist_metrics_daily_artist_id_fkey" FOREIGN KEY ("artist_id") REFERENCES "artists"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "artist_posts" ADD CONSTRAINT "artist_posts_artist_id_fkey" FOREIGN KEY ("artist_id") REFERENCES "artists"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "fan_events" ADD CONSTRAINT "fan_events_artist_id_fkey" FOREIGN KEY ("artist_id") REFERENCES "artists"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "artist_scores" ADD CONSTRAINT "artist_scores_artist_id_fkey" FOREIGN KEY ("artist_id") REFERENCES "artists"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "analytics_alerts" ADD CONSTRAINT "analytics_alerts_artist_id_fkey" FOREIGN KEY ("artist_id") REFERENCES "artists"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "analytics_alerts" ADD CONSTRAINT "analytics_alerts_acknowledged_by_id_fkey" FOREIGN KEY ("acknowledged_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "artist_platform_accounts" ADD CONSTRAINT "artist_platform_accounts_artist_id_fkey" FOREIGN KEY ("artist_id") REFERENCES "artists"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "spotify_connections" ADD CONSTRAINT "spotify_connections_artist_id_fkey" FOREIGN KEY ("artist_id") REFERENCES "artists"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "spotify_connections" ADD CONSTRAINT "spotify_connections_connected_by_id_fkey" FOREIGN KEY ("connected_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "artist_team_members" ADD CONSTRAINT "artist_team_members_artist_id_fkey" FOREIGN KEY ("artist_id") REFERENCES "artists"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "artist_team_members" ADD CONSTRAINT "artist_team_members_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "release_scores" ADD CONSTRAINT "release_scores_song_id_fkey" FOREIGN KEY ("song_id") REFERENCES "catalog_songs"("id") ON DELETE CASCADE ON UPDATE CASCADE;
