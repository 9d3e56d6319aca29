-- The reporting schema: views made for BI tools (Power BI, any SQL client), written by hand
-- (views are not in the Prisma datamodel, so schema.prisma.snapshot is the previous one).
-- Readable snake_case names, only types BI tools read (text, boolean, integer, bigint, numeric,
-- double precision, date, timestamptz): no JSON, no arrays, no enums, no uuid.
-- Dates and date parts are UTC. The heavy aggregates are materialized views, each with a unique
-- index so the reporting-refresh job can refresh them CONCURRENTLY (readers never wait).
-- The migration runner splits this file at every semicolon: none in comments or strings.

CREATE SCHEMA reporting;
COMMENT ON SCHEMA reporting IS 'Encore views for BI tools (Power BI): read-only, readable names, UTC dates. The materialized views are refreshed every 15 minutes by the reporting-refresh job.';

-- Songs ---------------------------------------------------------------------------------------

CREATE VIEW reporting.songs AS
SELECT
  s.id AS song_id,
  s.track_id AS spotify_track_id,
  s.track_name,
  s.artists AS artist_names,
  s.album_name,
  s.track_genre AS genre,
  s.popularity::integer AS popularity,
  s.is_hit,
  CASE WHEN s.is_hit THEN 'HIT' ELSE 'FLOP' END AS hit_label,
  s.hit_source::text AS hit_source,
  s.source::text AS source,
  s.dataset,
  s.decade::integer AS decade,
  CASE WHEN s.decade IS NOT NULL THEN s.decade::text || 's' END AS decade_label,
  s.duration_ms,
  round(s.duration_ms / 1000.0, 1) AS duration_seconds,
  s.danceability,
  s.energy,
  s.valence,
  s.acousticness,
  s.instrumentalness,
  s.speechiness,
  s.liveness,
  s.loudness,
  s.tempo,
  s.mode::integer AS mode,
  CASE s.mode WHEN 1 THEN 'major' WHEN 0 THEN 'minor' END AS mode_name,
  s.key::integer AS musical_key,
  CASE WHEN s.key BETWEEN 0 AND 11 THEN (ARRAY['C', 'C#', 'D', 'D#', 'E', 'F', 'F#', 'G', 'G#', 'A', 'A#', 'B'])[s.key + 1] END AS musical_key_name,
  s.time_signature::integer AS time_signature,
  s.explicit,
  s.explicit_known,
  s.is_acoustic,
  s.is_instrumental,
  CASE WHEN s.track_id IS NOT NULL THEN 'https://open.spotify.com/track/' || s.track_id END AS spotify_url,
  s.created_at,
  s.updated_at
FROM public.songs s;

COMMENT ON VIEW reporting.songs IS 'Every song Encore knows (imported datasets and songs people asked about): audio features, hit label, source and decade. One row per song.';
COMMENT ON COLUMN reporting.songs.song_id IS 'Encore song id (predictions.song_id refers to it).';
COMMENT ON COLUMN reporting.songs.spotify_track_id IS 'Spotify track id, when known.';
COMMENT ON COLUMN reporting.songs.track_name IS 'Song title.';
COMMENT ON COLUMN reporting.songs.artist_names IS 'Artist names as the source gives them (several artists separated by semicolons or commas).';
COMMENT ON COLUMN reporting.songs.album_name IS 'Album title, when known.';
COMMENT ON COLUMN reporting.songs.genre IS 'Genre from the dataset (Kaggle track_genre), when known.';
COMMENT ON COLUMN reporting.songs.popularity IS 'Spotify popularity 0 to 100, when known.';
COMMENT ON COLUMN reporting.songs.is_hit IS 'Hit label of the song: true = HIT (from the dataset label, or popularity at least HIT_POPULARITY_THRESHOLD).';
COMMENT ON COLUMN reporting.songs.hit_label IS 'HIT or FLOP (is_hit as text).';
COMMENT ON COLUMN reporting.songs.hit_source IS 'How is_hit was decided: label (the dataset says) or popularity (from the popularity threshold).';
COMMENT ON COLUMN reporting.songs.source IS 'Where the song came from: dataset (imported), user (asked about) or spotify (looked up on Spotify).';
COMMENT ON COLUMN reporting.songs.dataset IS 'Dataset the song was imported from: kaggle, hit-predictor or demo (synthetic demo songs), empty for songs not imported.';
COMMENT ON COLUMN reporting.songs.decade IS 'Decade of the song (e.g. 1960) from the hit-predictor decade files, when known.';
COMMENT ON COLUMN reporting.songs.decade_label IS 'Decade as text, e.g. 1960s.';
COMMENT ON COLUMN reporting.songs.duration_ms IS 'Duration in milliseconds.';
COMMENT ON COLUMN reporting.songs.duration_seconds IS 'Duration in seconds (one decimal).';
COMMENT ON COLUMN reporting.songs.danceability IS 'Spotify danceability, 0 to 1.';
COMMENT ON COLUMN reporting.songs.energy IS 'Spotify energy, 0 to 1.';
COMMENT ON COLUMN reporting.songs.valence IS 'Spotify valence (musical positiveness), 0 to 1.';
COMMENT ON COLUMN reporting.songs.acousticness IS 'Spotify acousticness, 0 to 1.';
COMMENT ON COLUMN reporting.songs.instrumentalness IS 'Spotify instrumentalness, 0 to 1.';
COMMENT ON COLUMN reporting.songs.speechiness IS 'Spotify speechiness, 0 to 1.';
COMMENT ON COLUMN reporting.songs.liveness IS 'Spotify liveness, 0 to 1.';
COMMENT ON COLUMN reporting.songs.loudness IS 'Loudness in dB (about -60 to 5).';
COMMENT ON COLUMN reporting.songs.tempo IS 'Tempo in beats per minute.';
COMMENT ON COLUMN reporting.songs.mode IS 'Mode: 1 major, 0 minor.';
COMMENT ON COLUMN reporting.songs.mode_name IS 'Mode as text: major or minor.';
COMMENT ON COLUMN reporting.songs.musical_key IS 'Key as Spotify numbers it: 0 = C, 1 = C#, ... 11 = B, -1 = unknown.';
COMMENT ON COLUMN reporting.songs.musical_key_name IS 'Key as a note name (C, C#, ... B), empty when unknown.';
COMMENT ON COLUMN reporting.songs.time_signature IS 'Beats per bar.';
COMMENT ON COLUMN reporting.songs.explicit IS 'Explicit lyrics (false also when the source had no explicit flag, see explicit_known).';
COMMENT ON COLUMN reporting.songs.explicit_known IS 'False when the source had no explicit flag (hit-predictor files).';
COMMENT ON COLUMN reporting.songs.is_acoustic IS 'Acoustic song (acousticness above the threshold Encore uses).';
COMMENT ON COLUMN reporting.songs.is_instrumental IS 'Instrumental song (instrumentalness above the threshold Encore uses).';
COMMENT ON COLUMN reporting.songs.spotify_url IS 'Link to the song on Spotify, when its track id is known.';
COMMENT ON COLUMN reporting.songs.created_at IS 'When the song was added to Encore.';
COMMENT ON COLUMN reporting.songs.updated_at IS 'When the song was last changed.';

