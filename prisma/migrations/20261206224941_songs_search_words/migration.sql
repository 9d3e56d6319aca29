-- DropIndex
-- The substring filters and the search's last resort find their songs through the vocabulary and
-- the words index instead (docs/benchmarks.md, "Dataset search and listings without the trigram
-- index on songs"): the trigram index was 40% of the CPU an import spends building indexes.
DROP INDEX "songs_search_text_trgm_idx";

-- AlterTable
-- Written by hand (Prisma cannot describe generated columns): the words of a song as the words
-- index holds them, song_search_words(search_text) written out, since a virtual column may not call
-- a function of ours. PostgreSQL computes it when read and stores nothing (adding it rewrites no
-- row), and a filter on it is a filter on the words index's expression, so Prisma's `hasSome`
-- reaches songs_words_search_idx.
ALTER TABLE "songs" ADD COLUMN "search_words" TEXT[] GENERATED ALWAYS AS (
  string_to_array(CASE WHEN length("search_text") < 200 THEN "search_text" ELSE regexp_replace("search_text", '([^ ]{200})[^ ]+', '\1', 'g') END, ' ')
) VIRTUAL;

-- Written by hand: the vocabulary's words cut at 200 characters (see song_search_words), which may
-- hold any fragment beyond their cut, so every substring filter adds them to its candidates.
CREATE INDEX "search_words_cut_search_idx" ON "search_words" ("word") WHERE length("word") >= 200;
