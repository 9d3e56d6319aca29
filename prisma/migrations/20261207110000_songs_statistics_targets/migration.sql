-- Written by hand (Prisma cannot describe statistics targets): no planner statistics for the
-- columns of songs that no query filters, joins, groups or sorts on (the audio features are
-- averaged and shown, never filtered). ANALYZE, which every import ends with, spent 100 of its
-- 345 ms on them (docs/benchmarks.md, "`import-songs`: ANALYZE of the columns queries use").
ALTER TABLE "songs"
  ALTER COLUMN "album_name" SET STATISTICS 0,
  ALTER COLUMN "duration_ms" SET STATISTICS 0,
  ALTER COLUMN "danceability" SET STATISTICS 0,
  ALTER COLUMN "energy" SET STATISTICS 0,
  ALTER COLUMN "valence" SET STATISTICS 0,
  ALTER COLUMN "acousticness" SET STATISTICS 0,
  ALTER COLUMN "instrumentalness" SET STATISTICS 0,
  ALTER COLUMN "speechiness" SET STATISTICS 0,
  ALTER COLUMN "liveness" SET STATISTICS 0,
  ALTER COLUMN "loudness" SET STATISTICS 0,
  ALTER COLUMN "tempo" SET STATISTICS 0,
  ALTER COLUMN "mode" SET STATISTICS 0,
  ALTER COLUMN "key" SET STATISTICS 0,
  ALTER COLUMN "time_signature" SET STATISTICS 0,
  ALTER COLUMN "explicit_known" SET STATISTICS 0,
  ALTER COLUMN "hit_source" SET STATISTICS 0,
  ALTER COLUMN "updated_at" SET STATISTICS 0,
  ALTER COLUMN "album_image" SET STATISTICS 0,
  ALTER COLUMN "preview_url" SET STATISTICS 0;