-- Hit predictions -----------------------------------------------------------------------------

CREATE VIEW reporting.predictions AS
SELECT
  p.id AS prediction_id,
  p.song_id,
  s.track_name,
  s.artists AS artist_names,
  s.album_name,
  s.track_genre AS genre,
  s.popularity::integer AS popularity,
  s.source::text AS song_source,
  s.dataset,
  s.decade::integer AS decade,
  s.is_hit AS song_is_hit,
  s.danceability,
  s.energy,
  s.valence,
  s.acousticness,
  s.instrumentalness,
  s.speechiness,
  s.liveness,
  s.loudness,
  s.tempo,
  s.duration_ms,
  s.explicit,
  s.mode::integer AS mode,
  p.is_hit,
  CASE WHEN p.is_hit THEN 'HIT' ELSE 'FLOP' END AS prediction,
  p.confidence,
  p.model_prediction AS model_is_hit,
  CASE WHEN p.model_prediction THEN 'HIT' ELSE 'FLOP' END AS model_prediction,
  p.model_confidence,
  CASE WHEN p.model_prediction THEN p.model_confidence / 100 ELSE 1 - p.model_confidence / 100 END AS model_hit_probability,
  p.model_version,
  p.in_dataset,
  p.adjusted_by_dataset,
  p.dataset_label AS dataset_is_hit,
  p.dataset_popularity::integer AS dataset_popularity,
  (p.is_hit <> p.model_prediction) AS answer_differs_from_model,
  p.created_at,
  (p.created_at AT TIME ZONE 'UTC')::date AS created_date,
  extract(year FROM p.created_at AT TIME ZONE 'UTC')::integer AS created_year,
  extract(month FROM p.created_at AT TIME ZONE 'UTC')::integer AS created_month,
  extract(day FROM p.created_at AT TIME ZONE 'UTC')::integer AS created_day,
  extract(isodow FROM p.created_at AT TIME ZONE 'UTC')::integer AS created_weekday,
  to_char(p.created_at AT TIME ZONE 'UTC', 'FMDay') AS created_weekday_name,
  extract(hour FROM p.created_at AT TIME ZONE 'UTC')::integer AS created_hour
FROM public.predictions p
JOIN public.songs s ON s.id = p.song_id;

