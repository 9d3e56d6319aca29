-- CreateTable
CREATE TABLE "search_words" (
    "word" TEXT NOT NULL,

    CONSTRAINT "search_words_pkey" PRIMARY KEY ("word")
);

-- CreateIndex
CREATE INDEX "search_words_word_trgm_idx" ON "search_words" USING GIN ("word" gin_trgm_ops);

-- Written by hand from here on (Prisma cannot describe expression indexes, sort orders with
-- NULLS LAST, functions or triggers): what the dataset search (SongSearchService) reads.

-- The words of a song's search text. Words longer than 200 characters are cut to their first 200,
-- so an index entry stays below PostgreSQL's size limit. Not STRICT, so the planner inlines it
-- and matches the index expression.
CREATE FUNCTION song_search_words(text) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN string_to_array(CASE WHEN length($1) < 200 THEN $1 ELSE regexp_replace($1, '([^ ]{200})[^ ]+', '\1', 'g') END, ' ');

-- Songs holding any of a list of whole words: a query word becomes the vocabulary words containing it.
-- Without GIN's pending list: after an import it holds up to 4 MB of entries that every search
-- would read through until a vacuum merges them (20 ms a query at 100,000 songs).
CREATE INDEX "songs_words_search_idx" ON "songs" USING GIN (song_search_words("search_text")) WITH (fastupdate = off);

-- Exact and leading-prefix matches of the whole query (text_pattern_ops serves LIKE 'q%' in any
-- collation), on the first 256 characters so that an entry stays below the btree size limit
-- (titles are only compared whole). The songs of one exact value come in the search's order
-- (popularity), so an artist's first songs are read without sorting all of them.
CREATE INDEX "songs_text_prefix_search_idx" ON "songs" (left("search_text", 256) text_pattern_ops, "popularity" DESC NULLS LAST, "id");
CREATE INDEX "songs_artists_prefix_search_idx" ON "songs" (left("search_artists", 256) text_pattern_ops, "popularity" DESC NULLS LAST, "id");
CREATE INDEX "songs_title_search_idx" ON "songs" (left("search_title", 256), "popularity" DESC NULLS LAST, "id");

-- Songs in the search's order, so the first songs holding common words are read off in order
-- instead of ranking every song that holds them.
CREATE INDEX "songs_popularity_search_idx" ON "songs" ("popularity" DESC NULLS LAST, "id");

-- The vocabulary follows inserted and updated songs, once per statement (an import batch adds its
-- new words in one insert). The body is an E string whose \073 escapes stand for the statement
-- separators, since migrations are split into statements at every separator character.
CREATE FUNCTION songs_add_search_words() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  INSERT INTO search_words (word)
  SELECT DISTINCT word FROM new_songs, unnest(song_search_words(new_songs.search_text)) AS word
  WHERE word <> \'\'
  ON CONFLICT DO NOTHING\073
  RETURN NULL\073
END';

CREATE TRIGGER "songs_search_words_insert" AFTER INSERT ON "songs"
REFERENCING NEW TABLE AS new_songs FOR EACH STATEMENT EXECUTE FUNCTION songs_add_search_words();

CREATE TRIGGER "songs_search_words_update" AFTER UPDATE ON "songs"
REFERENCING NEW TABLE AS new_songs FOR EACH STATEMENT EXECUTE FUNCTION songs_add_search_words();

-- The words of the songs already there.
INSERT INTO "search_words" ("word")
SELECT DISTINCT word FROM "songs", unnest(song_search_words("search_text")) AS word WHERE word <> '';
