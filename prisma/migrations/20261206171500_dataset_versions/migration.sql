-- CreateTable
CREATE TABLE "dataset_versions" (
    "slot" INTEGER NOT NULL,
    "version" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "dataset_versions_pkey" PRIMARY KEY ("slot")
);

-- Written by hand from here on (Prisma cannot describe functions or triggers): every statement
-- that changes the songs adds one to a slot, so the sum of the slots (DATASET_VERSION in
-- src/features/dataset/song-search.service.ts) changes with every committed change, and a
-- search answer kept under an older sum is never given again. As catalog_versions: a writer takes
-- the first slot no other transaction holds, starting from its backend pid's, so concurrent
-- writers (songs found on Spotify, imports) never wait for each other's commits on it.
INSERT INTO "dataset_versions" ("slot") SELECT generate_series(0, 63);

CREATE FUNCTION dataset_version_bump() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  UPDATE dataset_versions SET version = version + 1
  WHERE slot = (SELECT slot FROM dataset_versions ORDER BY (slot + 64 - pg_backend_pid() % 64) % 64 LIMIT 1 FOR UPDATE SKIP LOCKED)\073
  IF NOT FOUND THEN
    INSERT INTO dataset_versions AS slots (slot, version) VALUES (pg_backend_pid() % 64, 1)
    ON CONFLICT (slot) DO UPDATE SET version = slots.version + 1\073
  END IF\073
  RETURN NULL\073
END';

CREATE TRIGGER "songs_dataset_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "songs"
FOR EACH STATEMENT EXECUTE FUNCTION dataset_version_bump();

-- The vocabulary's trigram index kept every word in its pending list (fastupdate, under its 4 MB
-- limit), which the search's word lookups then read in full: merged once here, and by every import
-- from now on (docs/benchmarks.md).
SELECT gin_clean_pending_list('search_words_word_trgm_idx'::regclass);