COMMENT ON VIEW reporting.predictions IS 'Every HIT/FLOP answer of POST /api/predict/spotify/, with the song and its audio features, the raw model output and the dataset adjustment. One row per prediction, dates in UTC.';
COMMENT ON COLUMN reporting.predictions.prediction_id IS 'Prediction id (as in GET /api/predictions/:id).';
COMMENT ON COLUMN reporting.predictions.song_id IS 'The predicted song (songs.song_id).';
COMMENT ON COLUMN reporting.predictions.track_name IS 'Song title.';
COMMENT ON COLUMN reporting.predictions.artist_names IS 'Artist names of the song.';
COMMENT ON COLUMN reporting.predictions.album_name IS 'Album title, when known.';
COMMENT ON COLUMN reporting.predictions.genre IS 'Genre of the song, when known.';
COMMENT ON COLUMN reporting.predictions.popularity IS 'Spotify popularity of the song now, 0 to 100, when known.';
COMMENT ON COLUMN reporting.predictions.song_source IS 'Where the song came from: dataset, user or spotify.';
COMMENT ON COLUMN reporting.predictions.dataset IS 'Dataset the song was imported from (kaggle, hit-predictor, demo), when any.';
COMMENT ON COLUMN reporting.predictions.decade IS 'Decade of the song (e.g. 1960), when known.';
COMMENT ON COLUMN reporting.predictions.song_is_hit IS 'Hit label of the song now (songs.is_hit).';
COMMENT ON COLUMN reporting.predictions.danceability IS 'Spotify danceability of the song, 0 to 1.';
COMMENT ON COLUMN reporting.predictions.energy IS 'Spotify energy of the song, 0 to 1.';
COMMENT ON COLUMN reporting.predictions.valence IS 'Spotify valence of the song, 0 to 1.';
COMMENT ON COLUMN reporting.predictions.acousticness IS 'Spotify acousticness of the song, 0 to 1.';
COMMENT ON COLUMN reporting.predictions.instrumentalness IS 'Spotify instrumentalness of the song, 0 to 1.';
COMMENT ON COLUMN reporting.predictions.speechiness IS 'Spotify speechiness of the song, 0 to 1.';
COMMENT ON COLUMN reporting.predictions.liveness IS 'Spotify liveness of the song, 0 to 1.';
COMMENT ON COLUMN reporting.predictions.loudness IS 'Loudness of the song in dB.';
COMMENT ON COLUMN reporting.predictions.tempo IS 'Tempo of the song in beats per minute.';
COMMENT ON COLUMN reporting.predictions.duration_ms IS 'Duration of the song in milliseconds.';
COMMENT ON COLUMN reporting.predictions.explicit IS 'Explicit lyrics.';
COMMENT ON COLUMN reporting.predictions.mode IS 'Mode: 1 major, 0 minor.';
COMMENT ON COLUMN reporting.predictions.is_hit IS 'The answer given: true = HIT, false = FLOP (after the dataset adjustment).';
COMMENT ON COLUMN reporting.predictions.prediction IS 'The answer given as text: HIT or FLOP.';
COMMENT ON COLUMN reporting.predictions.confidence IS 'Confidence of the answer given, 0 to 100 (percent).';
COMMENT ON COLUMN reporting.predictions.model_is_hit IS 'What the model said before any dataset adjustment: true = HIT.';
COMMENT ON COLUMN reporting.predictions.model_prediction IS 'What the model said, as text: HIT or FLOP.';
COMMENT ON COLUMN reporting.predictions.model_confidence IS 'The model confidence in its own answer, 0 to 100 (percent).';
COMMENT ON COLUMN reporting.predictions.model_hit_probability IS 'The model probability that the song is a hit, 0 to 1 (raw model output).';
COMMENT ON COLUMN reporting.predictions.model_version IS 'Version of the hit model that answered (model_versions.model_version).';
COMMENT ON COLUMN reporting.predictions.in_dataset IS 'The song was in an imported dataset when predicted.';
COMMENT ON COLUMN reporting.predictions.adjusted_by_dataset IS 'The answer is the dataset label, with confidence 60 + 40 x the model probability for that label.';
COMMENT ON COLUMN reporting.predictions.dataset_is_hit IS 'The dataset label used for the adjustment (true = HIT), empty when not in a dataset.';
COMMENT ON COLUMN reporting.predictions.dataset_popularity IS 'Dataset popularity of the song when predicted, empty when not in a dataset.';
COMMENT ON COLUMN reporting.predictions.answer_differs_from_model IS 'True when the dataset adjustment overruled the model (the answer is not what the model said).';
COMMENT ON COLUMN reporting.predictions.created_at IS 'When the prediction was made.';
COMMENT ON COLUMN reporting.predictions.created_date IS 'Day of the prediction (UTC).';
COMMENT ON COLUMN reporting.predictions.created_year IS 'Year of the prediction (UTC).';
COMMENT ON COLUMN reporting.predictions.created_month IS 'Month of the prediction, 1 to 12 (UTC).';
COMMENT ON COLUMN reporting.predictions.created_day IS 'Day of the month of the prediction, 1 to 31 (UTC).';
COMMENT ON COLUMN reporting.predictions.created_weekday IS 'ISO weekday of the prediction: 1 Monday to 7 Sunday (UTC).';
COMMENT ON COLUMN reporting.predictions.created_weekday_name IS 'Weekday name of the prediction, Monday to Sunday (UTC).';
COMMENT ON COLUMN reporting.predictions.created_hour IS 'Hour of the prediction, 0 to 23 (UTC).';

CREATE MATERIALIZED VIEW reporting.prediction_daily AS
SELECT
  (p.created_at AT TIME ZONE 'UTC')::date AS prediction_date,
  extract(year FROM (p.created_at AT TIME ZONE 'UTC')::date)::integer AS year,
  extract(month FROM (p.created_at AT TIME ZONE 'UTC')::date)::integer AS month,
  extract(day FROM (p.created_at AT TIME ZONE 'UTC')::date)::integer AS day,
  extract(isodow FROM (p.created_at AT TIME ZONE 'UTC')::date)::integer AS weekday,
  to_char((p.created_at AT TIME ZONE 'UTC')::date, 'FMDay') AS weekday_name,
  count(*)::integer AS predictions,
  (count(*) FILTER (WHERE p.is_hit))::integer AS hits,
  (count(*) FILTER (WHERE NOT p.is_hit))::integer AS flops,
  round(100.0 * count(*) FILTER (WHERE p.is_hit) / count(*), 2) AS hit_share_percent,
  round(100.0 * count(*) FILTER (WHERE NOT p.is_hit) / count(*), 2) AS flop_share_percent,
  round(avg(p.confidence)::numeric, 2) AS mean_confidence,
  round(avg(p.model_confidence)::numeric, 2) AS mean_model_confidence,
  (count(*) FILTER (WHERE p.model_prediction))::integer AS model_hits,
  (count(*) FILTER (WHERE p.adjusted_by_dataset))::integer AS adjusted_by_dataset,
  (count(*) FILTER (WHERE p.is_hit <> p.model_prediction))::integer AS answers_differing_from_model,
  count(DISTINCT p.song_id)::integer AS songs
