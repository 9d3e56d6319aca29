// One size of `npm run bench:scale`, in a process of its own so its memory peaks are its own:
// imports a generated CSV into an empty database with `import-songs` (the CLI, in a process of
// its own: bench/import-songs-cli.mjs), times searches, adds
// predictions for a share of the songs, times the prediction history, and prints the figures as
// one JSON line. Given a second, empty, database, also times PostgreSQL alone loading the songs the
// import made into it the way the import does (bench/songs-copy.mjs).
// Usage: node bench/scale-size.mjs <database url> <csv file> [<reference database url>]
import { rm } from 'node:fs/promises';
import pg from 'pg';
import { PredictionHistoryService } from '../dist/features/hit-prediction/prediction-history.service.js';
import { SongsService } from '../dist/features/dataset/songs.service.js';
import { importSongsCli } from './import-songs-cli.mjs';
import { copyIntoSongsAsImported, exportSongs } from './songs-copy.mjs';
import { appContext, peakRssMb, percentile, resetPeakRss, searchQueries } from './support.mjs';

const [url, csv, referenceUrl] = process.argv.slice(2);
const SEARCHES = 200;
const HISTORY_RUNS = 20;
const WARMUP_RUNS = 3;
const SAMPLE_SONGS = 5000;
/** One song in this many has been predicted once, at a random time of the last year. */
const PREDICTED_ONE_IN = 5;
const PAGE_SIZE = 20;

/** p50, p95 and p99 milliseconds of `runs` calls of `call(i)`, after a few unmeasured ones. */
async function time(runs, call) {
  for (let i = 0; i < WARMUP_RUNS; i++) await call(i);
  const times = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await call(i);
    times.push(performance.now() - started);
  }
  return { p50: percentile(times, 50), p95: percentile(times, 95), p99: percentile(times, 99) };
}

const app = await appContext(url);
const client = new pg.Client({ connectionString: url });
await client.connect();
try {
  const imported = await importSongsCli(url, [csv]);
  const report = { rowsRead: imported.rows, inserted: imported.songs };
  await client.query('ANALYZE songs');
  const songsDatabaseMb = Number((await client.query('SELECT pg_database_size(current_database()) AS bytes')).rows[0].bytes) / 2 ** 20;
  let postgresLoadSeconds;
  if (referenceUrl) {
    const songsFiles = [`${csv}.songs.0.copy`, `${csv}.songs.1.copy`];
    await exportSongs(url, songsFiles);
    postgresLoadSeconds = await copyIntoSongsAsImported(referenceUrl, songsFiles);
    await Promise.all(songsFiles.map((file) => rm(file)));
  }

  await resetPeakRss();
  const step = Math.max(1, Math.floor(report.inserted / SAMPLE_SONGS));
  const { rows: sample } = await client.query('SELECT track_name, artists FROM songs WHERE id % $1 = 0 ORDER BY id', [step]);
  const queries = searchQueries(sample, SEARCHES + WARMUP_RUNS);
  const songs = app.get(SongsService);
  const search = await time(SEARCHES, (i) => songs.search(queries[i].text, 20));

  // Predictions as POST /api/predict/spotify/ stores them, inserted in one statement (ids in time order).
  await client.query('SELECT setseed(0.42)');
  const { rowCount: predictions } = await client.query(
    `INSERT INTO predictions (song_id, is_hit, confidence, model_prediction, model_confidence, model_version, in_dataset,
                              adjusted_by_dataset, dataset_label, dataset_popularity, created_at)
     SELECT id, is_hit, 50 + 50 * random(), model_hit, 50 + 50 * random(), '20261123-000000-000', true,
            model_hit <> is_hit, is_hit, popularity, created_at
     FROM (SELECT id, is_hit, popularity, random() < 0.5 AS model_hit, now() - random() * interval '365 days' AS created_at
           FROM songs WHERE id % ${PREDICTED_ONE_IN} = 0) predicted
     ORDER BY created_at`,
  );
  await client.query('ANALYZE predictions');

  const history = app.get(PredictionHistoryService);
  const page =
    (filters, number = 1) =>
    () =>
      history.list({ page: number, page_size: PAGE_SIZE, ...filters });
  const lastPage = Math.ceil(predictions / PAGE_SIZE);
  const historyTimes = {
    newest: await time(HISTORY_RUNS, page({})),
    hits: await time(HISTORY_RUNS, page({ is_hit: true })),
    lastMonth: await time(HISTORY_RUNS, page({ from: new Date(Date.now() - 30 * 86_400_000) })),
    lastPage: await time(HISTORY_RUNS, page({}, lastPage)),
  };
  const queryPeakRss = await peakRssMb();

  console.log(
    JSON.stringify({
      settings: { searches: SEARCHES, historyRuns: HISTORY_RUNS, pageSize: PAGE_SIZE },
      rows: report.rowsRead,
      songs: report.inserted,
      importSeconds: imported.seconds,
      baselineRss: imported.baselineRss,
      importPeakRss: imported.peakRss,
      postgresLoadSeconds,
      songsDatabaseMb,
      search,
      predictions,
      lastPage,
      history: historyTimes,
      queryPeakRss,
    }),
  );
} finally {
  await client.end();
  await app.close();
}
