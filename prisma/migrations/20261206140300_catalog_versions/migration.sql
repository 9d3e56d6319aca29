-- CreateTable
CREATE TABLE "catalog_versions" (
    "slot" INTEGER NOT NULL,
    "version" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "catalog_versions_pkey" PRIMARY KEY ("slot")
);

-- Written by hand from here on (Prisma cannot describe functions or triggers): every statement
-- that changes what a song listing shows adds one to its session's slot, so the sum of the slots
-- (CATALOG_VERSION_SQL in src/catalog/songs/catalog-song-pages.ts) changes with every committed
-- change. 64 slots by backend pid: concurrent writers such as plays and likes rarely share a row,
-- and never all queue behind one counter until their commits.
CREATE FUNCTION catalog_version_bump() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  INSERT INTO catalog_versions AS slots (slot, version) VALUES (pg_backend_pid() % 64, 1)
  ON CONFLICT (slot) DO UPDATE SET version = slots.version + 1\073
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