FROM public.predictions p
GROUP BY 1;

CREATE UNIQUE INDEX prediction_daily_prediction_date_key ON reporting.prediction_daily (prediction_date);

COMMENT ON MATERIALIZED VIEW reporting.prediction_daily IS 'Predictions per day (UTC): counts, HIT share, mean confidence, as GET /api/predictions/stats per_day. Materialized: refreshed every 15 minutes (reporting-refresh job, or npm run cli -- refresh-reporting).';
COMMENT ON COLUMN reporting.prediction_daily.prediction_date IS 'Day (UTC).';
COMMENT ON COLUMN reporting.prediction_daily.year IS 'Year of the day.';
COMMENT ON COLUMN reporting.prediction_daily.month IS 'Month of the day, 1 to 12.';
COMMENT ON COLUMN reporting.prediction_daily.day IS 'Day of the month, 1 to 31.';
COMMENT ON COLUMN reporting.prediction_daily.weekday IS 'ISO weekday: 1 Monday to 7 Sunday.';
COMMENT ON COLUMN reporting.prediction_daily.weekday_name IS 'Weekday name, Monday to Sunday.';
COMMENT ON COLUMN reporting.prediction_daily.predictions IS 'Predictions made that day.';
COMMENT ON COLUMN reporting.prediction_daily.hits IS 'Predictions answered HIT.';
COMMENT ON COLUMN reporting.prediction_daily.flops IS 'Predictions answered FLOP.';
COMMENT ON COLUMN reporting.prediction_daily.hit_share_percent IS 'Share of HIT answers, 0 to 100 (percent, two decimals).';
COMMENT ON COLUMN reporting.prediction_daily.flop_share_percent IS 'Share of FLOP answers, 0 to 100 (percent, two decimals).';
COMMENT ON COLUMN reporting.prediction_daily.mean_confidence IS 'Mean confidence of the answers, 0 to 100 (two decimals).';
COMMENT ON COLUMN reporting.prediction_daily.mean_model_confidence IS 'Mean confidence of the model in its own answers, 0 to 100 (two decimals).';
COMMENT ON COLUMN reporting.prediction_daily.model_hits IS 'Predictions where the model itself said HIT.';
COMMENT ON COLUMN reporting.prediction_daily.adjusted_by_dataset IS 'Predictions whose answer is a dataset label (dataset adjustment).';
COMMENT ON COLUMN reporting.prediction_daily.answers_differing_from_model IS 'Predictions where the dataset adjustment overruled the model.';
COMMENT ON COLUMN reporting.prediction_daily.songs IS 'Different songs predicted that day.';

-- Models --------------------------------------------------------------------------------------

CREATE VIEW reporting.model_versions AS
SELECT
  m.id AS model_id,
  m.model_name,
  m.model_version,
  m.is_active,
  m.accuracy,
  m.roc_auc,
  m.f1 AS f1_score,
  m.trained_on AS trained_at,
  m.data_source,
  m.training_rows,
  m.test_rows,
  m.activated_at,
  m.created_at,
  coalesce(used.predictions, 0) AS predictions,
  used.first_prediction_at,
  used.last_prediction_at
FROM public.model_metadata m
LEFT JOIN (
  SELECT p.model_version, count(*)::integer AS predictions, min(p.created_at) AS first_prediction_at, max(p.created_at) AS last_prediction_at
  FROM public.predictions p
  GROUP BY p.model_version
) used ON m.model_name = 'hit' AND used.model_version = m.model_version;

COMMENT ON VIEW reporting.model_versions IS 'Every trained version of every model (hit and genre) with its test metrics, and for hit models the predictions it made. Exactly one active version per model.';
COMMENT ON COLUMN reporting.model_versions.model_id IS 'Row id of the version.';
COMMENT ON COLUMN reporting.model_versions.model_name IS 'Which model: hit (hit prediction) or genre (genre preference).';
COMMENT ON COLUMN reporting.model_versions.model_version IS 'Version name (predictions.model_version refers to hit versions).';
COMMENT ON COLUMN reporting.model_versions.is_active IS 'The version in use for its model.';
COMMENT ON COLUMN reporting.model_versions.accuracy IS 'Accuracy on the test rows, 0 to 1.';
COMMENT ON COLUMN reporting.model_versions.roc_auc IS 'ROC AUC on the test rows, 0 to 1 (one-vs-rest for genre).';
COMMENT ON COLUMN reporting.model_versions.f1_score IS 'F1 score on the test rows, 0 to 1 (macro F1 for genre).';
COMMENT ON COLUMN reporting.model_versions.trained_at IS 'When the version was trained.';
COMMENT ON COLUMN reporting.model_versions.data_source IS 'What it was trained on, e.g. songs table (5,000 songs).';
COMMENT ON COLUMN reporting.model_versions.training_rows IS 'Rows it was trained on.';
COMMENT ON COLUMN reporting.model_versions.test_rows IS 'Rows it was tested on.';
COMMENT ON COLUMN reporting.model_versions.activated_at IS 'When the version was last made active, empty if never.';
COMMENT ON COLUMN reporting.model_versions.created_at IS 'When the version was registered.';
COMMENT ON COLUMN reporting.model_versions.predictions IS 'Predictions made with this version (hit models, 0 for genre models, whose answers are not stored).';
COMMENT ON COLUMN reporting.model_versions.first_prediction_at IS 'First prediction made with this version, empty if none.';
COMMENT ON COLUMN reporting.model_versions.last_prediction_at IS 'Latest prediction made with this version, empty if none.';

-- Genre preference (the Chinook store) ----------------------------------------------------------

