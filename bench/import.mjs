// npm run bench:import — imports the four shared hit-predictor files into a fresh database with
// `import-songs`' own code, next to `psql \copy` of the same rows into a plain table on the
// same server (COPY through node-postgres when psql is not installed), and prints the ratio.
// Informational, beside it: the import against loading the songs it made (exported as COPY text)
// into the songs table as migrated, with its indexes and vocabulary trigger, then ANALYZE: what
// PostgreSQL alone spends on the same songs in the same table.
import { createReadStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SongImportService } from '../dist/features/dataset/import/song-import.service.js';
import { copyFiles, copyIntoSongs, exportSongs, hasPsql } from './songs-copy.mjs';
import { admin, appContext, median, printTable, sharedDataFolder, startBenchDatabase } from './support.mjs';

const RUNS = 3;
/** Issue 22's target: import-songs within this many times the reference's time. */
const TARGET_RATIO = 3;
const dataDir = sharedDataFolder('hit-predictor');
const files = ['60s', '70s', '80s', '90s'].map((decade) => join(dataDir, `dataset-of-${decade}.csv`));
const PLAIN_TABLE = `CREATE TABLE plain_copy (track text, artist text, uri text, danceability float8, energy float8, key int,
  loudness float8, mode int, speechiness float8, acousticness float8, instrumentalness float8, liveness float8,
  valence float8, tempo float8, duration_ms int, time_signature int, chorus_hit float8, sections int, target int, decade int)`;

async function referenceCopy(url) {
  await admin(url, PLAIN_TABLE);
  const started = performance.now();
  await copyFiles(
    url,
    files.map((file) => ({ file, into: 'plain_copy', options: ' WITH (FORMAT csv, HEADER true)' })),
  );
  const seconds = (performance.now() - started) / 1000;
  const { rows } = await admin(url, 'SELECT count(*)::int AS n FROM plain_copy');
  return { seconds, rows: rows[0].n };
}

async function ourImport(url) {
  const app = await appContext(url);
  try {
    const started = performance.now();
    const report = await app.get(SongImportService).import(files.map((file) => ({ name: file, stream: createReadStream(file) })));
    return { seconds: (performance.now() - started) / 1000, rows: report.rowsRead, songs: report.inserted };
  } finally {
    await app.close();
  }
}

const database = await startBenchDatabase();
const songsFile = join(tmpdir(), `encore-bench-songs-${process.pid}.copy`);
try {
  const reference = [];
  const ours = [];
  const songsTable = [];
  for (let run = 0; run < RUNS; run++) {
    reference.push(await referenceCopy(await database.freshDatabase()));
    const url = await database.freshDatabase();
    ours.push(await ourImport(url));
    if (run === 0) await exportSongs(url, [songsFile]);
    songsTable.push(await copyIntoSongs(await database.freshDatabase(), songsFile));
  }
  const rows = ours[0].rows;
  const ref = median(reference.map((r) => r.seconds));
  const our = median(ours.map((r) => r.seconds));
  console.log(
    `Import of ${rows.toLocaleString('en-US')} rows (${files.length} files, ${ours[0].songs.toLocaleString('en-US')} distinct songs), median of ${RUNS} runs, fresh database each run\n`,
  );
  printTable([
    ['', 'seconds', 'rows/s'],
    [
      hasPsql ? 'psql \\copy into a plain table (reference)' : 'COPY via node-postgres into a plain table (reference; psql not installed)',
      ref.toFixed(3),
      Math.round(rows / ref).toLocaleString('en-US'),
    ],
    ['import-songs (parse, validate, merge, COPY + upsert, indexes, ANALYZE)', our.toFixed(3), Math.round(rows / our).toLocaleString('en-US')],
  ]);
  const ratio = our / ref;
  console.log(`\nRatio: ${ratio.toFixed(2)}x the reference time (target: within ${TARGET_RATIO}x)`);
  console.log(
    `${ratio <= TARGET_RATIO ? 'PASS' : 'FAIL'}  import-songs of the ${files.length} shared files within ${TARGET_RATIO}x the reference's time: ${ratio.toFixed(2)}x (${our.toFixed(3)} s vs ${ref.toFixed(3)} s, medians of this run)`,
  );
  const table = median(songsTable);
  console.log(
    `INFO  import-songs is ${(our / table).toFixed(2)}x the time of ${hasPsql ? 'psql \\copy' : 'COPY'} of the ${ours[0].songs.toLocaleString('en-US')} songs it made into the songs table as migrated (its indexes and vocabulary trigger), then ANALYZE: ${table.toFixed(3)} s, median of this run`,
  );
} finally {
  await rm(songsFile, { force: true });
  await database.stop();
}
