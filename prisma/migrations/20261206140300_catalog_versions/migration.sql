-- CreateTable
CREATE TABLE "catalog_versions" (
    "slot" INTEGER NOT NULL,
    "version" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "catalog_versions_pkey" PRIMARY KEY ("slot")
);

-- Written by hand from here on (Prisma cannot describe functions or triggers): every statement
-- that changes what a song listing shows adds one to a slot, so the sum of the slots
-- (CATALOG_VERSION in src/catalog/songs/catalog-song-page.ts) changes with every committed change.
-- A writer takes the first slot no other transaction holds, starting from its backend pid's, so
-- concurrent writers such as plays and likes never wait for each other's commits (nor deadlock
-- on a shared counter). Only when all 64 are held does it wait for its own.
INSERT INTO "catalog_versions" ("slot") SELECT generate_series(0, 63);

CREATE FUNCTION catalog_version_bump() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  UPDATE catalog_versions SET version = version + 1
  WHERE slot = (SELECT slot FROM catalog_versions ORDER BY (slot + 64 - pg_backend_pid() % 64) % 64 LIMIT 1 FOR UPDATE SKIP LOCKED)\073
  IF NOT FOUND THEN
    INSERT INTO catalog_versions AS slots (slot, version) VALUES (pg_backend_pid() % 64, 1)
    ON CONFLICT (slot) DO UPDATE SET version = slots.version + 1\073
  END IF\073
  RETURN NULL\073
END';

CREATE TRIGGER "catalog_songs_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "catalog_songs"
FOR EACH STATEMENT EXECUTE FUNCTION catalog_version_bump();

CREATE TRIGGER "artists_catalog_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "artists"
FOR EACH STATEMENT EXECUTE FUNCTION catalog_version_bump();

CREATE TRIGGER "albums_catalog_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "albums"
FOR EACH STATEMENT EXECUTE FUNCTION catalog_version_bump();

CREATE TRIGGER "genres_catalog_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "genres"
FOR EACH STATEMENT EXECUTE FUNCTION catalog_version_bump();

CREATE TRIGGER "catalog_song_genres_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "catalog_song_genres"
FOR EACH STATEMENT EXECUTE FUNCTION catalog_version_bump();