CREATE MATERIALIZED VIEW reporting.genre_predictions AS
WITH spend AS (
  SELECT i.customer_id, coalesce(g.name, 'Unknown') AS genre,
         sum(il.unit_price * il.quantity) AS spent, sum(il.quantity) AS tracks
  FROM chinook.invoice_line il
  JOIN chinook.invoice i ON i.invoice_id = il.invoice_id
  JOIN chinook.track t ON t.track_id = il.track_id
  LEFT JOIN chinook.genre g ON g.genre_id = t.genre_id
  GROUP BY i.customer_id, g.name
),
ranked AS (
  SELECT spend.*, row_number() OVER (PARTITION BY customer_id ORDER BY spent DESC, tracks DESC, genre COLLATE "C") AS place
  FROM spend
),
totals AS (
  SELECT customer_id, sum(spent) AS spent, sum(tracks) AS tracks, count(*) AS genres
  FROM spend
  GROUP BY customer_id
),
invoices AS (
  SELECT customer_id, count(*) AS invoices, avg(total) AS average_invoice, min(invoice_date) AS first_purchase, max(invoice_date) AS last_purchase
  FROM chinook.invoice
  GROUP BY customer_id
),
store AS (
  SELECT max(invoice_date) AS latest_invoice FROM chinook.invoice
)
SELECT
  c.customer_id,
  c.country,
  c.state,
  c.city,
  CASE WHEN totals.spent > 0 THEN top.genre END AS preferred_genre,
  CASE WHEN totals.spent > 0 THEN top.spent END AS preferred_genre_spent,
  CASE WHEN totals.spent > 0 THEN top.tracks::integer END AS preferred_genre_tracks,
  CASE WHEN totals.spent > 0 THEN (top.spent / totals.spent)::double precision ELSE 0 END AS genre_spending_ratio,
  round(coalesce(totals.spent, 0), 2) AS total_spent,
  coalesce(totals.tracks, 0)::integer AS total_tracks_bought,
  coalesce(totals.genres, 0)::integer AS genres_bought,
  coalesce(invoices.invoices, 0)::integer AS invoice_count,
  round(invoices.average_invoice, 2) AS average_invoice,
  (invoices.first_purchase AT TIME ZONE 'UTC') AS first_purchase_at,
  (invoices.last_purchase AT TIME ZONE 'UTC') AS last_purchase_at,
  round(extract(epoch FROM store.latest_invoice - invoices.last_purchase) / 86400)::integer AS days_since_last_purchase
FROM chinook.customer c
CROSS JOIN store
LEFT JOIN totals ON totals.customer_id = c.customer_id
LEFT JOIN ranked top ON top.customer_id = c.customer_id AND top.place = 1
LEFT JOIN invoices ON invoices.customer_id = c.customer_id;

CREATE UNIQUE INDEX genre_predictions_customer_id_key ON reporting.genre_predictions (customer_id);

COMMENT ON MATERIALIZED VIEW reporting.genre_predictions IS 'Genre preference per store customer (schema chinook): the genre each customer spent most on, which is what the genre model learns to predict, beside the purchase features it reads. The model answers on request (POST /api/predict-genre) and its answers are not stored. Materialized: refreshed every 15 minutes.';
COMMENT ON COLUMN reporting.genre_predictions.customer_id IS 'Chinook customer id (GET /api/genre/customers/:id/prediction).';
COMMENT ON COLUMN reporting.genre_predictions.country IS 'Customer country.';
COMMENT ON COLUMN reporting.genre_predictions.state IS 'Customer state or region, when known.';
COMMENT ON COLUMN reporting.genre_predictions.city IS 'Customer city.';
COMMENT ON COLUMN reporting.genre_predictions.preferred_genre IS 'The genre the customer spent most on (ties: more tracks, then the name), empty for customers who bought nothing. Tracks without a genre count as Unknown.';
COMMENT ON COLUMN reporting.genre_predictions.preferred_genre_spent IS 'Money spent on the preferred genre.';
COMMENT ON COLUMN reporting.genre_predictions.preferred_genre_tracks IS 'Tracks bought of the preferred genre.';
COMMENT ON COLUMN reporting.genre_predictions.genre_spending_ratio IS 'Share of the spending that went to the preferred genre, 0 to 1.';
COMMENT ON COLUMN reporting.genre_predictions.total_spent IS 'Money spent in all, two decimals.';
COMMENT ON COLUMN reporting.genre_predictions.total_tracks_bought IS 'Tracks bought in all.';
COMMENT ON COLUMN reporting.genre_predictions.genres_bought IS 'Different genres bought.';
COMMENT ON COLUMN reporting.genre_predictions.invoice_count IS 'Invoices (purchases).';
COMMENT ON COLUMN reporting.genre_predictions.average_invoice IS 'Mean invoice total, two decimals, empty without purchases.';
COMMENT ON COLUMN reporting.genre_predictions.first_purchase_at IS 'First purchase (invoice dates are read as UTC).';
COMMENT ON COLUMN reporting.genre_predictions.last_purchase_at IS 'Latest purchase (invoice dates are read as UTC).';
COMMENT ON COLUMN reporting.genre_predictions.days_since_last_purchase IS 'Days from the latest purchase to the latest invoice of the whole store, empty without purchases.';

-- Catalog plays -------------------------------------------------------------------------------

