// PostgreSQL's own loading of songs, the references `bench:import` and `bench:scale` print beside
// the import: `psql \copy` (COPY through node-postgres when psql is not installed) of files, and
// the songs an import made, exported as COPY text to load again.
import { spawn, spawnSync } from 'node:child_process';
import { createReadStream, createWriteStream } from 'node:fs';
import { once } from 'node:events';
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
    const psql = spawn('psql', ['--no-psqlrc', '-q', '-v', 'ON_ERROR_STOP=1', url], { stdio: ['pipe', 'ignore', 'inherit'] });
    psql.stdin.end(script);
    const [code] = await once(psql, 'close');
    if (code !== 0) throw new Error(`psql exited with ${code}`);
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

/** The songs in the database at `url`, as COPY text of the columns an import writes, dealt among `files` in turn. */
export async function exportSongs(url, files) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (const [at, file] of files.entries()) {
      const where = files.length > 1 ? `WHERE id % ${files.length} = ${at}` : '';
      await pipeline(client.query(copyTo(`COPY (SELECT ${COLUMNS.join(', ')} FROM songs ${where} ORDER BY id) TO STDOUT`)), createWriteStream(file));
    }
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
 * does: its secondary indexes dropped, a COPY of each file at once (the import writes its batches
 * of new songs on two connections), the indexes built again on two connections (the import's own
 * functions), ANALYZE.
 */
export async function copyIntoSongsAsImported(url, files) {
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  try {
    const started = performance.now();
    const client = await pool.connect();
    await dropSongIndexes(client).finally(() => client.release());
    await Promise.all(files.map((file) => copyFiles(url, [{ file, into: `songs (${COLUMNS.join(', ')})` }])));
    await buildDroppedSongIndexes(pool);
    await pool.query('ANALYZE songs');
    return (performance.now() - started) / 1000;
  } finally {
    await pool.end();
  }
}
