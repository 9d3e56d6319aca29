import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import pg from 'pg';
import request from 'supertest';
import type { App } from 'supertest/types.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { createApp } from '../../../src/app.js';
import { backupDatabase, BackupFileError, restoreDatabase, RestoreRefusedError, type BackupResult } from '../../../src/platform/backup/backup.js';
import { DemoAnalyticsService } from '../../../src/features/analytics/demo/demo-analytics.service.js';
import { DemoCatalogService } from '../../../src/features/catalog/demo/demo-catalog.service.js';
import { loadConfig } from '../../../src/platform/config/app-config.js';
import { withDatabase } from '../../../src/platform/database/connection-string.js';
import { ChinookImportService } from '../../../src/features/genre/chinook/chinook-import.service.js';
import { HitModelTrainerService } from '../../../src/features/hit-prediction/model/hit-model-trainer.service.js';
import { JobQueueService } from '../../../src/platform/jobs/job-queue.service.js';
import { DemoLeadsService } from '../../../src/features/leads/demo/demo-leads.service.js';
import { DemoSongsService } from '../../../src/features/dataset/demo/demo-songs.service.js';
import { createAccount } from '../../support/accounts.js';
import { MANUAL_SONG_FEATURES } from '../../support/hit-song-features.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';

/** A value COPY must escape: tab, newline, carriage return, backslash, a lone "\." line, non-ASCII. */
const AWKWARD = 'Tab\there\nnew line\r\\. back\\slash\n\\.\nÀ bientôt ✓';