CREATE MATERIALIZED VIEW reporting.catalog_plays AS
SELECT
  (sp.played_at AT TIME ZONE 'UTC')::date AS play_date,
  s.id::text AS song_id,
  s.title AS song_title,
  a.id::text AS artist_id,
  a.name AS artist_name,
  al.id::text AS album_id,
  al.title AS album_title,
  (SELECT string_agg(g.name, ', ' ORDER BY g.name) FROM public.catalog_song_genres sg JOIN public.genres g ON g.id = sg.genre_id WHERE sg.song_id = s.id) AS genres,
  s.visibility::text AS visibility,
  s.release_date,
  count(*)::integer AS plays,
  count(DISTINCT sp.user_id)::integer AS listeners,
  (count(*) FILTER (WHERE sp.user_id IS NULL))::integer AS anonymous_plays
FROM public.song_plays sp
JOIN public.catalog_songs s ON s.id = sp.song_id
JOIN public.artists a ON a.id = s.artist_id
LEFT JOIN public.albums al ON al.id = s.album_id
GROUP BY 1, s.id, a.id, al.id;

CREATE UNIQUE INDEX catalog_plays_play_date_song_id_key ON reporting.catalog_plays (play_date, song_id);
CREATE INDEX catalog_plays_artist_id_idx ON reporting.catalog_plays (artist_id);

COMMENT ON MATERIALIZED VIEW reporting.catalog_plays IS 'Plays of the streaming catalog per song, artist and day (UTC): one row per song and day with plays. Materialized: refreshed every 15 minutes.';
COMMENT ON COLUMN reporting.catalog_plays.play_date IS 'Day of the plays (UTC).';
COMMENT ON COLUMN reporting.catalog_plays.song_id IS 'Catalog song id (GET /api/songs/:id).';
COMMENT ON COLUMN reporting.catalog_plays.song_title IS 'Song title.';
COMMENT ON COLUMN reporting.catalog_plays.artist_id IS 'Artist id (also in artist_metrics_daily, artist_scores and leads).';
COMMENT ON COLUMN reporting.catalog_plays.artist_name IS 'Artist name.';
COMMENT ON COLUMN reporting.catalog_plays.album_id IS 'Album id, empty for a song without an album.';
COMMENT ON COLUMN reporting.catalog_plays.album_title IS 'Album title, empty for a song without an album.';
COMMENT ON COLUMN reporting.catalog_plays.genres IS 'Genres of the song, separated by commas.';
COMMENT ON COLUMN reporting.catalog_plays.visibility IS 'Who may hear the song: public or private.';
COMMENT ON COLUMN reporting.catalog_plays.release_date IS 'Release date of the song, when set.';
COMMENT ON COLUMN reporting.catalog_plays.plays IS 'Plays that day.';
COMMENT ON COLUMN reporting.catalog_plays.listeners IS 'Different signed-in listeners that day (anonymous plays not counted).';
COMMENT ON COLUMN reporting.catalog_plays.anonymous_plays IS 'Plays that day by listeners not signed in.';

-- Fan analytics -------------------------------------------------------------------------------

CREATE VIEW reporting.artist_metrics_daily AS
SELECT
  m.artist_id::text AS artist_id,
  a.name AS artist_name,
  m.platform::text AS platform,
  m.date AS metric_date,
  extract(year FROM m.date)::integer AS year,
  extract(month FROM m.date)::integer AS month,
  extract(isodow FROM m.date)::integer AS weekday,
  m.followers,
  m.monthly_listeners,
  m.popularity,
  m.streams,
  m.likes,
  m.comments,
  m.shares,
  m.saves,
  m.playlist_adds,
  m.views,
  (m.likes + m.comments + m.shares + m.saves) AS engagement,
  m.source,
  m.updated_at
FROM public.artist_metrics_daily m
JOIN public.artists a ON a.id = m.artist_id;

COMMENT ON VIEW reporting.artist_metrics_daily IS 'Daily audience numbers of each artist on each platform (fan analytics). One row per artist, platform and day.';
COMMENT ON COLUMN reporting.artist_metrics_daily.artist_id IS 'Artist id (GET /api/analytics/artists/:id).';
COMMENT ON COLUMN reporting.artist_metrics_daily.artist_name IS 'Artist name.';
COMMENT ON COLUMN reporting.artist_metrics_daily.platform IS 'Platform: spotify, instagram, tiktok, youtube or apple_music.';
COMMENT ON COLUMN reporting.artist_metrics_daily.metric_date IS 'Day the numbers are for (UTC).';
COMMENT ON COLUMN reporting.artist_metrics_daily.year IS 'Year of the day.';
COMMENT ON COLUMN reporting.artist_metrics_daily.month IS 'Month of the day, 1 to 12.';
COMMENT ON COLUMN reporting.artist_metrics_daily.weekday IS 'ISO weekday: 1 Monday to 7 Sunday.';
COMMENT ON COLUMN reporting.artist_metrics_daily.followers IS 'Followers at the end of the day, when the platform gives them.';
COMMENT ON COLUMN reporting.artist_metrics_daily.monthly_listeners IS 'Monthly listeners at the end of the day, when the platform gives them.';
COMMENT ON COLUMN reporting.artist_metrics_daily.popularity IS 'Spotify artist popularity 0 to 100, where the platform gives one.';
COMMENT ON COLUMN reporting.artist_metrics_daily.streams IS 'Streams during the day.';
COMMENT ON COLUMN reporting.artist_metrics_daily.likes IS 'Likes during the day.';
COMMENT ON COLUMN reporting.artist_metrics_daily.comments IS 'Comments during the day.';
COMMENT ON COLUMN reporting.artist_metrics_daily.shares IS 'Shares during the day.';
COMMENT ON COLUMN reporting.artist_metrics_daily.saves IS 'Saves during the day.';
COMMENT ON COLUMN reporting.artist_metrics_daily.playlist_adds IS 'Playlist adds during the day.';
COMMENT ON COLUMN reporting.artist_metrics_daily.views IS 'Views during the day.';
COMMENT ON COLUMN reporting.artist_metrics_daily.engagement IS 'Engagement during the day: likes + comments + shares + saves.';
COMMENT ON COLUMN reporting.artist_metrics_daily.source IS 'How the row arrived: api, csv, spotify or demo.';
COMMENT ON COLUMN reporting.artist_metrics_daily.updated_at IS 'When the row was last written.';

