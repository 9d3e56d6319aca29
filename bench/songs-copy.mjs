// PostgreSQL's own loading of songs, the references `bench:import` and `bench:scale` print beside
// the import: `psql \copy` (COPY through node-postgres when psql is not installed) of files, and
// the songs an import made, exported as COPY text to load again.
import { execFileSync, spawnSync } from 'node:child_process';
import { createReadStream, createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import pg from 'pg';
import { buildDroppedSongIndexes, dropSongIndexes } from '../dist/features/dataset/import/deferred-indexes.js';
import { COLUMNS } from '../dist/features/dataset/import/song-copy-line.js';

export const hasPsql = spawnSync('psql', ['--version']).status === 0;

/** Copies files into tables, then runs `after` (SQL), on one connection: psql's, or node-postgres' without psql. */
export async function copyFiles(url, copies, after = '') {
  if (hasPsql) {
    const script = [...copies.map(({ file, into, options = '' }) => `\\copy ${into} FROM '${file}'${options}`), after].join('\n');
    execFileSync('psql', ['--no-psqlrc', '-q', '-v', 'ON_ERROR_STOP=1', url], { input: script });
    return;
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (const { file, into, options = '' } of copies) await pipeline(createReadStream(file), client.query(copyFrom(`COPY ${into} FROM STDIN${options}`)));
    if (after) await client.query(after);
  } finally {
    await client.end();
  }
}

/** The songs in the database at `url`, as COPY text of the columns an import writes, in `file`. */
export async function exportSongs(url, file) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await pipeline(client.query(copyTo(`COPY (SELECT ${COLUMNS.join(', ')} FROM songs ORDER BY id) TO STDOUT`)), createWriteStream(file));
  } finally {
    await client.end();
  }
}

/** Seconds PostgreSQL takes to load exported songs into the songs table as migrated (its indexes and vocabulary trigger), then ANALYZE. */
export async function copyIntoSongs(url, file) {
  const started = performance.now();
  await copyFiles(url, [{ file, into: `songs (${COLUMNS.join(', ')})` }], 'ANALYZE songs;');
  return (performance.now() - started) / 1000;
}

/**
 * Seconds PostgreSQL takes to load exported songs into an empty songs table the way the import
 * does: its secondary indexes dropped, the COPY, the indexes built again on two connections
 * (the import's own functions), ANALYZE.
 */
export async function copyIntoSongsAsImported(url, file) {
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  try {
    const started = performance.now();
    const client = await pool.connect();
    await dropSongIndexes(client).finally(() => client.release());
    await copyFiles(url, [{ file, into: `songs (${COLUMNS.join(', ')})` }]);
    await buildDroppedSongIndexes(pool);
    await pool.query('ANALYZE songs');
    return (performance.now() - started) / 1000;
  } finally {
    await pool.end();
  }
}
