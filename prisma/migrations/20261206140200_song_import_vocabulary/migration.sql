-- Written by hand: the vocabulary trigger leaves the words to an import that adds them itself.
-- import-songs knows every song's words as it parses them and adds only those it has not added
-- yet, once per import, where the trigger would take every word of every batch apart again in
-- PostgreSQL (a quarter of a COPY's time). It says so for its own session only, with the setting
-- encore.search_words_by_import. The body is an E string whose \073 escapes stand for the
-- statement separators, since migrations are split into statements at every separator character.
CREATE OR REPLACE FUNCTION songs_add_search_words() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF current_setting(\'encore.search_words_by_import\', true) = \'on\' THEN
    RETURN NULL\073
  END IF\073
  INSERT INTO search_words (word)
  SELECT DISTINCT word FROM new_songs, unnest(song_search_words(new_songs.search_text)) AS word
  WHERE word <> \'\'
  ON CONFLICT DO NOTHING\073
  RETURN NULL\073
END';
