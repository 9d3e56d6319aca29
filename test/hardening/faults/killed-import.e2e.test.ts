import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoSongCsvLines } from '../../../src/features/dataset/demo/demo-songs.js';
import { spawnCli } from '../../support/cli-process.js';
import { eventually } from '../../support/eventually.js';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.js';

/** Enough rows that the import takes seconds, so it is killed mid-way. */
const ROWS = 50_000;
const BATCH_SIZE = 2000;

describe('an import-songs killed mid-way (SIGKILL)', { timeout: 120_000 }, () => {
  let database: TestDatabase;
  let root: string;
  let csv: string;
  /** The file's track ids in file order (its first column). */
  let fileTrackIds: string[];
  let songsAfterKill: string[];

  const query = async <Row extends object>(sql: string): Promise<Row[]> => {
    const client = new pg.Client({ connectionString: database.url, application_name: 'encore-test' });
    await client.connect();
    try {
      return (await client.query<Row>(sql)).rows;
    } finally {
      await client.end();
    }
  };
  const songCount = async () => (await query<{ n: number }>('SELECT count(*)::int AS n FROM songs'))[0]!.n;
  /** Sessions of the CLI (the app's pool names itself "encore"). */
  const importSessions = async () =>
    (await query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'encore'`))[0]!.n;
  const importSongs = () =>
    spawnCli(['import-songs', '--csv', csv, '--batch-size', String(BATCH_SIZE)], { DATABASE_URL: database.url, MODELS_DIR: join(root, 'models') });

  beforeAll(async () => {
    database = await createTestDatabase();
    root = await mkdtemp(join(tmpdir(), 'encore-killed-import-'));
    csv = join(root, 'songs.csv');
    const lines = [...demoSongCsvLines({ count: ROWS, seed: 12 })];
    fileTrackIds = lines.slice(1).map((line) => line.slice(0, line.indexOf(',')));
    // One row per track, so every committed batch adds exactly BATCH_SIZE songs.
    if (new Set(fileTrackIds).size !== ROWS) throw new Error('The generated file repeats track ids');
    await pipeline(Readable.from(lines.map((line) => `${line}\n`)), createWriteStream(csv));

    const killed = importSongs();
    // Visibly in progress: a few batches committed, more to come.
    await eventually(
      'the import to commit some batches',
      async () => {
        if (killed.child.exitCode !== null) throw new Error(`The import ended before it was killed:\n${killed.output()}`);
        return (await songCount()) >= 3 * BATCH_SIZE;
      },
      90_000,
    );
    killed.child.kill('SIGKILL');
    expect(await killed.exit()).toMatchObject({ signal: 'SIGKILL' });
    // The server ends the dead client's session (rolling back its open batch) once it notices.
    await eventually('the killed import session to end', async () => (await importSessions()) === 0);
    songsAfterKill = (await query<{ track_id: string }>('SELECT track_id FROM songs')).map((row) => row.track_id);
  }, 110_000);

  afterAll(async () => {
    await database?.drop();
    if (root) await rm(root, { recursive: true, force: true });
  });

  it("leaves whole batches only: each of the file's batches all there or not at all, every one before the last two written there", () => {
    expect(songsAfterKill.length).toBeGreaterThan(0);
    expect(songsAfterKill.length).toBeLessThan(ROWS);
    const kept = new Set(songsAfterKill);
    const batches = Array.from(
      { length: ROWS / BATCH_SIZE },
      (_, at) => fileTrackIds.slice(at * BATCH_SIZE, (at + 1) * BATCH_SIZE).filter((track) => kept.has(track)).length,
    );
    expect(batches.filter((found) => found !== 0 && found !== BATCH_SIZE)).toEqual([]);
    // Batches of new songs are written two at once, each after the one two before it.
    const lastWritten = batches.findLastIndex((found) => found > 0);
    expect(batches.slice(0, Math.max(0, lastWritten - 1)).every((found) => found === BATCH_SIZE)).toBe(true);
    expect(kept.size).toBe(songsAfterKill.length);
  });

  it('leaves no import tables behind once its session is gone', async () => {
    const tables = await query(`SELECT relname FROM pg_class WHERE relname IN ('song_import_seen', 'song_import_staging')`);
    expect(tables).toEqual([]);
  });

  it('leaves the indexes it dropped to load the empty table recorded, for the next import to build back', async () => {
    const recorded = await query<{ name: string }>('SELECT name FROM song_import_deferred_indexes ORDER BY name');
    expect(recorded.map((row) => row.name)).toContain('songs_words_search_idx');
    expect(await query(`SELECT indexname FROM pg_indexes WHERE indexname = 'songs_words_search_idx'`)).toEqual([]);
  });

  it('imports every song exactly once when the same import runs again', async () => {
    const rerun = importSongs();
    const { code } = await rerun.exit();
    expect(code, rerun.output()).toBe(0);
    expect(await query(`SELECT count(*)::int AS songs, count(DISTINCT track_id)::int AS tracks FROM songs`)).toEqual([{ songs: ROWS, tracks: ROWS }]);
  }, 90_000);

  it('has the indexes the killed import dropped built back by the import that ran again', async () => {
    expect(await query('SELECT name FROM song_import_deferred_indexes')).toEqual([]);
    expect(await query(`SELECT indexname FROM pg_indexes WHERE indexname = 'songs_words_search_idx'`)).toHaveLength(1);
  });
});
