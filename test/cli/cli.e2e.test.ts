import { existsSync } from 'node:fs';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exitOf, spawnApp, waitForHealth } from '../support/app-process.js';
import { runCli } from '../support/cli-process.js';
import { freePort } from '../support/free-port.js';
import { chinookScript } from '../support/sample-data.js';

// Each command is a fresh Node process that starts the embedded database and the app's modules:
// seconds each, many more on a loaded machine.
describe('npm run cli', { timeout: 180_000 }, () => {
  let root: string;
  let env: NodeJS.ProcessEnv;
  const pidFile = () => join(root, 'pg', 'postmaster.pid');

  const cli = (...args: string[]) => runCli(args, env);

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'encore-cli-'));
    await chmod(root, 0o755);
    env = { MODELS_DIR: join(root, 'models'), EMBEDDED_PG_DIR: join(root, 'pg'), EMBEDDED_PG_PORT: String(await freePort()), PORT: String(await freePort()) };
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  it('lists its commands with --help', () => {
    const { code, stdout } = cli('--help');
    expect(code).toBe(0);
    expect(stdout).toMatch(/migrate/);
    expect(stdout).toMatch(/create-migration <name>/);
    expect(stdout).toMatch(/import-songs/);
    expect(stdout).toMatch(/clear-songs/);
    expect(stdout).toMatch(/train/);
    expect(stdout).toMatch(/models/);
    expect(stdout).toMatch(/refresh-reporting/);
    expect(stdout).toMatch(/create-bi-user/);
  });

  it('refuses an unknown command with a non-zero exit', () => {
    const { code, stderr } = cli('frobnicate');
    expect(code).not.toBe(0);
    expect(stderr).toMatch(/unknown command/);
  });

  it('starts the embedded server for the command when no app runs, and stops it after', () => {
    const first = cli('migrate');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^Applied: \d+_init/);
    expect(existsSync(pidFile())).toBe(false);

    expect(cli('migrate').stdout.trim()).toBe('The database is up to date.');
  });

  it('refreshes the reporting views, and makes a BI user of the embedded server printing where to connect', () => {
    const refreshed = cli('refresh-reporting');
    expect(refreshed.code).toBe(0);
    for (const view of ['catalog_plays', 'genre_predictions', 'prediction_daily'])
      expect(refreshed.stdout).toMatch(new RegExp(`^reporting\\.${view} +0 rows +[\\d.]+ ms$`, 'm'));
    expect(refreshed.stdout).toMatch(/^Refreshed 3 materialized views in [\d.]+ ms\.$/m);

    const created = cli('create-bi-user', '--name', 'powerbi');
    expect(created.code).toBe(0);
    expect(created.stdout).toMatch(/^Created BI user powerbi: reads schema reporting only\.$/m);
    expect(created.stdout).toMatch(/^ {2}Host: +127\.0\.0\.1$/m);
    expect(created.stdout).toMatch(new RegExp(`^  Port: +${env.EMBEDDED_PG_PORT}$`, 'm'));
    expect(created.stdout).toMatch(/^ {2}Database: +encore$/m);
    expect(created.stdout).toMatch(/^ {2}User: +powerbi$/m);
    expect(created.stdout).toMatch(/^ {2}Password: +[A-Za-z0-9_-]{32} +\(generated: shown only this once/m);
    expect(created.stdout).toContain('takes connections from this machine only');
    expect(existsSync(pidFile())).toBe(false);
  });

  it('imports songs from CSV files and prints the report', async () => {
    const csv = join(root, 'songs.csv');
    await writeFile(
      csv,
      [
        'track,artist,uri,danceability,energy,key,loudness,mode,speechiness,acousticness,instrumentalness,liveness,valence,tempo,duration_ms,time_signature,chorus_hit,sections,target',
        'Harbour River,Mara Lintel,spotify:track:EncoreFixtureTrack0001,0.734,0.564,10,-7.867,1,0.0308,0.9191,0.3288,0.1618,0.577,99.511,158308,4,51.602,12,1',
        'Velvet Comet,Oskar Vane,spotify:track:EncoreFixtureTrack0002,0.692,0.643,8,-7.031,0,0.1451,0.4057,0.1617,0.1109,0.634,132.604,153818,4,41.05184,8,0',
        'Broken,Nobody,spotify:track:EncoreFixtureTrack0099,0.5,2,3,-12.4,1,0.034,0.02,0.1,0.18,0.8,101.8,213000,4,48.8,10,0',
      ].join('\n'),
    );
    const dryRun = cli('import-songs', '--csv', csv, '--dry-run');
    expect(dryRun.code).toBe(0);
    expect(dryRun.stdout).toContain('dry run: nothing was written');

    const { code, stdout } = cli('import-songs', '--csv', csv, '--batch-size', '1');
    expect(code).toBe(0);
    expect(stdout).toMatch(/Imported: +2 new songs/);
    expect(stdout).toMatch(/Skipped: +1 bad rows\n +.*songs\.csv:4: energy out of range 0…1: 2/);
    expect(stdout).toMatch(/HIT \/ FLOP: +1 \(50\.0 %\) \/ 1 \(50\.0 %\)/);
  });

  it('refuses a file with an unknown header before importing anything', async () => {
    const odd = join(root, 'odd.csv');
    await writeFile(odd, 'name,band\nx,y\n');
    const { code, stderr } = cli('import-songs', '--csv', odd);
    expect(code).toBe(1);
    expect(stderr).toContain('Unrecognised CSV header: name,band');
    expect(stderr).toContain('track_id,artists,album_name,track_name');
    expect(cli('import-songs', '--csv', join(root, 'missing.csv')).stderr).toContain('File not found');
  });

  it('refuses to train on two songs, and lists no model', () => {
    const train = cli('train', '--trees', '5');
    expect(train.code).toBe(1);
    expect(train.stderr).toMatch(/Training needs hits and flops: songs table \(2 songs\) has 1 hits/);
    expect(cli('train', '--model-type', 'mood').stderr).toContain('Unknown model type "mood": use hit or genre.');
    expect(cli('train', '--model-type', 'genre').stderr).toContain('Training needs at least 10 customers with purchases; schema chinook has 0.');
    expect(cli('models', 'list').stdout.trim()).toBe('No trained models yet: npm run train');
  });

  it('clears songs only with --yes', () => {
    const refused = cli('clear-songs');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('add --yes to confirm');
    const { code, stdout } = cli('clear-songs', '--yes');
    expect(code).toBe(0);
    expect(stdout).toContain('Deleted 2 songs');
  });

  it("imports an artist's metrics from CSV, creating the artist by name, and scores them", async () => {
    const csv = join(root, 'metrics.csv');
    const days = Array.from({ length: 40 }, (_, i) => new Date(Date.now() - (40 - i) * 86_400_000).toISOString().slice(0, 10));
    await writeFile(csv, ['platform,date,followers,streams,likes', ...days.map((day, i) => `spotify,${day},${1000 + i * 10},${500 + i},${20 + i}`)].join('\n'));
    expect(cli('import-metrics', csv, '--artist', 'Night Ferry').stderr).toContain('No artist is named "Night Ferry"; add --create to create it.');
    const imported = cli('import-metrics', csv, '--artist', 'Night Ferry', '--create');
    expect(imported.code).toBe(0);
    expect(imported.stdout).toMatch(
      new RegExp(`^Imported .*metrics\\.csv for artist [0-9a-f-]{36}: 40 new and 0 updated platform-days, ${days[0]} to ${days.at(-1)}\\.$`, 'm'),
    );
    const scored = cli('score-analytics');
    expect(scored.code).toBe(0);
    expect(scored.stdout).toMatch(/^Scored 1 of 1 artists \(FVS 1\); alerts created: \d+\.$/m);
  });

  it('imports the real Chinook script and trains a genre model on it, printing the majority baseline', () => {
    const imported = cli('import-chinook', chinookScript);
    expect(imported.code).toBe(0);
    expect(imported.stdout).toMatch(/customer\s+59 rows/);
    expect(imported.stdout).toMatch(/invoice_line\s+2,240 rows/);
    const trained = cli('train', '--model-type', 'genre', '--trees', '20');
    expect(trained.code).toBe(0);
    expect(trained.stdout).toContain('Evaluation:  stratified 3-fold cross-validation');
    expect(trained.stdout).toMatch(/Majority baseline\s+72\.9 % \(always "Rock"\)/);
  });

  it('fills the demo store and trains a genre model on it, printing the majority baseline', () => {
    expect(cli('import-chinook', '--demo', '--customers', '600').stdout).toMatch(/customer\s+600 rows/);
    const trained = cli('train', '--model-type', 'genre', '--trees', '20');
    expect(trained.code).toBe(0);
    expect(trained.stdout).toContain('(trained on the synthetic demo store)');
    expect(trained.stdout).toContain('Majority baseline');
    expect(trained.stdout).toMatch(/Saved .*genre-[\d-]+\.onnx/);
  });

  it("uses the running app's server and leaves it running", async () => {
    const app = spawnApp(env);
    try {
      expect((await waitForHealth(app)).status).toBe(200);
      const serverPid = (await readFile(pidFile(), 'utf8')).split('\n')[0];

      const { code, stderr } = cli('migrate');
      expect(code).toBe(0);
      expect(stderr).toMatch(/Using the PostgreSQL server \(pid \d+\) run by process/);
      expect((await readFile(pidFile(), 'utf8')).split('\n')[0]).toBe(serverPid);
      expect((await fetch(`${app.baseUrl}/api/health/`)).status).toBe(200);
    } finally {
      app.child.kill('SIGTERM');
      await exitOf(app.child);
    }
  });
});