CREATE VIEW reporting.artist_scores AS
SELECT
  sc.artist_id::text AS artist_id,
  a.name AS artist_name,
  sc.date AS score_date,
  (row_number() OVER (PARTITION BY sc.artist_id ORDER BY sc.date DESC) = 1) AS is_latest,
  sc.fan_value_score,
  sc.fvs_engagement,
  sc.fvs_growth,
  sc.fvs_reach,
  sc.fvs_conversion,
  sc.momentum,
  sc.momentum_status,
  sc.momentum_velocity,
  sc.momentum_acceleration,
  sc.momentum_consistency,
  sc.momentum_viral_potential,
  sc.breakout_probability,
  sc.updated_at
FROM public.artist_scores sc
JOIN public.artists a ON a.id = sc.artist_id;

COMMENT ON VIEW reporting.artist_scores IS 'Scores computed for each artist per day: Fan Value Score and its parts, Momentum Index and its parts, breakout probability (formulas in docs/analytics.md). One row per artist and day, is_latest marks the scores GET /api/analytics/artists/:id shows.';
COMMENT ON COLUMN reporting.artist_scores.artist_id IS 'Artist id.';
COMMENT ON COLUMN reporting.artist_scores.artist_name IS 'Artist name.';
COMMENT ON COLUMN reporting.artist_scores.score_date IS 'Day the scores were computed for.';
COMMENT ON COLUMN reporting.artist_scores.is_latest IS 'True for the latest scores of the artist (the ones the API shows).';
COMMENT ON COLUMN reporting.artist_scores.fan_value_score IS 'Fan Value Score, 0 to 100.';
COMMENT ON COLUMN reporting.artist_scores.fvs_engagement IS 'Engagement part of the Fan Value Score.';
COMMENT ON COLUMN reporting.artist_scores.fvs_growth IS 'Growth part of the Fan Value Score.';
COMMENT ON COLUMN reporting.artist_scores.fvs_reach IS 'Reach part of the Fan Value Score.';
COMMENT ON COLUMN reporting.artist_scores.fvs_conversion IS 'Conversion part of the Fan Value Score.';
COMMENT ON COLUMN reporting.artist_scores.momentum IS 'Momentum Index.';
COMMENT ON COLUMN reporting.artist_scores.momentum_status IS 'Momentum status: declining, stable, growing, rapid_growth or viral.';
COMMENT ON COLUMN reporting.artist_scores.momentum_velocity IS 'Velocity part of the Momentum Index.';
COMMENT ON COLUMN reporting.artist_scores.momentum_acceleration IS 'Acceleration part of the Momentum Index.';
COMMENT ON COLUMN reporting.artist_scores.momentum_consistency IS 'Consistency part of the Momentum Index.';
COMMENT ON COLUMN reporting.artist_scores.momentum_viral_potential IS 'Viral potential part of the Momentum Index.';
COMMENT ON COLUMN reporting.artist_scores.breakout_probability IS 'Probability of a breakout, 0 to 1.';
COMMENT ON COLUMN reporting.artist_scores.updated_at IS 'When the scores were last computed.';

-- Leads ---------------------------------------------------------------------------------------

CREATE VIEW reporting.leads AS
SELECT
  l.artist_id::text AS artist_id,
  a.name AS artist_name,
  l.tier::text AS tier,
  l.total_score,
  l.independence_score,
  l.opportunity_score,
  l.geography_score,
  l.independence::text AS independence,
  l.region,
  l.country,
  l.area,
  l.label_name,
  l.distributor_name,
  array_to_string(l.genres, ', ') AS genres,
  l.spotify_artist_id,
  l.spotify_followers,
  l.spotify_popularity,
  l.lastfm_listeners,
  l.lastfm_playcount,
  (l.youtube_channel_id IS NOT NULL) AS has_youtube_channel,
  l.youtube_channel_id,
  l.youtube_subscribers,
  l.youtube_views,
  l.youtube_video_count,
  l.youtube_recent_uploads AS youtube_uploads_90_days,
  l.youtube_last_upload_at,
  l.youtube_checked_at,
  coalesce(opportunities.kinds, '') AS youtube_opportunities,
  coalesce(opportunities.count, 0) AS youtube_opportunity_count,
  l.outreach_status::text AS outreach_status,
  coalesce(outreach.events, 0) AS outreach_events,
  outreach.last_at AS last_outreach_at,
  coalesce(contacts.count, 0) AS contacts,
  coalesce(contacts.kinds, '') AS contact_kinds,
  coalesce(recordings.count, 0) AS recordings,
  l.first_seen_at,
  l.scored_at,
  l.updated_at