async function query<T extends pg.QueryResultRow>(url: string, sql: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

/** Every table of Encore's schemas (partitions too) and every materialized view (the reporting ones), with its row count. */
async function rowCounts(url: string): Promise<Record<string, number>> {
  const tables = await query<{ name: string }>(
    url,
    `SELECT format('%I.%I', schemaname, tablename) AS name FROM pg_tables WHERE schemaname IN ('public', 'chinook', 'pgboss')
     UNION ALL SELECT format('%I.%I', schemaname, matviewname) FROM pg_matviews ORDER BY 1`,
  );
  const counts: Record<string, number> = {};
  for (const { name } of tables) counts[name] = Number((await query<{ count: string }>(url, `SELECT count(*) AS count FROM ${name}`))[0]!.count);
  return counts;
}

const databaseExists = async (name: string) => (await query(inject('postgresUrl'), 'SELECT 1 FROM pg_database WHERE datname = $1', [name])).length > 0;

describe('backup and restore (built-in format)', () => {
  let t: TestApp;
  let dir: string;
  let file: string;
  let backup: BackupResult;
  let before: Record<string, number>;
  const restored = `encore_restored_${process.pid}`;
  const created: string[] = [restored];
  let awkwardId: number;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'encore-backup-'));
    file = join(dir, 'encore.backup.gz');
    t = await createTestApp({ GENRE_TRAIN_CRON: 'off', JOB_SCHEDULES: 'auth-cleanup=off' });
    // Every module's data, as a running install has it.
    await t.app.get(DemoSongsService).import(800);
    await t.app.get(HitModelTrainerService).train({ trees: 3 });
    await t.app.get(ChinookImportService).importSampleIfEmpty();
    await t.app.get(DemoCatalogService).importIfEmpty();
    await t.app.get(DemoAnalyticsService).importIfEmpty();
    await t.app.get(DemoLeadsService).importIfEmpty();
    await createAccount(t, 'admin');
    await createAccount(t, 'artist');
    const jobs = t.app.get(JobQueueService);
    jobs.define({ queue: 'test-backup', schedule: null, expireInSeconds: 30, retryLimit: 0, handler: async () => ({ ok: true }) });
    await jobs.start();
    await jobs.send('test-backup', { note: AWKWARD });
    const [song] = await query<{ id: number }>(
      t.database.url,
      'UPDATE songs SET track_name = $1, album_name = NULL WHERE id = (SELECT min(id) FROM songs) RETURNING id',
      [AWKWARD],
    );
    awkwardId = song!.id;
    await jobs.onApplicationShutdown(); // no job changes state between the backup and the counts
    for (const { name } of await query<{ name: string }>(t.database.url, "SELECT format('%I.%I', schemaname, matviewname) AS name FROM pg_matviews")) {
      await query(t.database.url, `REFRESH MATERIALIZED VIEW ${name}`);
    }
    before = await rowCounts(t.database.url);
    backup = await backupDatabase(t.database.url, { out: file, tool: 'builtin' });
  }, 180_000);

  afterAll(async () => {
    for (const name of created) await query(inject('postgresUrl'), `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await t?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it("writes one gzip file with the applied migrations and every table's rows", async () => {
    expect(backup).toMatchObject({ tool: 'builtin', path: file, bytes: expect.any(Number) });
    const bytes = await readFile(file);
    expect([bytes[0], bytes[1]]).toEqual([0x1f, 0x8b]);
    const migrations = await query<{ migration_name: string }>(t.database.url, 'SELECT migration_name FROM _prisma_migrations ORDER BY 1');
    expect(backup.migrations).toEqual(migrations.map((row) => row.migration_name));
    const tables = Object.fromEntries(backup.tables!.map(({ table, rows }) => [table, rows]));
    expect(tables['public.songs']).toBe(before['public.songs']);
    expect(tables['pgboss.job']).toBeGreaterThan(0);
    expect(Object.keys(tables)).toEqual(
      expect.arrayContaining(['public.users', 'public.model_metadata', 'chinook.customer', 'pgboss.queue', 'pgboss.version']),
    );
    expect(Object.keys(tables)).not.toContain('public._prisma_migrations');
  });

  it('restores into a fresh database with every table holding the same number of rows', async () => {
    expect(await databaseExists(restored)).toBe(false);
    const result = await restoreDatabase(t.database.url, { from: file, database: restored });
    expect(result).toMatchObject({ tool: 'builtin', database: restored });
    const url = withDatabase(t.database.url, restored);
    const after = await rowCounts(url);
    expect(after).toEqual(before);
    // Not a table of empty ones: the main tables of every module have rows.
    for (const table of ['public.songs', 'public.users', 'public.model_metadata', 'public.catalog_songs', 'chinook.customer', 'pgboss.job', 'pgboss.queue']) {
      expect(after[table], table).toBeGreaterThan(0);
    }
    // The materialized views (made empty by the migrations) were computed again from the rows.
    const views = Object.keys(before).filter((name) => name.startsWith('reporting.'));
    if (views.length > 0) expect(views.filter((view) => after[view]! > 0).length).toBeGreaterThan(0);
  });

  it('keeps every value as it was, awkward text included, and moves sequences past the highest ids', async () => {
    const url = withDatabase(t.database.url, restored);
    const [song] = await query<{ track_name: string; album_name: string | null }>(url, 'SELECT track_name, album_name FROM songs WHERE id = $1', [awkwardId]);
    expect(song).toEqual({ track_name: AWKWARD, album_name: null });
    const [job] = await query<{ data: { note: string } }>(url, "SELECT data FROM pgboss.job WHERE name = 'test-backup'");
    expect(job!.data.note).toBe(AWKWARD);
    const digest = (database: string) =>
      query<{ md5: string }>(
        database,
        "SELECT md5(string_agg(s::text, '|' ORDER BY id)) FROM (SELECT id, track_id, track_name, artists, popularity, is_hit, danceability, created_at FROM songs) s",
      );
    expect(await digest(url)).toEqual(await digest(t.database.url));
    const [{ next, highest }] = (await query<{ next: string; highest: string }>(
      url,
      "SELECT nextval(pg_get_serial_sequence('songs', 'id')) AS next, (SELECT max(id) FROM songs) AS highest",
    )) as [{ next: string; highest: string }];
    expect(Number(next)).toBeGreaterThan(Number(highest));
  });

  it('gives a working app on the restored database, predicting from the backup alone (an empty models folder)', async () => {
    const url = withDatabase(t.database.url, restored);
    const emptyModelsDir = await mkdtemp(join(tmpdir(), 'encore-models-restored-'));
    const config = loadConfig({
      NODE_ENV: 'test',
      LOG_LEVEL: 'error',
      RATE_LIMIT_ENABLED: 'false',
      MODELS_DIR: emptyModelsDir,
      MEDIA_DIR: t.mediaDir,
      GENRE_TRAIN_CRON: 'off',
      DATABASE_URL: url,
    });
    const app = await createApp(config, url);
    await app.init();
    try {
      const { body } = await request(app.getHttpServer() as App)
        .get('/api/dataset/songs?page_size=1')
        .expect(200);
      expect(body.count).toBe(before['public.songs']);
      await request(app.getHttpServer() as App)
        .get('/api/models/active')
        .expect(200);
      await request(app.getHttpServer() as App)
        .post('/api/predict/manual/')
        .send(MANUAL_SONG_FEATURES)
        .expect(200);
    } finally {
      await app.close();
      await rm(emptyModelsDir, { recursive: true, force: true });
    }
  });

  it('refuses a database that is not empty unless --force, and then replaces it', async () => {
    const refused = restoreDatabase(t.database.url, { from: file, database: restored });
    await expect(refused).rejects.toThrow(RestoreRefusedError);
    await expect(restoreDatabase(t.database.url, { from: file, database: restored })).rejects.toThrow(/is not empty .*--database NAME.*--force/);
    expect(await rowCounts(withDatabase(t.database.url, restored))).toEqual(before); // untouched

    await restoreDatabase(t.database.url, { from: file, database: restored, force: true });
    expect(await rowCounts(withDatabase(t.database.url, restored))).toEqual(before);
  });

  it('says clearly what is wrong with a missing, foreign, damaged or cut-short file, and touches no database', async () => {
    const target = `encore_never_${process.pid}`;
    created.push(target);
    const attempt = (from: string) => restoreDatabase(t.database.url, { from, database: target });

    await expect(attempt(join(dir, 'missing.backup.gz'))).rejects.toThrow(new BackupFileError(`No backup file at ${join(dir, 'missing.backup.gz')}`));
    await expect(attempt(dir)).rejects.toThrow(/is not a file/);

    const text = join(dir, 'notes.txt');
    await writeFile(text, 'just some notes\n');
    await expect(attempt(text)).rejects.toThrow(/is not a backup: neither Encore's backup format \(gzip\) nor pg_dump's custom format/);

    const otherGzip = join(dir, 'other.gz');
    await writeFile(otherGzip, gzipSync('{"hello":"world"}\n'));
    await expect(attempt(otherGzip)).rejects.toThrow(/is not an Encore backup/);

    const bytes = await readFile(file);
    const cut = join(dir, 'cut.backup.gz');
    await writeFile(cut, bytes.subarray(0, Math.floor(bytes.length / 2)));
    await expect(attempt(cut)).rejects.toThrow(/is damaged: it ends too early|is incomplete/);

    const corrupt = join(dir, 'corrupt.backup.gz');
    const flipped = Buffer.from(bytes);
    for (let at = 200; at < flipped.length - 100; at += 997) flipped[at] = flipped[at]! ^ 0xff;
    await writeFile(corrupt, flipped);
    await expect(attempt(corrupt)).rejects.toThrow(BackupFileError);

    expect(await databaseExists(target)).toBe(false);
  });
});