FROM public.lead_profiles l
JOIN public.artists a ON a.id = l.artist_id
LEFT JOIN LATERAL (
  SELECT string_agg(o.value ->> 'kind', ', ' ORDER BY o.ordinality) AS kinds, count(*)::integer AS count
  FROM jsonb_array_elements(CASE WHEN jsonb_typeof(l.breakdown -> 'opportunity' -> 'youtube') = 'array' THEN l.breakdown -> 'opportunity' -> 'youtube' ELSE '[]'::jsonb END) WITH ORDINALITY o(value, ordinality)
) opportunities ON true
LEFT JOIN LATERAL (
  SELECT count(*)::integer AS events, max(e.created_at) AS last_at FROM public.lead_outreach_events e WHERE e.artist_id = l.artist_id
) outreach ON true
LEFT JOIN LATERAL (
  SELECT count(*)::integer AS count, string_agg(DISTINCT c.kind, ', ') AS kinds FROM public.lead_contacts c WHERE c.artist_id = l.artist_id
) contacts ON true
LEFT JOIN LATERAL (
  SELECT count(*)::integer AS count FROM public.lead_recordings r WHERE r.artist_id = l.artist_id
) recordings ON true;

COMMENT ON VIEW reporting.leads IS 'A&R leads: each artist Leads scored, with the scores, tier, region, audience on each source, YouTube opportunities, outreach status and counts (contacts themselves are not shown). One row per lead, as GET /api/leads lists them.';
COMMENT ON COLUMN reporting.leads.artist_id IS 'Artist id (GET /api/leads/artists/:id).';
COMMENT ON COLUMN reporting.leads.artist_name IS 'Artist name.';
COMMENT ON COLUMN reporting.leads.tier IS 'Lead tier: A (best) to D (see docs/leads.md).';
COMMENT ON COLUMN reporting.leads.total_score IS 'Total lead score: independence + opportunity + geography, 0 to 100.';
COMMENT ON COLUMN reporting.leads.independence_score IS 'Points for how likely the artist is independent.';
COMMENT ON COLUMN reporting.leads.opportunity_score IS 'Points for how much the artist could gain from label services.';
COMMENT ON COLUMN reporting.leads.geography_score IS 'Points for the region of the artist (LEADS_GEOGRAPHY_TARGETS).';
COMMENT ON COLUMN reporting.leads.independence IS 'Independence class: self_released, small_distributor, indie_label, major or unknown.';
COMMENT ON COLUMN reporting.leads.region IS 'Region the geography score is given for, e.g. nz, au, pacific, other or unknown.';
COMMENT ON COLUMN reporting.leads.country IS 'ISO 3166-1 country code of the artist area, when known.';
COMMENT ON COLUMN reporting.leads.area IS 'Area of the artist as MusicBrainz names it, when known.';
COMMENT ON COLUMN reporting.leads.label_name IS 'Label found for the recordings, when any.';
COMMENT ON COLUMN reporting.leads.distributor_name IS 'Distributor found for the recordings, when any.';
COMMENT ON COLUMN reporting.leads.genres IS 'Genres of the artist, separated by commas.';
COMMENT ON COLUMN reporting.leads.spotify_artist_id IS 'Spotify artist id, when found.';
COMMENT ON COLUMN reporting.leads.spotify_followers IS 'Spotify followers, when known.';
COMMENT ON COLUMN reporting.leads.spotify_popularity IS 'Spotify artist popularity 0 to 100, when known.';
COMMENT ON COLUMN reporting.leads.lastfm_listeners IS 'Last.fm listeners, when known.';
COMMENT ON COLUMN reporting.leads.lastfm_playcount IS 'Last.fm plays, when known.';
COMMENT ON COLUMN reporting.leads.has_youtube_channel IS 'A YouTube channel of the artist was found.';
COMMENT ON COLUMN reporting.leads.youtube_channel_id IS 'YouTube channel id, when found.';
COMMENT ON COLUMN reporting.leads.youtube_subscribers IS 'YouTube subscribers, when known.';
COMMENT ON COLUMN reporting.leads.youtube_views IS 'YouTube channel views, when known.';
COMMENT ON COLUMN reporting.leads.youtube_video_count IS 'Videos on the YouTube channel, when known.';
COMMENT ON COLUMN reporting.leads.youtube_uploads_90_days IS 'Uploads in the 90 days before the channel was checked.';
COMMENT ON COLUMN reporting.leads.youtube_last_upload_at IS 'Latest upload on the YouTube channel, when known.';
COMMENT ON COLUMN reporting.leads.youtube_checked_at IS 'When YouTube was last asked about the artist, empty if never.';
COMMENT ON COLUMN reporting.leads.youtube_opportunities IS 'YouTube opportunities found, separated by commas: no_presence, underperforming, inconsistent_uploads, high_growth_emerging.';
COMMENT ON COLUMN reporting.leads.youtube_opportunity_count IS 'Number of YouTube opportunities found.';
COMMENT ON COLUMN reporting.leads.outreach_status IS 'Outreach status: new, contacted, responded, converted or declined.';
COMMENT ON COLUMN reporting.leads.outreach_events IS 'Outreach status changes recorded.';
COMMENT ON COLUMN reporting.leads.last_outreach_at IS 'Latest outreach status change, empty if none.';
COMMENT ON COLUMN reporting.leads.contacts IS 'Contacts found for the artist (website, email, social profiles).';
COMMENT ON COLUMN reporting.leads.contact_kinds IS 'Kinds of contacts found, separated by commas (the contacts themselves are in the app).';
COMMENT ON COLUMN reporting.leads.recordings IS 'Recordings (ISRCs) analysed for the artist.';
COMMENT ON COLUMN reporting.leads.first_seen_at IS 'When Leads first found the artist.';
COMMENT ON COLUMN reporting.leads.scored_at IS 'When the lead was last scored.';
COMMENT ON COLUMN reporting.leads.updated_at IS 'When the lead was last changed.';
